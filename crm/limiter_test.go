package crm_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"konnyuszamla/crm"
	"konnyuszamla/crm/minicrmtest"
)

var start = time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)

// acquireAsync starts an Acquire and reports on the channel when it returns.
func acquireAsync(t *testing.T, l *crm.Limiter) <-chan func() {
	t.Helper()
	done := make(chan func(), 1)
	go func() {
		release, err := l.Acquire(context.Background())
		if err != nil {
			t.Error(err)
		}
		done <- release
	}()
	return done
}

func TestLimiter61stWaitsForTheWindow(t *testing.T) {
	clock := minicrmtest.NewClock(start)
	l := crm.NewLimiter(60, time.Minute, clock)
	for i := range 60 {
		release, err := l.Acquire(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		release()
		if i == 29 {
			clock.Advance(10 * time.Second) // the second half is 10 s younger
		}
	}

	done := acquireAsync(t, l)
	if !clock.WaitForWaiters(1, 5*time.Second) {
		t.Fatal("61st Acquire did not wait")
	}
	clock.Advance(50*time.Second - time.Millisecond)
	select {
	case <-done:
		t.Fatal("61st Acquire returned before the oldest request was 60 s old")
	case <-time.After(20 * time.Millisecond):
	}
	clock.Advance(time.Millisecond)
	select {
	case release := <-done:
		release()
	case <-time.After(5 * time.Second):
		t.Fatal("61st Acquire still blocked after 60 s")
	}
}

func TestLimiterInFlightSlotNeverExpires(t *testing.T) {
	clock := minicrmtest.NewClock(start)
	l := crm.NewLimiter(1, time.Minute, clock)
	release, err := l.Acquire(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	done := acquireAsync(t, l)
	// A request that hangs for two minutes still counts: the server may
	// receive it at any moment.
	clock.Advance(2 * time.Minute)
	select {
	case <-done:
		t.Fatal("second Acquire ran while the first request was in flight")
	case <-time.After(20 * time.Millisecond):
	}
	release() // the window now starts at the first request's end
	if !clock.WaitForWaiters(1, 5*time.Second) {
		t.Fatal("second Acquire is not waiting for the window")
	}
	clock.Advance(time.Minute)
	select {
	case r := <-done:
		r()
	case <-time.After(5 * time.Second):
		t.Fatal("second Acquire blocked after the window passed")
	}
}

func TestLimiterHonoursContext(t *testing.T) {
	l := crm.NewLimiter(1, time.Minute, minicrmtest.NewClock(start))
	if _, err := l.Acquire(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := l.Acquire(ctx); err != context.Canceled {
		t.Errorf("Acquire on a cancelled context = %v", err)
	}
}

func TestClient61stRequestWaitsWithoutA429(t *testing.T) {
	srv := minicrmtest.NewServer(t, minicrmtest.Options{})
	srv.Clock().SetAutoAdvance(false)
	c := minicrmtest.NewClient(t, srv)
	ctx := context.Background()
	for range 60 {
		if _, err := c.Categories(ctx); err != nil {
			t.Fatal(err)
		}
	}
	done := make(chan error, 1)
	go func() {
		_, err := c.Categories(ctx)
		done <- err
	}()
	if !srv.Clock().WaitForWaiters(1, 5*time.Second) {
		t.Fatal("61st request did not wait")
	}
	if n := len(srv.Requests()); n != 60 {
		t.Fatalf("server saw %d requests before the minute passed, want 60", n)
	}
	srv.Clock().Advance(time.Minute)
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("61st request still blocked after a minute")
	}
	for _, r := range srv.Requests() {
		if r.Status != 200 {
			t.Errorf("request at %v got %d", r.At, r.Status)
		}
	}
}

func TestClientLimiterIsSharedByGoroutines(t *testing.T) {
	srv, c := newFake(t)
	var wg sync.WaitGroup
	for range 5 {
		wg.Go(func() {
			for range 30 {
				if _, err := c.Categories(context.Background()); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	reqs := srv.Requests()
	if len(reqs) != 150 {
		t.Fatalf("server saw %d requests, want 150 (no retries)", len(reqs))
	}
	// No sliding 60 s window at the server holds more than 60 arrivals.
	for i := range reqs {
		n := 0
		for j := range reqs {
			if d := reqs[j].At.Sub(reqs[i].At); d >= 0 && d < time.Minute {
				n++
			}
		}
		if n > 60 {
			t.Fatalf("%d requests within 60 s of %v", n, reqs[i].At)
		}
	}
	if elapsed := srv.Clock().Now().Sub(reqs[0].At); elapsed < 2*time.Minute {
		t.Errorf("150 requests took %v of fake time, want at least 2 minutes", elapsed)
	}
}
