package minicrmtest

import (
	"sync"
	"time"
)

// Clock is a fake time source shared by the server's rate limiter and the
// client under test (it implements crm.Clock).
//
// In auto-advance mode (the default for NewServer) every wait returns at
// once and moves the clock forward by its duration, so a test that waits a
// minute for the rate limiter takes microseconds while the server still sees
// a minute pass. In manual mode waits block until Advance.
type Clock struct {
	mu      sync.Mutex
	now     time.Time
	auto    bool
	waiters []waiter
}

type waiter struct {
	at time.Time
	ch chan time.Time
}

// NewClock returns a manual clock set to start.
func NewClock(start time.Time) *Clock { return &Clock{now: start} }

// SetAutoAdvance switches auto-advance mode on or off.
func (c *Clock) SetAutoAdvance(on bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.auto = on
}

// Now returns the fake time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// After returns a channel that receives the time once d has passed on the
// fake clock.
func (c *Clock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch := make(chan time.Time, 1)
	at := c.now.Add(d)
	switch {
	case d <= 0:
		ch <- c.now
	case c.auto:
		c.advanceTo(at)
		ch <- c.now
	default:
		c.waiters = append(c.waiters, waiter{at: at, ch: ch})
	}
	return ch
}

// Advance moves the clock forward and wakes the waits that are due.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.advanceTo(c.now.Add(d))
}

// Waiters returns how many waits are blocked on the clock.
func (c *Clock) Waiters() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.waiters)
}

// WaitForWaiters polls (in real time, up to timeout) until at least n waits
// are blocked on the clock, and reports whether that happened.
func (c *Clock) WaitForWaiters(n int, timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if c.Waiters() >= n {
			return true
		}
		time.Sleep(time.Millisecond)
	}
	return c.Waiters() >= n
}

func (c *Clock) advanceTo(t time.Time) {
	if t.After(c.now) {
		c.now = t
	}
	kept := c.waiters[:0]
	for _, w := range c.waiters {
		if w.at.After(c.now) {
			kept = append(kept, w)
			continue
		}
		w.ch <- c.now
	}
	clear(c.waiters[len(kept):])
	c.waiters = kept
}
