//go:build cgo

package crm_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"konnyuszamla/crm/minicrmtest"
	"konnyuszamla/domain"
)

// maxPerMinute is the most requests the fake saw in any 60 seconds of its
// clock, and how many it refused with 429 on its own.
func maxPerMinute(reqs []minicrmtest.Request) (most, refused int) {
	start := 0
	for i, q := range reqs {
		for q.At.Sub(reqs[start].At) >= time.Minute {
			start++
		}
		most = max(most, i-start+1)
		if q.Status == http.StatusTooManyRequests && q.Fault == minicrmtest.NoFault {
			refused++
		}
	}
	return most, refused
}

// TestSyncRequestBudget1000 measures the requests of a sync of 1,000
// customers against the fake (docs/BENCHMARKS.md):
//
//	go test -run TestSyncRequestBudget1000 -v ./crm/
func TestSyncRequestBudget1000(t *testing.T) {
	if testing.Short() {
		t.Skip("3,000 requests")
	}
	const n = 1000
	r := newSyncRig(t, false)
	ids := make([]int64, n)
	for i := range n {
		ids[i] = r.addBusiness(fmt.Sprintf("Vevő %04d Kft.", i), taxNumber(i), "Budapest", fmt.Sprintf("Fő utca %d.", i+1), r.success)
	}
	r.later()
	ctx := context.Background()

	type row struct {
		what       string
		requests   int
		limit      int
		simulated  time.Duration
		perMinute  int
		wallTime   time.Duration
		rep        *domain.SyncReport
		refused429 int
	}
	measure := func(what string, limit int) row {
		from := len(r.srv.Requests())
		start, wall := r.srv.Clock().Now(), time.Now()
		rep := r.run(t)
		reqs := r.srv.Requests()[from:]
		most, refused := maxPerMinute(reqs)
		return row{what: what, requests: len(reqs), limit: limit, simulated: r.srv.Clock().Now().Sub(start),
			perMinute: most, wallTime: time.Since(wall), rep: rep, refused429: refused}
	}

	var rows []row
	full := measure("full run, 1,000 MiniCRM customers", 10+n*3)
	rows = append(rows, full)
	if full.rep.Created != n {
		t.Fatalf("full run created %d", full.rep.Created)
	}
	r.later()
	rows = append(rows, measure("no-change run", 5))

	r.later()
	client := r.client(t)
	for i := range 10 {
		if err := client.UpdateContact(ctx, ids[i*97], crmPatchPhone(fmt.Sprintf("+36 30 000 %04d", i))); err != nil {
			t.Fatal(err)
		}
	}
	r.later()
	ten := measure("10 customers changed in MiniCRM", 2+10*3)
	rows = append(rows, ten)
	if ten.rep.Updated != 10 {
		t.Errorf("10-change run updated %d", ten.rep.Updated)
	}

	r.later()
	cs, _ := r.db.Customers(ctx, domain.CustomerQuery{})
	for i := range 10 {
		c := cs[i*97]
		c.Email = fmt.Sprintf("uj%d@example.hu", i)
		if err := r.db.UpdateCustomer(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	local := measure("10 customers changed locally", 2+10)
	rows = append(rows, local)
	if local.rep.PushedUpdates != 10 {
		t.Errorf("10 local edits pushed %d", local.rep.PushedUpdates)
	}

	for _, x := range rows {
		t.Logf("%-36s %5d requests (limit %4d), max %2d in any minute, %d refused by the fake, %v of MiniCRM time, %v wall",
			x.what, x.requests, x.limit, x.perMinute, x.refused429, x.simulated.Round(time.Second), x.wallTime.Round(time.Millisecond))
		if x.requests > x.limit {
			t.Errorf("%s: %d requests, limit %d", x.what, x.requests, x.limit)
		}
		if x.perMinute > 60 || x.refused429 > 0 {
			t.Errorf("%s: %d requests in one minute, %d refused with 429", x.what, x.perMinute, x.refused429)
		}
	}
}
