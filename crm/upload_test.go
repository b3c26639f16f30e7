//go:build cgo

package crm_test

import (
	"context"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"konnyuszamla/crm"
	"konnyuszamla/crm/minicrmtest"
	"konnyuszamla/domain"
	"konnyuszamla/storage"
)

// uploadRig is a fake MiniCRM with a sales (Vevők) module and a Számlák
// module, and a database whose customer is linked to a MiniCRM company.
type uploadRig struct {
	srv      *minicrmtest.Server
	db       *storage.DB
	dir      string
	sales    minicrmtest.Category
	invoices minicrmtest.Category
	contact  int64
	custCard int64
	customer int64
	down     atomic.Bool
	// faultRate injects 500-after-write faults into this share of requests.
	faultRate float64
	rnd       *rand.Rand
	rndMu     sync.Mutex
	now       time.Time
	up        *crm.Uploader
}

// rigTransport fails every request like an unplugged cable while the rig
// is down, and injects faults at the given rate.
type rigTransport struct {
	r    *uploadRig
	base http.RoundTripper
}

func (t rigTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if t.r.down.Load() {
		return nil, &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: "r3.minicrm.hu", IsNotFound: true}}
	}
	if t.r.faultRate > 0 {
		t.r.rndMu.Lock()
		fail := t.r.rnd.Float64() < t.r.faultRate
		t.r.rndMu.Unlock()
		if fail {
			t.r.srv.FailNext(1, minicrmtest.FaultServerErrorAfterWrite)
		}
	}
	return t.base.RoundTrip(req)
}

func seedInvoicesModule(srv *minicrmtest.Server) minicrmtest.Category {
	return srv.AddCategory(minicrmtest.Category{
		Name: "Számlák",
		Statuses: []minicrmtest.Status{
			{Name: "Új", Group: "Open"},
			{Name: "Kifizetetlen", Group: "Open"},
			{Name: "Kifizetve", Group: "Success"},
			{Name: "Sztornózva", Group: "Failed"},
		},
		Fields: []minicrmtest.Field{
			{Name: "SzamlaSorszama", Type: "Text(512)"},
			{Name: "BizonylatTipus", Type: "Enum", Options: map[int64]string{1: "Számla", 2: "Díjbekérő", 3: "Sztornó számla"}},
			{Name: "KiallitasDatuma", Type: "DateTime"},
			{Name: "FizetesiHatarido", Type: "DateTime"},
			{Name: "Brutto", Type: "Int"},
			{Name: "Netto", Type: "Int"},
			{Name: "Penznem", Type: "Text(16)"},
			{Name: "FizetesiMod", Type: "Enum", Options: map[int64]string{11: "átutalás", 12: "készpénz"}},
			{Name: "KifizetesDatuma", Type: "DateTime"},
			{Name: "Megjegyzes", Type: "Text(1024)"},
		},
	})
}

