package domain

import (
	"testing"
	"time"
)

// etaRemote is a remote whose clock and request count the test sets.
type etaRemote struct {
	SyncRemote
	now time.Time
	n   int
}

func (r *etaRemote) Now() time.Time { return r.now }
func (r *etaRemote) Requests() int  { return r.n }

func TestETANeverAssumesMoreThan60RequestsAMinute(t *testing.T) {
	r := &etaRemote{now: time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)}
	m := newETAMeter(r, fetchRequestsPerItem)
	// 100 customers ahead, 3 requests each, the first 60 go at once.
	if got := m.remaining(0, 100); got != 240*time.Second {
		t.Errorf("at the start: %v", got)
	}
	// 20 done with 60 requests in 10 s: the limit, not the pace, decides.
	r.now, r.n = r.now.Add(10*time.Second), 60
	if got := m.remaining(20, 100); got != 240*time.Second {
		t.Errorf("after a fast burst: %v", got)
	}
	// A slow network: 120 requests took 5 minutes; the pace decides.
	r.now, r.n = r.now.Add(290*time.Second), 120
	if got := m.remaining(40, 100); got != 450*time.Second {
		t.Errorf("on a slow network: %v", got)
	}
	if got := m.remaining(100, 100); got != 0 {
		t.Errorf("when done: %v", got)
	}
}
