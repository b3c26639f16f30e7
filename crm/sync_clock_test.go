//go:build cgo

package crm_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"konnyuszamla/crm"
	"konnyuszamla/crm/minicrmtest"
)

// fastClock is a PC clock running ahead of MiniCRM's by skew.
type fastClock struct {
	inner *minicrmtest.Clock
	skew  time.Duration
}

func (c fastClock) Now() time.Time                         { return c.inner.Now().Add(c.skew) }
func (c fastClock) After(d time.Duration) <-chan time.Time { return c.inner.After(d) }

// serverDate sets the Date header of the fake's answers from the fake's
// clock, as a real server does from its own clock (net/http's server
// writes the wall time, which the fake clock does not follow). Without
// it, the header is dropped.
type serverDate struct {
	base  http.RoundTripper
	clock *minicrmtest.Clock
	omit  bool
}

func (t serverDate) RoundTrip(req *http.Request) (*http.Response, error) {
	res, err := t.base.RoundTrip(req)
	if err == nil {
		res.Header.Del("Date")
		if !t.omit {
			res.Header.Set("Date", t.clock.Now().UTC().Format(http.TimeFormat))
		}
	}
	return res, err
}

// A PC clock 10 minutes fast (more than the 5-minute margin) must not
// move the watermark past a change MiniCRM makes right after a run: the
// run's start is taken from MiniCRM's Date header.
func TestSyncWatermarkUsesMiniCRMTimeNotAFastPCClock(t *testing.T) {
	for _, c := range []struct {
		name     string
		omitDate bool
		skew     time.Duration
	}{
		{"PC clock 10 minutes fast", false, 10 * time.Minute},
		{"PC clock 10 minutes slow", false, -10 * time.Minute},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := newSyncRig(t, false)
			ctx := context.Background()
			remote := r.addBusiness("Alfa Kft.", taxNumber(1), "Budapest", "Fő utca 1.", r.success)
			r.later()
			conn := r.conn
			conn.Clock = fastClock{inner: r.srv.Clock(), skew: c.skew}
			conn.HTTPClient = &http.Client{Transport: serverDate{base: r.srv.HTTPClient().Transport, clock: r.srv.Clock(), omit: c.omitDate}}
			r.svc.Connector = conn
			if rep := r.run(t); rep.Created != 1 {
				t.Fatalf("first run: %+v", rep)
			}
			r.srv.Clock().Advance(time.Minute)
			if err := r.client(t).UpdateContact(ctx, remote, crmPatchPhone("+36 1 555 5555")); err != nil {
				t.Fatal(err)
			}
			r.srv.Clock().Advance(time.Minute)
			rep := r.run(t)
			if rep.Updated != 1 || r.customers(t)["Alfa Kft."].Phone != "+36 1 555 5555" {
				t.Errorf("the change after the first run was skipped: %+v", rep)
			}
		})
	}
}

var _ crm.Clock = fastClock{}
