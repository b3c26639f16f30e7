package crm

import (
	"context"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Clock is the time source of the rate limiter and the retry backoff, so that
// tests can run a minute of waiting without sleeping (see minicrmtest.Clock).
type Clock interface {
	Now() time.Time
	// After sends the time on the returned channel once d has passed.
	After(d time.Duration) <-chan time.Time
}

type systemClock struct{}

func (systemClock) Now() time.Time                         { return time.Now() }
func (systemClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// Limiter admits at most limit requests in any sliding window. It is safe
// for concurrent use; all goroutines using one Client share its Limiter.
//
// A slot is stamped when the request starts and restamped when it finishes,
// and a slot whose request is still in flight never expires. The server
// counts a request when it arrives, which lies between the two stamps, so
// the server's window can never see more than limit requests either, however
// slow the network is.
type Limiter struct {
	clock  Clock
	limit  int
	window time.Duration

	mu    sync.Mutex
	slots []*slot
	freed chan struct{} // closed and replaced whenever an in-flight slot finishes
}

type slot struct {
	at       time.Time
	inFlight bool
}

// NewLimiter returns a Limiter for limit requests per window. A nil clock
// means the system clock.
func NewLimiter(limit int, window time.Duration, clock Clock) *Limiter {
	if clock == nil {
		clock = systemClock{}
	}
	if limit < 1 {
		limit = 1
	}
	return &Limiter{clock: clock, limit: limit, window: window, freed: make(chan struct{})}
}

// Acquire blocks until a request may be sent, or ctx is done. The caller must
// call release once the request has finished (response read or failed).
func (l *Limiter) Acquire(ctx context.Context) (release func(), err error) {
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		l.mu.Lock()
		now := l.clock.Now()
		l.dropExpired(now)
		if len(l.slots) < l.limit {
			s := &slot{at: now, inFlight: true}
			l.slots = append(l.slots, s)
			l.mu.Unlock()
			var once sync.Once
			return func() { once.Do(func() { l.finish(s) }) }, nil
		}
		wait, ok := l.nextExpiry(now)
		freed := l.freed
		l.mu.Unlock()

		var timer <-chan time.Time
		if ok {
			timer = l.clock.After(wait)
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-timer:
		case <-freed: // an in-flight slot got a finish time: recompute
		}
	}
}

func (l *Limiter) finish(s *slot) {
	l.mu.Lock()
	defer l.mu.Unlock()
	s.at = l.clock.Now()
	s.inFlight = false
	close(l.freed)
	l.freed = make(chan struct{})
}

func (l *Limiter) dropExpired(now time.Time) {
	kept := l.slots[:0]
	for _, s := range l.slots {
		if s.inFlight || now.Sub(s.at) < l.window {
			kept = append(kept, s)
		}
	}
	clear(l.slots[len(kept):]) // let the dropped slots be collected
	l.slots = kept
}

// nextExpiry returns how long until the oldest finished slot expires; ok is
// false when every slot is still in flight.
func (l *Limiter) nextExpiry(now time.Time) (wait time.Duration, ok bool) {
	for _, s := range l.slots {
		if s.inFlight {
			continue
		}
		d := s.at.Add(l.window).Sub(now)
		if !ok || d < wait {
			wait, ok = d, true
		}
	}
	return max(wait, 0), ok
}

// sleep waits for d on clock, or until ctx is done.
func sleep(ctx context.Context, clock Clock, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-clock.After(d):
		return nil
	}
}

// backoff returns the wait before retry number n (1 for the first retry):
// base·2^(n-1), capped, with "equal jitter" (half fixed, half random), so
// that several clients that failed together do not retry together.
func backoff(n int, base, cap time.Duration) time.Duration {
	d := base
	for i := 1; i < n && d < cap; i++ {
		d *= 2
	}
	d = min(d, cap)
	half := d / 2
	return half + rand.N(half+1)
}

// parseRetryAfter reads a Retry-After header: delay seconds or an HTTP date.
// MiniCRM is not documented to send one; honour it when it does.
func parseRetryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.Atoi(v); err == nil {
		if secs < 0 {
			return 0, false
		}
		return time.Duration(secs) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}
