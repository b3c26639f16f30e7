//go:build cgo

package crm_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"konnyuszamla/domain"
	"konnyuszamla/storage"
)

func TestSyncDemoSystemWritesNothing(t *testing.T) {
	r := newSyncRig(t, true)
	r.addBusiness("Alfa Kft.", taxNumber(1), "Budapest", "Fő utca 1.", r.success)
	r.later()
	local := r.create(t, localCustomer("Csak Helyi Kft.", taxNumber(2), "Szeged", "Kárász u. 1."))
	local.Phone = "+36 62 123 456"
	rep := r.run(t)
	if !rep.Demo || rep.Created != 1 || rep.PushedNew != 0 || !containsText(rep.Warnings, "Demó rendszer") {
		t.Fatalf("demo run: %+v", rep)
	}
	for _, q := range r.srv.Requests() {
		if q.Method != http.MethodGet {
			t.Errorf("a demo sync wrote to MiniCRM: %s %s", q.Method, q.Path)
		}
	}
	if c, _ := r.db.CustomerByID(context.Background(), local.ID); c.MiniCRMID != 0 {
		t.Errorf("the local customer got linked: %+v", c)
	}
}

func TestSyncDryRunChangesNothing(t *testing.T) {
	r := newSyncRig(t, false)
	r.addBusiness("Alfa Kft.", taxNumber(1), "Budapest", "Fő utca 1.", r.success)
	r.later()
	r.create(t, localCustomer("Csak Helyi Kft.", taxNumber(2), "Szeged", "Kárász u. 1."))
	p, err := r.svc.PrepareSync(context.Background(), domain.SyncOptions{DryRun: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.New) != 1 || len(p.PushNew) != 1 {
		t.Fatalf("preview: %d new, %d to create in MiniCRM", len(p.New), len(p.PushNew))
	}
	if n := len(r.customers(t)); n != 1 {
		t.Errorf("a dry run changed the customers: %d", n)
	}
	for _, q := range r.srv.Requests() {
		if q.Method != http.MethodGet {
			t.Errorf("a dry run wrote to MiniCRM: %s %s", q.Method, q.Path)
		}
	}
	log, _ := r.db.SyncLog(context.Background(), 1)
	if len(log) != 1 || log[0].Status != domain.StatusDryRun || log[0].Report.Created != 1 {
		t.Errorf("log: %+v", log)
	}
	// The real run uses what the dry run fetched: only the change lists.
	n := r.requests(func() {
		p, err := r.svc.PrepareSync(context.Background(), domain.SyncOptions{}, nil)
		if err != nil || len(p.New) != 1 {
			t.Fatalf("prepare after the dry run: %v", err)
		}
	})
	if n > 2 {
		t.Errorf("the run after a dry run made %d requests before applying, want 2", n)
	}
}

func TestSyncCancelAndResume(t *testing.T) {
	r := newSyncRig(t, false)
	for i := range 250 {
		r.addBusiness(fmt.Sprintf("Vevő %03d Kft.", i), taxNumber(i), "Budapest", fmt.Sprintf("Fő utca %d.", i+1), r.success)
	}
	r.later()
	ctx, cancel := context.WithCancel(context.Background())
	_, err := r.svc.PrepareSync(ctx, domain.SyncOptions{}, func(p domain.SyncProgress) {
		if p.Phase == domain.PhaseFetch && p.Done >= 100 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || domain.ErrorMessage(err) == "" {
		t.Fatalf("cancelled prepare: %v", err)
	}
	staged, _ := r.db.StagedRemotes(context.Background())
	if len(staged) != 100 {
		t.Fatalf("%d customers kept after the cancel, want 100", len(staged))
	}
	// The resumed run fetches only the other 150 (plus the lists).
	var p *domain.SyncPreview
	n := r.requests(func() {
		if p, err = r.svc.PrepareSync(context.Background(), domain.SyncOptions{}, nil); err != nil {
			t.Fatal(err)
		}
	})
	if len(p.New) != 250 || n > 3+2+150*3 {
		t.Fatalf("resumed prepare: %d new, %d requests", len(p.New), n)
	}
	// Cancel the apply half-way; nothing finished is lost.
	ctx, cancel = context.WithCancel(context.Background())
	rep, err := r.svc.ApplySync(ctx, p, nil, func(pr domain.SyncProgress) {
		if pr.Phase == domain.PhaseApply && pr.Done >= 50 {
			cancel()
		}
	})
	if err != nil || !rep.Cancelled || rep.Created != 50 {
		t.Fatalf("cancelled apply: %v %+v", err, rep)
	}
	r.later()
	n = r.requests(func() { rep = r.run(t) })
	if rep.Created != 200 || len(r.customers(t)) != 250 || n > 2 {
		t.Fatalf("run after the cancel: %+v, %d customers, %d requests", rep, len(r.customers(t)), n)
	}
	log, _ := r.db.SyncLog(context.Background(), 0)
	if len(log) != 3 || log[1].Status != domain.StatusCancelled || log[2].Status != domain.StatusCancelled {
		t.Errorf("log statuses: %+v", log)
	}
}

// crashAfterCreate is the store of a process that dies right after
// MiniCRM answered a create and before the answer was committed locally.
type crashAfterCreate struct {
	*storage.DB
	crashed bool
}

var errCrash = errors.New("simulated crash")

func (c *crashAfterCreate) SaveSyncIntent(ctx context.Context, in domain.SyncIntent) error {
	if in.ContactID != 0 && !c.crashed {
		c.crashed = true
		return errCrash
	}
	return c.DB.SaveSyncIntent(ctx, in)
}

func TestSyncCrashBetweenAnswerAndCommit(t *testing.T) {
	r := newSyncRig(t, false)
	r.addBusiness("Meglévő Kft.", taxNumber(1), "Budapest", "Fő utca 1.", r.success)
	r.later()
	local := r.create(t, localCustomer("Új Kft.", taxNumber(2), "Szeged", "Kárász u. 1."))
	crashing := &crashAfterCreate{DB: r.db}
	svc := &domain.SyncService{Store: crashing, Settings: r.db, Connector: r.conn}
	p, err := svc.PrepareSync(context.Background(), domain.SyncOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.ApplySync(context.Background(), p, nil, nil); !errors.Is(err, errCrash) {
		t.Fatalf("the crash did not stop the run: %v", err)
	}
	if n := len(r.srv.Contacts()); n != 2 {
		t.Fatalf("%d contacts after the crash, want 2 (the create reached MiniCRM)", n)
	}
	r.later()
	rep := r.run(t)
	if rep.PushedNew != 1 || len(rep.Errors) != 0 {
		t.Fatalf("run after the crash: %+v", rep)
	}
	checkExactlyOnce(t, r, []domain.Customer{local})
	if n := len(r.srv.Contacts()); n != 2 {
		t.Errorf("%d contacts, want 2: the create was repeated", n)
	}
}

func TestSyncRefusesASecondRunAtOnce(t *testing.T) {
	r := newSyncRig(t, false)
	ctx := context.Background()
	other, err := r.db.LockSync(ctx, "") // another live run of this process's host
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.svc.PrepareSync(ctx, domain.SyncOptions{}, nil); domain.ErrorCode(err) != domain.EConflict ||
		!strings.Contains(domain.ErrorMessage(err), "Egy másik szinkronizálás fut") {
		t.Fatalf("second run: %v", err)
	}
	if err := r.db.UnlockSync(ctx, other); err != nil {
		t.Fatal(err)
	}
	r.run(t)
}
