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
	clock := c.Clock
	if clock == nil {
		clock = systemClock{}
	}
	r := &SyncRemote{server: &serverClock{clock: clock}}
	counted.Transport = &countingTransport{base: base, n: &r.requests, server: r.server}
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

// countingTransport counts the requests that go out and notes MiniCRM's
// clock from the Date header of the answers.
type countingTransport struct {
	base   http.RoundTripper
	n      *atomic.Int64
	server *serverClock
}

func (t *countingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	t.n.Add(1)
	res, err := t.base.RoundTrip(req)
	if err == nil && t.server != nil {
		t.server.observe(res.Header.Get("Date"))
	}
	return res, err
}

// serverClock is MiniCRM's clock as the Date headers of its answers tell
// it: the server time of the latest answer and the local time it arrived.
// The watermark of the sync is MiniCRM time, so a PC clock running fast
// must not move it past changes the server has not reached yet.
type serverClock struct {
	clock         Clock
	mu            sync.Mutex
	server, local time.Time
}

func (s *serverClock) observe(date string) {
	if date == "" {
		return
	}
	t, err := http.ParseTime(date)
	if err != nil {
		return
	}
	now := s.clock.Now()
	s.mu.Lock()
	s.server, s.local = t, now
	s.mu.Unlock()
}

// at converts local time t into MiniCRM's time, and returns the earlier of
// the two (the Date header has whole seconds, and an earlier watermark
// only refetches a little more). Before any answer it returns t.
func (s *serverClock) at(t time.Time) time.Time {
	s.mu.Lock()
	server, local := s.server, s.local
	s.mu.Unlock()
	if server.IsZero() {
		return t
	}
	if st := server.Add(t.Sub(local)); st.Before(t) {
		return st.In(t.Location())
	}
	return t
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
