package crm

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"
)

// Sentinel errors. Every error returned by a Client method matches at most a
// few of these with errors.Is; the *APIError in the chain has the details.
var (
	// ErrUnauthorized: wrong system id or API key, or the subscription lacks
	// the "REST APIs + XML szinkronizáció" add-on (HTTP 401, 403, or the
	// manual's "404 Unauthorized").
	ErrUnauthorized = errors.New("minicrm: unauthorized")
	// ErrNotFound: the id does not exist (HTTP 404).
	ErrNotFound = errors.New("minicrm: not found")
	// ErrRateLimited: HTTP 429 persisted through the retries, or the server
	// asked for a wait longer than the client is willing to block.
	ErrRateLimited = errors.New("minicrm: rate limited")
	// ErrUnavailable: a 5xx answer, a timeout or a network error (DNS,
	// connection refused or reset) that persisted through the retries.
	ErrUnavailable = errors.New("minicrm: unavailable")
	// ErrOutcomeUnknown: a create may or may not have been applied (5xx,
	// timeout or broken connection after the request was sent). It is never
	// retried automatically; search for the record before creating it again.
	ErrOutcomeUnknown = errors.New("minicrm: outcome unknown")
	// ErrTLS: the TLS handshake failed, typically an untrusted certificate
	// (an intercepting proxy or antivirus) or a wrong system clock.
	ErrTLS = errors.New("minicrm: tls handshake failed")
	// ErrBadRequest: MiniCRM rejected the request (HTTP 400, 405, other 4xx);
	// the APIError body says why, in the system's language.
	ErrBadRequest = errors.New("minicrm: request rejected")
	// ErrInvalidResponse: the answer was not the JSON the API documents
	// (e.g. an HTML page from a captive portal or a wrong base URL).
	ErrInvalidResponse = errors.New("minicrm: invalid response")
)

// maxErrorBody is how much of a response body an APIError keeps.
const maxErrorBody = 512

// APIError describes one failed request. Status is 0 when no HTTP response
// arrived; Err is then the transport error.
type APIError struct {
	Status     int           // HTTP status code, 0 for transport errors
	Endpoint   string        // method and path, e.g. "GET /Api/R3/Contact/5" (no query: it may hold e-mails)
	Body       string        // response body, truncated, with credentials redacted
	RetryAfter time.Duration // the server's Retry-After, if it sent one
	Err        error         // transport cause, nil for HTTP status errors

	kinds []error // sentinels this error matches
}

func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString("minicrm ")
	b.WriteString(e.Endpoint)
	b.WriteString(": ")
	switch {
	case e.Status != 0:
		fmt.Fprintf(&b, "%d %s", e.Status, http.StatusText(e.Status))
		if e.Body != "" {
			b.WriteString(": ")
			b.WriteString(e.Body)
		}
	case e.Err != nil:
		b.WriteString(e.Err.Error())
	default:
		b.WriteString("failed")
	}
	if errors.Is(e, ErrOutcomeUnknown) {
		b.WriteString(" (outcome unknown: the write may have been applied)")
	}
	return b.String()
}

// Unwrap lets errors.Is match the sentinels and the transport cause.
func (e *APIError) Unwrap() []error {
	errs := append([]error(nil), e.kinds...)
	if e.Err != nil {
		errs = append(errs, e.Err)
	}
	return errs
}

// statusKind maps an HTTP status (and its body, for the manual's
// "404 Unauthorized") to a sentinel.
func statusKind(status int, body string) error {
	switch {
	case status == http.StatusUnauthorized, status == http.StatusForbidden:
		return ErrUnauthorized
	case status == http.StatusNotFound:
		// The manual documents auth failures as "404 - Unauthorized: Access
		// denied"; a live tenant answered 401. Accept both.
		lb := strings.ToLower(body)
		if strings.Contains(lb, "unauthorized") || strings.Contains(lb, "access denied") {
			return ErrUnauthorized
		}
		return ErrNotFound
	case status == http.StatusTooManyRequests:
		return ErrRateLimited
	case status >= 500:
		return ErrUnavailable
	case status >= 400:
		return ErrBadRequest
	default: // 1xx, 3xx: a redirect we did not follow, or nonsense
		return ErrInvalidResponse
	}
}

// transportKind classifies an error from http.Client.Do.
//   - ErrTLS for certificate and handshake failures (never retried: they
//     do not go away by themselves);
//   - notSent reports failures that happen before any byte of the request
//     reached the server (DNS, connection refused, TLS), which are safe to
//     retry even for a create.
func transportKind(err error) (kind error, notSent bool) {
	var (
		certErr   *tls.CertificateVerificationError
		unknownCA x509.UnknownAuthorityError
		invalid   x509.CertificateInvalidError
		hostErr   x509.HostnameError
		recErr    tls.RecordHeaderError
		alertErr  tls.AlertError
		dnsErr    *net.DNSError
		opErr     *net.OpError
	)
	switch {
	case errors.As(err, &certErr), errors.As(err, &unknownCA), errors.As(err, &invalid),
		errors.As(err, &hostErr), errors.As(err, &recErr), errors.As(err, &alertErr):
		return ErrTLS, true
	case errors.As(err, &dnsErr):
		return ErrUnavailable, true
	case errors.As(err, &opErr) && opErr.Op == "dial":
		return ErrUnavailable, true
	default:
		return ErrUnavailable, false
	}
}

// isTimeout reports whether err is a timeout of the client or the context.
func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())
}

// isNetworkDown reports whether err says the host could not be reached at all.
func isNetworkDown(err error) bool {
	var (
		dnsErr *net.DNSError
		opErr  *net.OpError
	)
	return errors.As(err, &dnsErr) || (errors.As(err, &opErr) && opErr.Op == "dial")
}
