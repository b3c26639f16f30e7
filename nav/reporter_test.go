package nav_test

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"konnyuszamla/domain"
	"konnyuszamla/nav"
	"konnyuszamla/nav/navtest"
	"konnyuszamla/storage"
)

// clock is a settable time shared by the database, the fake and the queue.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// queueEnv is a database with a seller and two customers, the fake NAV and
// a Reporter between them.
type queueEnv struct {
	t        *testing.T
	db       *storage.DB
	srv      *navtest.Server
	rep      *nav.Reporter
	clock    *clock
	company  int64
	person   int64
	notSetUp bool
}

func newQueueEnv(t *testing.T) *queueEnv {
	ctx := context.Background()
	e := &queueEnv{t: t, clock: &clock{t: time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)}}
	db, err := storage.OpenDir(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = e.clock.Now
	e.db = db
	seller := testSeller()
	if err := db.SaveSeller(ctx, &seller); err != nil {
		t.Fatal(err)
	}
	for _, b := range []struct {
		buyer domain.Buyer
		id    *int64
	}{{buyerDomestic, &e.company}, {buyerPerson, &e.person}} {
		c := domain.Customer{Kind: b.buyer.Kind, Name: b.buyer.Name, TaxNumber: b.buyer.TaxNumber, BillingAddress: b.buyer.Address}
		if err := db.CreateCustomer(ctx, &c); err != nil {
			t.Fatal(err)
		}
		*b.id = c.ID
	}
	e.srv = navtest.New()
	t.Cleanup(e.srv.Close)
	e.srv.Now = e.clock.Now
	e.rep = &nav.Reporter{
		Queue: db, Documents: db, Software: nav.DefaultSoftware("test"), BaseURL: e.srv.BaseURL(), Now: e.clock.Now,
		HTTP: &http.Client{Timeout: 5 * time.Second},
		Credentials: func(context.Context) (domain.NAVSettings, domain.NAVSecrets, error) {
			if e.notSetUp {
				return domain.NAVSettings{}, domain.NAVSecrets{}, &domain.Error{Code: domain.ENotFound, Message: domain.NAVNotSetUpMessage}
			}
			s, sec := fakeCredentials()
			return s, sec, nil
		},
	}
	return e
}

func (e *queueEnv) issue(typ domain.DocumentType, customer int64, vat domain.VATCode) string {
	e.t.Helper()
	inv, err := e.db.IssueDocument(context.Background(), &domain.Invoice{Type: typ, CustomerID: customer,
		Lines: []domain.InvoiceLine{line("Tanácsadás", "2", "óra", "15000", vat)}})
	if err != nil {
		e.t.Fatal(err)
	}
	return inv.Number
}

func (e *queueEnv) cancel(number string) string {
	e.t.Helper()
	s, err := e.db.CancelInvoice(context.Background(), number, domain.Date{})
	if err != nil {
		e.t.Fatal(err)
	}
	return s.Number
}

// pass runs the queue once, a little later than the last pass.
func (e *queueEnv) pass() {
	e.t.Helper()
	e.clock.Add(2 * time.Second)
	if _, err := e.rep.RunOnce(context.Background()); err != nil {
		e.t.Logf("pass: %v", err)
	}
}

// settle runs enough passes for sent reports to reach their final state
// (the fake answers PROCESSING once, then the outcome).
func (e *queueEnv) settle() {
	e.t.Helper()
	for i := 0; i < 3; i++ {
		e.pass()
	}
}

func (e *queueEnv) report(number string) domain.NAVReport {
	e.t.Helper()
	r, err := e.db.NAVReportOf(context.Background(), number)
	if err != nil {
		e.t.Fatal(err)
	}
	return *r
}

func (e *queueEnv) wantState(number string, want domain.NAVState) {
	e.t.Helper()
	if r := e.report(number); r.State != want {
		e.t.Errorf("%s: state %s (%s), want %s; messages %+v", number, r.State, r.LastError, want, r.Messages)
	}
}

// wantOnce checks that NAV received the number exactly as many times as
// it accepted it: once.
func (e *queueEnv) wantOnce(number string) {
	e.t.Helper()
	if sent, accepted := e.srv.Submissions(number); sent != 1 || accepted != 1 {
		e.t.Errorf("%s: sent %d times, accepted %d; want exactly one accepted report", number, sent, accepted)
	}
}

func TestQueueHoldsReportsUntilSetUp(t *testing.T) {
	e := newQueueEnv(t)
	e.notSetUp = true
	a := e.issue(domain.DocInvoice, e.company, domain.VAT27)
	p := e.issue(domain.DocProforma, e.person, domain.VAT27)
	e.pass()
	if n := len(e.srv.Requests()); n != 0 {
		t.Errorf("%d requests without settings", n)
	}
	e.wantState(a, domain.NAVPending)
	if _, err := e.db.NAVReportOf(context.Background(), p); domain.ErrorCode(err) != domain.ENotFound {
		t.Errorf("a proforma has a report: %v", err)
	}
	e.notSetUp = false
	e.settle()
	e.wantState(a, domain.NAVDone)
	e.wantOnce(a)
}