func newUploadRig(t *testing.T, demo bool, withModule bool) *uploadRig {
	t.Helper()
	srv := minicrmtest.NewServer(t, minicrmtest.Options{RateLimit: -1})
	r := &uploadRig{srv: srv, dir: t.TempDir(), rnd: rand.New(rand.NewPCG(1, 2)), now: time.Now()}
	r.sales = seedSales(srv)
	r.invoices = seedInvoicesModule(srv)
	r.contact = srv.AddContact(minicrmtest.Contact{Type: "Business", Name: "Minta Kft.", VatNumber: "12345676-2-42"})
	r.custCard = srv.AddProject(minicrmtest.Project{CategoryID: r.sales.ID, ContactID: r.contact, StatusID: r.sales.Statuses[2].ID, Name: "Minta Kft."})
	ctx := context.Background()
	db, err := storage.OpenDir(ctx, r.dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	r.db = db
	seller := &domain.Seller{Name: "Eladó Kft.", TaxNumber: "12892312-2-13", BankAccount: "11773016-11111018",
		Address: domain.Address{Country: "HU", PostalCode: "1052", City: "Budapest", Street: "Váci utca 1."}}
	if err := db.SaveSeller(ctx, seller); err != nil {
		t.Fatal(err)
	}
	c := domain.Customer{Kind: domain.KindCompany, Name: "Minta Kft.", TaxNumber: "12345676-2-42", MiniCRMID: r.contact,
		BillingAddress: domain.Address{Country: "HU", PostalCode: "1111", City: "Budapest", Street: "Fő utca 1."}}
	if err := db.CreateCustomer(ctx, &c); err != nil {
		t.Fatal(err)
	}
	r.customer = c.ID
	s := domain.MiniCRMSettings{SystemID: strconv.FormatInt(srv.SystemID(), 10), BaseURL: srv.URL(),
		CustomersModule: r.sales.ID, Demo: demo}
	if withModule {
		s.InvoicesModule = r.invoices.ID
	}
	if err := db.SaveMiniCRMSettings(ctx, &s); err != nil {
		t.Fatal(err)
	}
	err = db.SaveSubscription(ctx, domain.Subscription{Plan: domain.PlanMiniCRM, State: domain.StateNone},
		domain.Subscription{Plan: domain.PlanMiniCRM, State: domain.StateActive, Since: time.Now()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	r.up = r.uploader(s.SystemID, srv.APIKey())
	return r
}

func (r *uploadRig) uploader(systemID, key string) *crm.Uploader {
	hc := *r.srv.HTTPClient()
	base := hc.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	hc.Transport = rigTransport{r: r, base: base}
	subs := r.db.SubscriptionService()
	return &crm.Uploader{Store: r.db, Documents: r.db, Settings: r.db, Mappings: r.db,
		Active:     func(ctx context.Context) (bool, error) { return subs.Active(ctx, domain.PlanMiniCRM) },
		Secrets:    &syncSecrets{m: map[string]string{domain.MiniCRMKeyAccount(systemID): key}},
		HTTPClient: &hc, Clock: r.srv.Clock(), Now: func() time.Time { return r.now },
		RetryBase: time.Second, RetryCap: time.Minute}
}

func (r *uploadRig) issue(t *testing.T, typ domain.DocumentType) *domain.Invoice {
	t.Helper()
	inv, err := r.db.IssueDocument(context.Background(), &domain.Invoice{Type: typ, CustomerID: r.customer,
		Lines: []domain.InvoiceLine{{Description: "Tanácsadás", Quantity: domain.MustParseDecimal("2"), Unit: "óra",
			UnitPrice: domain.MustParseDecimal("15000"), VAT: domain.VAT27}}})
	if err != nil {
		t.Fatal(err)
	}
	return inv
}

// drain runs passes, moving the outbox clock on, until nothing waits.
func (r *uploadRig) drain(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	for i := 0; i < 200; i++ {
		if _, err := r.up.RunOnce(ctx); err != nil {
			t.Fatalf("pass %d: %v", i, err)
		}
		items, err := r.db.OutboxItems(ctx, false)
		if err != nil {
			t.Fatal(err)
		}
		if len(items) == 0 {
			return
		}
		for _, it := range items {
			if it.State == domain.UploadFailed {
				t.Fatalf("%s failed: %s", it.Key(), it.LastError)
			}
		}
		r.now = r.now.Add(2 * time.Minute)
	}
	t.Fatal("the outbox does not drain")
}

func (r *uploadRig) state(t *testing.T, number string) domain.UploadState {
	t.Helper()
	st, err := r.db.UploadStates(context.Background(), []string{number})
	if err != nil {
		t.Fatal(err)
	}
	return st[number]
}

func (r *uploadRig) cards(number string) []minicrmtest.Project {
	var out []minicrmtest.Project
	for _, p := range r.srv.Projects() {
		if p.CategoryID == r.invoices.ID && p.ReferenceID == number {
			out = append(out, p)
		}
	}
	return out
}

func (r *uploadRig) todos(prefix string) []minicrmtest.ToDo {
	var out []minicrmtest.ToDo
	for _, td := range r.srv.ToDos() {
		if strings.HasPrefix(td.Comment, prefix) {
			out = append(out, td)
		}
	}
	return out
}

func TestUploadOfflineThenOnlineExactlyOnce(t *testing.T) {
	r := newUploadRig(t, false, true)
	ctx := context.Background()
	r.down.Store(true)
	inv := r.issue(t, domain.DocInvoice)
	if st := r.state(t, inv.Number); st != domain.UploadPending {
		t.Fatalf("after issue: %q", st)
	}
	rep, err := r.up.RunOnce(ctx)
	if err != nil || !rep.Offline || rep.Sent != 0 {
		t.Fatalf("offline pass: %+v, %v", rep, err)
	}
	items, _ := r.db.OutboxItems(ctx, false)
	if len(items) != 1 || items[0].State != domain.UploadPending || items[0].LastError == "" || items[0].NextTry.IsZero() {
		t.Fatalf("offline item: %+v", items)
	}
	if len(r.srv.Requests()) != 0 {
		t.Fatalf("requests reached the fake while down")
	}
	r.down.Store(false)
	r.drain(t)
	if st := r.state(t, inv.Number); st != domain.UploadSent {
		t.Fatalf("after drain: %q", st)
	}
	cards := r.cards(inv.Number)
	if len(cards) != 1 {
		t.Fatalf("cards = %+v", cards)
	}
	card := cards[0]
	if card.ContactID != r.contact || card.Name != inv.Number+" · 38 100 HUF" || card.StatusID != r.invoices.Statuses[1].ID {
		t.Errorf("card = %+v", card)
	}
	f := card.Fields
	if f["SzamlaSorszama"] != inv.Number || f["Brutto"] != int64(38100) || f["Netto"] != int64(30000) ||
		f["BizonylatTipus"] != int64(1) || f["FizetesiMod"] != int64(11) || f["Penznem"] != "HUF" ||
		f["KiallitasDatuma"] == "" || f["FizetesiHatarido"] == "" {
		t.Errorf("card fields = %v", f)
	}
	if _, ok := f["Megjegyzes"]; ok && f["Megjegyzes"] != "" {
		t.Errorf("unmapped field written: %v", f["Megjegyzes"])
	}
	todos := r.todos("Számla " + inv.Number + " kiállítva:")
	if len(todos) != 1 || todos[0].ProjectID != r.custCard || todos[0].Status != "Closed" {
		t.Fatalf("todos = %+v", todos)
	}
	// Nothing more to do: a pass sends nothing.
	before := len(r.srv.Requests())
	if rep, _ := r.up.RunOnce(ctx); rep.Sent != 0 || len(r.srv.Requests()) != before {
		t.Errorf("idle pass sent %+v", rep)
	}

	// Paid, then cancelled: the same card is updated.
	out, _ := r.db.Document(ctx, inv.Number)
	rest, _ := out.Outstanding()
	if _, err := r.db.AddPayment(ctx, inv.Number, domain.Payment{Amount: rest, Method: domain.PayTransfer}); err != nil {
		t.Fatal(err)
	}
	r.drain(t)
	card = r.cards(inv.Number)[0]
	if card.StatusID != r.invoices.Statuses[2].ID || card.Fields["KifizetesDatuma"] == "" {
		t.Errorf("after payment: %+v", card)
	}
	storno, err := r.db.CancelInvoice(ctx, inv.Number, domain.Date{})
	if err != nil {
		t.Fatal(err)
	}
	r.drain(t)
	if cs := r.cards(inv.Number); len(cs) != 1 || cs[0].StatusID != r.invoices.Statuses[3].ID {
		t.Errorf("after cancel: %+v", cs)
	}
	if cs := r.cards(storno.Number); len(cs) != 1 || cs[0].Fields["BizonylatTipus"] != int64(3) {
		t.Errorf("storno card: %+v", cs)
	}
	for _, prefix := range []string{"Számla " + inv.Number + " kifizetve:", "Számla " + inv.Number + " sztornózva:",
		"Sztornó számla " + storno.Number + " kiállítva:"} {
		if td := r.todos(prefix); len(td) != 1 || td[0].Status != "Closed" {
			t.Errorf("%s: %+v", prefix, td)
		}
	}
	m, err := r.db.UploadMapping(ctx)
	if err != nil || !m.Auto || m.Module != r.invoices.ID {
		t.Errorf("saved mapping %+v, %v", m, err)
	}
}

func TestUploadDemoSendsNothing(t *testing.T) {
	r := newUploadRig(t, true, true)
	inv := r.issue(t, domain.DocInvoice)
	if st := r.state(t, inv.Number); st != domain.UploadDemo {
		t.Fatalf("state = %q", st)
	}
	rep, err := r.up.Flush(context.Background())
	if err != nil || rep.Skipped == "" {
		t.Fatalf("pass: %+v, %v", rep, err)
	}
	if n := len(r.srv.Requests()); n != 0 {
		t.Fatalf("%d requests to a demo system", n)
	}
}

func TestUploadWithoutModuleWritesToDoOnly(t *testing.T) {
	r := newUploadRig(t, false, false)
	inv := r.issue(t, domain.DocProforma)
	r.drain(t)
	if n := len(r.cards(inv.Number)); n != 0 {
		t.Errorf("%d cards without a Számlák module", n)
	}
	if td := r.todos("Díjbekérő " + inv.Number + " kiállítva:"); len(td) != 1 || td[0].ProjectID != r.custCard {
		t.Errorf("todos: %+v", td)
	}
	if err := r.db.WithdrawProforma(context.Background(), inv.Number); err != nil {
		t.Fatal(err)
	}
	r.drain(t)
	if td := r.todos("Díjbekérő " + inv.Number + " visszavonva:"); len(td) != 1 {
		t.Errorf("withdrawal todos: %+v", td)
	}
}

func TestUploadAddOnOffSendsNothing(t *testing.T) {
	r := newUploadRig(t, false, true)
	inv := r.issue(t, domain.DocInvoice)
	subs := r.db.SubscriptionService()
	if err := subs.Cancel(context.Background(), domain.PlanMiniCRM); err != nil {
		t.Fatal(err)
	}
	if rep, _ := r.up.RunOnce(context.Background()); rep.Skipped == "" || len(r.srv.Requests()) != 0 {
		t.Fatalf("add-on off: %+v, %d requests", rep, len(r.srv.Requests()))
	}
	if st := r.state(t, inv.Number); st != domain.UploadPending {
		t.Errorf("state = %q", st)
	}
}

// TestUploadFaultsExactlyOnce injects 500-after-write into a fifth of the
// requests: every create may have been applied without the app knowing,
// and still each document has one card and one ToDo per event.
func TestUploadFaultsExactlyOnce(t *testing.T) {
	r := newUploadRig(t, false, true)
	r.faultRate = 0.2
	ctx := context.Background()
	var numbers []string
	for i := 0; i < 15; i++ {
		inv := r.issue(t, domain.DocInvoice)
		numbers = append(numbers, inv.Number)
		if i%3 == 0 {
			out, _ := r.db.Document(ctx, inv.Number)
			rest, _ := out.Outstanding()
			if _, err := r.db.AddPayment(ctx, inv.Number, domain.Payment{Amount: rest, Method: domain.PayCash}); err != nil {
				t.Fatal(err)
			}
		}
	}
	r.drain(t)
	faults := 0
	for _, req := range r.srv.Requests() {
		if req.Fault == minicrmtest.FaultServerErrorAfterWrite {
			faults++
		}
	}
	if faults < 5 {
		t.Fatalf("only %d faults: the test proves nothing", faults)
	}
	for i, n := range numbers {
		if cs := r.cards(n); len(cs) != 1 {
			t.Errorf("%s: %d cards", n, len(cs))
		}
		if td := r.todos("Számla " + n + " kiállítva:"); len(td) != 1 || td[0].Status != "Closed" {
			t.Errorf("%s: todos %+v", n, td)
		}
		if i%3 == 0 {
			if td := r.todos("Számla " + n + " kifizetve:"); len(td) != 1 {
				t.Errorf("%s: paid todos %+v", n, td)
			}
			if cs := r.cards(n); len(cs) == 1 && cs[0].StatusID != r.invoices.Statuses[2].ID {
				t.Errorf("%s: status %d", n, cs[0].StatusID)
			}
		}
	}
	t.Logf("%d faults in %d requests", faults, len(r.srv.Requests()))
}
