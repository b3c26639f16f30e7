package crm

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"konnyuszamla/domain"
)

// SyncConnector implements domain.SyncConnector: it opens a Client for the
// saved settings, with the API key from the keyring, counting every HTTP
// request it sends (retries included). main.go hands one to the sync.
type SyncConnector struct {
	// Secrets is the keyring the API key is read from.
	Secrets domain.SecretStore
	// UserAgent identifies the app, e.g. "KonnyuSzamla/0.1.0".
	UserAgent string
	// HTTPClient, Clock, Limiter and Logger: see Config. A nil Limiter means
	// the one this package keeps per system (and clock), so that runs one
	// after another stay under 60 requests a minute together; pass the
	// Limiter other clients of the same system use, if any.
	HTTPClient *http.Client
	Clock      Clock
	Limiter    *Limiter
	Logger     *slog.Logger
}

var _ domain.SyncConnector = SyncConnector{}

// ConnectSync implements domain.SyncConnector.
func (c SyncConnector) ConnectSync(ctx context.Context, s domain.MiniCRMSettings) (domain.SyncRemote, error) {
	s.Normalize()
	if err := s.ValidateConnection(); err != nil {
		return nil, err
	}
	key, err := (&domain.MiniCRMService{Secrets: c.Secrets}).APIKey(ctx, s.SystemID)
	if err != nil {
		return nil, err
	}
	hc := c.HTTPClient
	if hc == nil {
		hc = defaultHTTPClient()
	}
	counted := *hc
	base := hc.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	r := &SyncRemote{}
	counted.Transport = &countingTransport{base: base, n: &r.requests}
	limiter := c.Limiter
	if limiter == nil {
		limiter = sharedLimiter(s.BaseURL, s.SystemIDNumber(), c.Clock)
	}
	client, err := NewClient(Config{BaseURL: s.BaseURL, SystemID: s.SystemIDNumber(), APIKey: key,
		UserAgent: c.UserAgent, HTTPClient: &counted, Clock: c.Clock, Limiter: limiter, Logger: c.Logger})
	if err != nil {
		return nil, err
	}
	r.client = client
	return r, nil
}

// limiters are the limiters of the systems this process talks to: one run
// after another (or two at once) must share the minute's budget, which
// MiniCRM counts per system.
var (
	limitersMu sync.Mutex
	limiters   = map[limiterKey]*Limiter{}
)

type limiterKey struct {
	base   string
	system int64
	clock  Clock
}

func sharedLimiter(base string, system int64, clock Clock) *Limiter {
	if clock == nil {
		clock = systemClock{}
	}
	limitersMu.Lock()
	defer limitersMu.Unlock()
	k := limiterKey{base, system, clock}
	l, ok := limiters[k]
	if !ok {
		l = NewLimiter(RateLimit, RateLimitWindow, clock)
		limiters[k] = l
	}
	return l
}

// countingTransport counts the requests that go out.
type countingTransport struct {
	base http.RoundTripper
	n    *atomic.Int64
}

func (t *countingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	t.n.Add(1)
	return t.base.RoundTrip(req)
}

// syncError is an error of the client as the sync sees it: it matches
// domain.ErrRemote and the domain sentinel of its kind besides the
// client's own sentinels.
type syncError struct {
	err   error
	kinds []error
}

func (e *syncError) Error() string { return e.err.Error() }
func (e *syncError) Unwrap() []error {
	return append(append([]error{domain.ErrRemote}, e.kinds...), e.err)
}

// syncErr classifies err for the sync engine.
func syncErr(err error) error {
	if err == nil {
		return nil
	}
	var kinds []error
	switch {
	case errors.Is(err, ErrOutcomeUnknown):
		kinds = []error{domain.ErrRemoteOutcomeUnknown}
	case errors.Is(err, ErrNotFound):
		kinds = []error{domain.ErrRemoteNotFound}
	case errors.Is(err, ErrBadRequest):
		kinds = []error{domain.ErrRemoteRejected}
	case errors.Is(err, ErrUnavailable), errors.Is(err, ErrRateLimited):
		kinds = []error{domain.ErrRemoteUnavailable}
	}
	return &syncError{err: err, kinds: kinds}
}

// widenSince moves an UpdatedSince back by an hour when a daylight-saving
// change of Europe/Budapest lies between it and now: MiniCRM's timestamps
// are naive local times, and in the autumn the hour 02:00–03:00 happens
// twice.
func widenSince(since, now time.Time) time.Time {
	if since.IsZero() {
		return since
	}
	_, a := since.In(budapest).Zone()
	_, b := now.In(budapest).Zone()
	if a != b {
		return since.Add(-time.Hour)
	}
	return since
}