// TestQueueLostAnswers: a manageInvoice whose answer is lost after NAV
// stored it, and one lost before NAV saw it. The queue waits, asks NAV,
// and ends with exactly one accepted report per invoice.
func TestQueueLostAnswers(t *testing.T) {
	e := newQueueEnv(t)
	a := e.issue(domain.DocInvoice, e.company, domain.VAT27)
	b := e.issue(domain.DocInvoice, e.person, domain.VAT5)
	e.srv.LoseAnswers("manageInvoice", 1)
	e.pass()
	e.wantState(a, domain.NAVUnknown)
	e.wantState(b, domain.NAVUnknown)
	for i := 0; i < 5; i++ { // within the 5 minutes nothing is resent
		e.pass()
	}
	if sent, _ := e.srv.Submissions(a); sent != 1 {
		t.Fatalf("%s was resent blindly (%d times)", a, sent)
	}
	e.clock.Add(5 * time.Minute)
	e.pass() // finds the transaction at NAV
	e.pass()
	e.wantState(a, domain.NAVDone)
	e.wantState(b, domain.NAVDone)

	c := e.issue(domain.DocInvoice, e.company, domain.VAT18)
	storno := e.cancel(a)
	e.srv.DropRequests("manageInvoice", 1)
	e.pass()
	e.wantState(c, domain.NAVUnknown)
	e.wantState(storno, domain.NAVUnknown)
	e.clock.Add(6 * time.Minute)
	e.pass() // not at NAV: queued again and sent in the same pass
	for i := 0; i < 3; i++ {
		e.pass()
	}
	for _, n := range []string{a, b, c, storno} {
		e.wantState(n, domain.NAVDone)
		e.wantOnce(n)
	}
	if r := e.report(storno); r.Operation != "STORNO" || r.Original != a || r.ModificationIndex != 1 {
		t.Errorf("sztornó report: %+v", r)
	}
}

// TestQueueStornoWaitsForItsInvoice: a sztornó is reported only after NAV
// accepted its invoice, so it never refers to a report NAV does not have.
func TestQueueStornoWaitsForItsInvoice(t *testing.T) {
	e := newQueueEnv(t)
	a := e.issue(domain.DocInvoice, e.company, domain.VAT27)
	s := e.cancel(a)
	e.pass()
	e.wantState(a, domain.NAVReceived)
	e.wantState(s, domain.NAVPending)
	for i := 0; i < 4; i++ {
		e.pass()
	}
	e.wantState(s, domain.NAVDone)
	e.wantOnce(s)
}

func TestQueueRefusedRequestIsRetried(t *testing.T) {
	e := newQueueEnv(t)
	a := e.issue(domain.DocInvoice, e.company, domain.VAT27)
	e.srv.FailNext("manageInvoice", "OPERATION_FAILED")
	e.pass()
	r := e.report(a)
	if r.State != domain.NAVPending || r.LastError == "" || r.Attempts != 1 {
		t.Fatalf("after a refused request: %+v", r)
	}
	e.pass() // the back-off has not passed yet
	if sent, _ := e.srv.Submissions(a); sent != 0 {
		t.Fatal("retried before the back-off")
	}
	e.clock.Add(time.Minute)
	e.settle()
	e.wantState(a, domain.NAVDone)
	e.wantOnce(a)
}

// TestQueueInterruptedSend: the app stopped after marking a batch
// "sending"; the report is looked up at NAV, not resent blindly.
func TestQueueInterruptedSend(t *testing.T) {
	e := newQueueEnv(t)
	a := e.issue(domain.DocInvoice, e.company, domain.VAT27)
	ctx := context.Background()
	due, err := e.db.NAVDue(ctx, e.clock.Now(), 10)
	if err != nil || len(due) != 1 {
		t.Fatal(due, err)
	}
	due[0].BatchIndex, due[0].Payload = 1, "eA=="
	if ok, err := e.db.NAVBeginSend(ctx, "crashed", due, e.clock.Now()); !ok || err != nil {
		t.Fatal(ok, err)
	}
	if ok, _ := e.db.NAVBeginSend(ctx, "second", due, e.clock.Now()); ok {
		t.Error("a report was taken twice")
	}
	e.pass()
	e.wantState(a, domain.NAVSending)
	e.clock.Add(4 * time.Minute)
	e.pass()
	e.wantState(a, domain.NAVUnknown)
	e.clock.Add(6 * time.Minute)
	e.settle()
	e.wantState(a, domain.NAVDone)
	e.wantOnce(a)
}
