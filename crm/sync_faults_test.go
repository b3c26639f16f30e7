//go:build cgo

package crm_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"regexp"
	"sync"
	"testing"

	"konnyuszamla/crm/minicrmtest"
	"konnyuszamla/domain"
)

// faultTransport injects the fake's faults from the client side, so that
// they hit chosen requests: a "500 after the write" on a share of the
// PUTs, and storms of 429s.
type faultTransport struct {
	base http.RoundTripper
	srv  *minicrmtest.Server
	rnd  *rand.Rand

	mu         sync.Mutex
	putFault   float64 // probability of FaultServerErrorAfterWrite on a PUT
	stormEvery int     // every n-th request starts a storm of stormLen 429s
	stormLen   int
	longStorm  int // the request number that starts one storm longer than the client's retries
	n, pending int
	injected   int
}

var createPath = regexp.MustCompile(`^/Api/R3/(Contact|Address|Project)/?$`)

func (f *faultTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	f.mu.Lock()
	f.n++
	switch {
	case f.pending > 0:
		f.pending--
	case f.longStorm != 0 && f.n == f.longStorm:
		f.srv.FailNext(8, minicrmtest.FaultRateLimit)
		f.pending = 7
	case f.stormEvery > 0 && f.n%f.stormEvery == 0:
		f.srv.FailNext(f.stormLen, minicrmtest.FaultRateLimit)
		f.pending = f.stormLen - 1
	case req.Method == http.MethodPut && f.rnd.Float64() < f.putFault:
		f.srv.FailNext(1, minicrmtest.FaultServerErrorAfterWrite)
		if createPath.MatchString(req.URL.Path) {
			f.injected++
		}
	}
	f.mu.Unlock()
	return f.base.RoundTrip(req)
}

// localMix adds n local customers: companies with tax numbers, persons
// with e-mails, persons with neither, some with a mailing address.
func localMix(t *testing.T, r *syncRig, n int) []domain.Customer {
	var out []domain.Customer
	for i := range n {
		var c domain.Customer
		switch i % 3 {
		case 0:
			c = localCustomer(fmt.Sprintf("Cég %d Kft.", i), taxNumber(100+i), "Budapest", fmt.Sprintf("Váci út %d.", i+1))
			c.Email = fmt.Sprintf("ceg%d@example.hu", i)
		case 1:
			c = domain.Customer{Kind: domain.KindPerson, Name: fmt.Sprintf("Szabó%d Éva", i), Email: fmt.Sprintf("eva%d@example.hu", i),
				BillingAddress: domain.Address{PostalCode: "6720", City: "Szeged", Street: fmt.Sprintf("Kárász u. %d.", i)}}
		default:
			c = domain.Customer{Kind: domain.KindPerson, Name: fmt.Sprintf("Tóth%d Béla", i),
				BillingAddress: domain.Address{PostalCode: "4025", City: "Debrecen", Street: fmt.Sprintf("Piac u. %d.", i)}}
		}
		if i%4 == 0 {
			c.MailingAddress = &domain.Address{PostalCode: "1300", City: "Budapest", Street: fmt.Sprintf("Pf. %d", 100+i)}
		}
		out = append(out, r.create(t, c))
	}
	return out
}

// checkExactlyOnce asserts that every local customer is linked to its own
// MiniCRM contact, which exists once, with its addresses once and one card.
func checkExactlyOnce(t *testing.T, r *syncRig, locals []domain.Customer) {
	t.Helper()
	byName := map[string]int{}
	for _, c := range r.srv.Contacts() {
		byName[c.Name+"|"+c.LastName+" "+c.FirstName]++
	}
	seen := map[int64]bool{}
	for _, l := range locals {
		c, err := r.db.CustomerByID(context.Background(), l.ID)
		if err != nil {
			t.Fatal(err)
		}
		if c.MiniCRMID == 0 || seen[c.MiniCRMID] {
			t.Fatalf("%s: MiniCRM id %d (missing or shared)", c.Name, c.MiniCRMID)
		}
		seen[c.MiniCRMID] = true
		mc := findContact(r.srv, c.MiniCRMID)
		key := mc.Name + "|" + mc.LastName + " " + mc.FirstName
		if byName[key] != 1 {
			t.Errorf("%s is %d times in MiniCRM", c.Name, byName[key])
		}
		want := 1
		if c.MailingAddress != nil {
			want = 2
		}
		checkOnce(t, r, c.MiniCRMID, want)
	}
}

func TestSyncPass2CreatesExactlyOnceUnderFaults(t *testing.T) {
	r := newSyncRig(t, false)
	r.addBusiness("Meglévő Kft.", taxNumber(1), "Budapest", "Fő utca 1.", r.success) // teaches the card status
	r.later()
	ft := &faultTransport{base: r.srv.HTTPClient().Transport, srv: r.srv, rnd: rand.New(rand.NewPCG(1, 2)),
		putFault: 0.2, stormEvery: 23, stormLen: 3, longStorm: 60}
	r.conn.HTTPClient = &http.Client{Transport: ft}
	r.svc.Connector = r.conn
	locals := localMix(t, r, 30)

	var runs, failedRuns int
	for runs = 1; runs <= 30; runs++ {
		rep, err := r.runErr(context.Background(), nil)
		if err != nil {
			failedRuns++
			if !containsText([]string{domain.ErrorMessage(err)}, "később folytatható") {
				t.Fatalf("run %d stopped without saying it can continue: %v", runs, err)
			}
		}
		intents, _ := r.db.SyncIntents(context.Background())
		if err == nil && len(rep.Errors) == 0 && len(intents) == 0 {
			break
		}
		r.later()
	}
	if ft.injected == 0 || failedRuns == 0 {
		t.Fatalf("the test proves nothing: %d create faults injected, %d runs stopped", ft.injected, failedRuns)
	}
	t.Logf("%d runs, %d stopped by the long 429 storm, %d creates answered 500 after the write", runs, failedRuns, ft.injected)
	checkExactlyOnce(t, r, locals)
	if n := len(r.srv.Contacts()); n != 31 {
		t.Errorf("%d contacts in MiniCRM, want 31", n)
	}
}
