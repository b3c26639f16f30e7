//go:build cgo

package crm_test

import (
	"context"
	"strconv"
	"sync"
	"testing"
	"time"

	"konnyuszamla/crm"
	"konnyuszamla/crm/minicrmtest"
	"konnyuszamla/domain"
	"konnyuszamla/storage"
)

// The sync tests run the real engine (domain.SyncService) over the real
// pieces: the SQLite store, this package's SyncRemote and the fake
// MiniCRM on its fake clock, so a minute of rate limiting takes no time.

// syncSecrets is an in-memory keyring.
type syncSecrets struct {
	mu sync.Mutex
	m  map[string]string
}

func (s *syncSecrets) Get(_ context.Context, account string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[account]
	if !ok {
		return "", &domain.Error{Code: domain.ENotFound, Message: "nincs kulcs", Err: domain.ErrSecretNotFound}
	}
	return v, nil
}

func (s *syncSecrets) Set(_ context.Context, account, secret string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[account] = secret
	return nil
}

func (s *syncSecrets) Delete(_ context.Context, account string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, account)
	return nil
}

type syncRig struct {
	srv     *minicrmtest.Server
	db      *storage.DB
	dir     string
	sales   minicrmtest.Category
	success int64 // the "Vevő" status (Success group)
	lead    int64
	conn    crm.SyncConnector
	svc     *domain.SyncService
}

// newSyncRig starts a fake MiniCRM with a sales module and an empty
// database whose MiniCRM settings point at it.
func newSyncRig(t testing.TB, demo bool) *syncRig {
	t.Helper()
	return newSyncRigOpts(t, demo, minicrmtest.Options{})
}

func newSyncRigOpts(t testing.TB, demo bool, opts minicrmtest.Options) *syncRig {
	t.Helper()
	srv := minicrmtest.NewServer(t, opts)
	r := &syncRig{srv: srv, dir: t.TempDir()}
	r.sales = seedSales(srv)
	r.lead, r.success = r.sales.Statuses[0].ID, r.sales.Statuses[2].ID
	db, err := storage.OpenDir(context.Background(), r.dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	r.db = db
	s := domain.MiniCRMSettings{SystemID: strconv.FormatInt(srv.SystemID(), 10), BaseURL: srv.URL(),
		CustomersModule: r.sales.ID, Demo: demo}
	if err := db.SaveMiniCRMSettings(context.Background(), &s); err != nil {
		t.Fatal(err)
	}
	secrets := &syncSecrets{m: map[string]string{domain.MiniCRMKeyAccount(s.SystemID): srv.APIKey()}}
	r.conn = crm.SyncConnector{Secrets: secrets, UserAgent: "KonnyuSzamla/test", HTTPClient: srv.HTTPClient(), Clock: srv.Clock()}
	r.svc = &domain.SyncService{Store: db, Settings: db, Connector: r.conn}
	return r
}

// addBusiness adds a company with a billing address and a card in status.
func (r *syncRig) addBusiness(name, vat, city, street string, status int64) int64 {
	id := r.srv.AddContact(minicrmtest.Contact{Type: "Business", Name: name, VatNumber: vat,
		Email: "", Phone: "+36 1 234 5678"})
	if city != "" {
		r.srv.AddAddress(minicrmtest.Address{ContactID: id, Type: "Számlázási cím", Name: "Számlázási cím",
			CountryID: "Magyarország", PostalCode: "1111", City: city, Address: street, Default: true})
	}
	if status != 0 {
		r.srv.AddProject(minicrmtest.Project{CategoryID: r.sales.ID, ContactID: id, StatusID: status, Name: name})
	}
	return id
}

// run prepares and applies a sync with no decisions.
func (r *syncRig) run(t testing.TB) *domain.SyncReport {
	t.Helper()
	rep, err := r.runErr(context.Background(), nil)
	if err != nil {
		t.Fatalf("sync: %v", err)
	}
	return rep
}

func (r *syncRig) runErr(ctx context.Context, res domain.SyncResolutions) (*domain.SyncReport, error) {
	p, err := r.svc.PrepareSync(ctx, domain.SyncOptions{}, nil)
	if err != nil {
		return nil, err
	}
	return r.svc.ApplySync(ctx, p, res, nil)
}

// later moves the fake clock past the watermark margin.
func (r *syncRig) later() { r.srv.Clock().Advance(time.Hour) }

// requests counts the fake's requests during f.
func (r *syncRig) requests(f func()) int {
	before := len(r.srv.Requests())
	f()
	return len(r.srv.Requests()) - before
}

func (r *syncRig) customers(t testing.TB) map[string]domain.Customer {
	t.Helper()
	cs, err := r.db.Customers(context.Background(), domain.CustomerQuery{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]domain.Customer{}
	for _, c := range cs {
		if _, dup := out[c.Name]; dup {
			t.Fatalf("two local customers named %q", c.Name)
		}
		out[c.Name] = c
	}
	return out
}

func localCustomer(name, tax, city, street string) domain.Customer {
	return domain.Customer{Kind: domain.KindCompany, Name: name, TaxNumber: tax, Email: "",
		BillingAddress: domain.Address{PostalCode: "1111", City: city, Street: street}}
}

func (r *syncRig) create(t testing.TB, c domain.Customer) domain.Customer {
	t.Helper()
	if err := r.db.CreateCustomer(context.Background(), &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// client is a plain client of the fake, to change MiniCRM's data as a
// MiniCRM user would.
func (r *syncRig) client(t testing.TB) *crm.Client { return minicrmtest.NewClient(t, r.srv) }

func crmPatchPhone(p string) crm.ContactPatch { return crm.ContactPatch{Phone: &p} }
