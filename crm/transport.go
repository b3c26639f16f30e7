package crm

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"time"
	"unicode/utf8"
)

// maxBody bounds what the client reads from one response.
const maxBody = 32 << 20

// request is one API call as the retry loop sees it.
type request struct {
	method string
	path   string // below the base URL, e.g. "/Api/R3/Contact/5"
	query  url.Values
	body   any // JSON-encoded when non-nil
	// create marks a PUT without an id. MiniCRM has no upsert, so a create
	// is never repeated once it may have reached the server.
	create bool
}

func (r request) endpoint() string { return r.method + " " + r.path }

// response is what one attempt got back.
type response struct {
	status int
	header http.Header
	body   []byte
}

// do runs r through the limiter and the retry policy and decodes a 2xx JSON
// answer into out (if out is non-nil).
//
// Retries: 429 waits (Retry-After or backoff) and retries any request,
// creates included, because the server refused it before doing anything.
// 5xx, timeouts and network errors are retried for reads and updates; for
// a create they are retried only if the request provably never left (DNS
// failure, connection refused), otherwise the error matches
// ErrOutcomeUnknown.
func (c *Client) do(ctx context.Context, r request, out any) error {
	var payload []byte
	if r.body != nil {
		var err error
		if payload, err = json.Marshal(r.body); err != nil {
			return fmt.Errorf("%s: encode body: %w", r.endpoint(), err)
		}
	}
	failures, limited := 0, 0
	for {
		release, err := c.limiter.Acquire(ctx)
		if err != nil {
			return fmt.Errorf("%s: wait for rate limit: %w", r.endpoint(), err)
		}
		res, err := c.send(ctx, r, payload)
		release()

		var wait time.Duration
		switch {
		case err != nil:
			apiErr := c.transportError(ctx, r, err)
			if ctx.Err() != nil || !retryable(apiErr) {
				return apiErr
			}
			if failures++; failures >= c.maxAttempts {
				return apiErr
			}
			wait = backoff(failures, c.retryBase, c.retryCap)
			c.note(ctx, slog.LevelWarn, "minicrm: network error, retrying", r, failures, wait, 0, apiErr)

		case res.status >= 200 && res.status < 300:
			return c.decode(r, res, out)

		case res.status == http.StatusTooManyRequests:
			apiErr := c.statusError(r, res)
			ra, has := parseRetryAfter(res.header, c.clock.Now())
			apiErr.RetryAfter = ra
			if limited++; limited > c.max429 || (has && ra > c.maxRetryAfter) {
				return apiErr
			}
			wait = ra
			if !has {
				wait = backoff(limited, c.limitBase, c.limitCap)
			}
			c.note(ctx, slog.LevelWarn, "minicrm: rate limited, waiting", r, limited, wait, res.status, nil)

		case res.status >= 500:
			apiErr := c.statusError(r, res)
			if r.create {
				apiErr.kinds = []error{ErrOutcomeUnknown, ErrUnavailable}
				return apiErr
			}
			if failures++; failures >= c.maxAttempts {
				return apiErr
			}
			wait = backoff(failures, c.retryBase, c.retryCap)
			if ra, ok := parseRetryAfter(res.header, c.clock.Now()); ok && ra <= c.maxRetryAfter {
				wait = ra
			}
			c.note(ctx, slog.LevelWarn, "minicrm: server error, retrying", r, failures, wait, res.status, nil)

		default:
			return c.statusError(r, res)
		}
		if err := sleep(ctx, c.clock, wait); err != nil {
			return fmt.Errorf("%s: wait before retry: %w", r.endpoint(), err)
		}
	}
}

// send performs one HTTP exchange and reads the whole body.
func (c *Client) send(ctx context.Context, r request, payload []byte) (*response, error) {
	u := *c.base
	u.Path += r.path
	if len(r.query) > 0 {
		// Encode writes a space as "+", which is what MiniCRM documents for
		// UpdatedSince=2023-03-24+10:30:00.
		u.RawQuery = r.query.Encode()
	}
	var body io.Reader
	if payload != nil {
		body = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(ctx, r.method, u.String(), body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", c.authHeader)
	req.Header.Set("User-Agent", c.userAgent)
	req.Header.Set("Accept", "application/json")
	if payload != nil {
		req.Header.Set("Content-Type", "application/json; charset=utf-8")
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return nil, fmt.Errorf("read response: %w", err)
	}
	return &response{status: resp.StatusCode, header: resp.Header, body: data}, nil
}

// transportError classifies a failed exchange. A create that may have been
// sent becomes ErrOutcomeUnknown; the caller's cancellation is kept as is.
func (c *Client) transportError(ctx context.Context, r request, err error) *APIError {
	kind, notSent := transportKind(err)
	e := &APIError{Endpoint: r.endpoint(), Err: &errRedacted{err: err, redact: c.redact}}
	switch {
	case kind == ErrTLS:
		e.kinds = []error{ErrTLS}
	case r.create && !notSent:
		e.kinds = []error{ErrOutcomeUnknown, ErrUnavailable}
	case errors.Is(ctx.Err(), context.Canceled):
		// The user gave up; nothing is unavailable.
	default:
		e.kinds = []error{ErrUnavailable}
	}
	return e
}

// retryable reports whether a transport failure may be tried again (the
// caller checks its context first).
func retryable(e *APIError) bool {
	return errors.Is(e, ErrUnavailable) && !errors.Is(e, ErrOutcomeUnknown)
}

func (c *Client) statusError(r request, res *response) *APIError {
	body := c.redact(truncate(string(res.body), maxErrorBody))
	return &APIError{
		Status:   res.status,
		Endpoint: r.endpoint(),
		Body:     body,
		kinds:    []error{statusKind(res.status, body)},
	}
}

// decode reads a 2xx answer. A create whose answer cannot be read was
// nevertheless applied, so it is reported as ErrOutcomeUnknown too.
func (c *Client) decode(r request, res *response, out any) error {
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(res.body, out); err != nil {
		e := c.statusError(r, res)
		e.Err = err
		e.kinds = []error{ErrInvalidResponse}
		if r.create {
			e.kinds = []error{ErrOutcomeUnknown, ErrInvalidResponse}
		}
		return e
	}
	return nil
}

func (c *Client) note(ctx context.Context, level slog.Level, msg string, r request, attempt int, wait time.Duration, status int, err error) {
	attrs := []slog.Attr{
		slog.String("endpoint", r.endpoint()),
		slog.Int("attempt", attempt),
		slog.Duration("wait", wait),
	}
	if status != 0 {
		attrs = append(attrs, slog.Int("status", status))
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", c.redact(err.Error())))
	}
	c.log.LogAttrs(ctx, level, msg, attrs...)
}

// truncate shortens s to at most n bytes without splitting a UTF-8 sequence.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// get fetches path and hands the raw JSON to decode; a decode failure is
// ErrInvalidResponse.
func (c *Client) get(ctx context.Context, path string, query url.Values, decode func([]byte) error) error {
	r := request{method: http.MethodGet, path: path, query: query}
	var raw json.RawMessage
	if err := c.do(ctx, r, &raw); err != nil {
		return err
	}
	if err := decode(raw); err != nil {
		return &APIError{Status: http.StatusOK, Endpoint: r.endpoint(), Err: err, kinds: []error{ErrInvalidResponse}}
	}
	return nil
}

// create sends PUT collection (no id), which always makes a new record,
// and returns the new id.
func (c *Client) create(ctx context.Context, collection string, body any) (int64, error) {
	r := request{method: http.MethodPut, path: collection, body: body, create: true}
	var res idResponse
	if err := c.do(ctx, r, &res); err != nil {
		return 0, err
	}
	if res.ID <= 0 {
		// Applied (2xx) but we cannot tell which record it made.
		return 0, &APIError{Status: http.StatusOK, Endpoint: r.endpoint(), Err: errors.New("answer has no Id"),
			kinds: []error{ErrOutcomeUnknown, ErrInvalidResponse}}
	}
	return int64(res.ID), nil
}

// update sends a partial update, PUT collection/id. An id of 0 is refused
// here: without it the PUT would create a new record.
func (c *Client) update(ctx context.Context, collection string, id int64, body any) error {
	if id <= 0 {
		return fmt.Errorf("invalid id %d", id)
	}
	r := request{method: http.MethodPut, path: fmt.Sprintf("%s/%d", collection, id), body: body}
	// Updates answer {"Id": n}; the body is not needed, and a non-JSON "Ok"
	// must not turn a successful update into an error.
	return c.do(ctx, r, nil)
}
