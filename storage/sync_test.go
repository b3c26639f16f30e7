package storage_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"konnyuszamla/domain"
)

func remoteCustomer(id int64, name string) domain.RemoteCustomer {
	c := sampleCustomer(name)
	c.MiniCRMID = id
	return domain.RemoteCustomer{ID: id, Customer: c, BillingAddressID: id * 10}
}

func TestApplyRemoteInsertsMergesAndUnstages(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	r := remoteCustomer(42, "Minta Kft.")
	if err := db.StageRemote(ctx, 1, r); err != nil {
		t.Fatal(err)
	}
	a, err := db.ApplyRemote(ctx, domain.SyncApplyOp{Remote: r})
	if err != nil || !a.Created {
		t.Fatalf("insert: %v %+v", err, a)
	}
	if staged, _ := db.StagedRemotes(ctx); len(staged) != 0 {
		t.Errorf("still staged: %+v", staged)
	}
	// A stale "insert" of the same contact merges into the linked customer.
	r.Customer.Phone = "+36 1 111 1111"
	b, err := db.ApplyRemote(ctx, domain.SyncApplyOp{Remote: r})
	if err != nil || b.Created || b.CustomerID != a.CustomerID || !b.Merge.Changed() {
		t.Fatalf("second apply: %v %+v", err, b)
	}
	h, _ := db.CustomerHistory(ctx, a.CustomerID)
	if len(h) != 1 || h[0].Reason != domain.HistorySync || h[0].Customer.Phone != "" {
		t.Errorf("history: %+v", h)
	}
	// The link knows its base and address id; an edit makes it dirty.
	locals, _ := db.SyncLocals(ctx, false)
	if len(locals) != 0 {
		t.Fatalf("nothing to push yet: %+v", locals)
	}
	c, _ := db.CustomerByID(ctx, a.CustomerID)
	c.Email = "uj@minta.hu"
	if err := db.UpdateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	locals, _ = db.SyncLocals(ctx, false)
	if len(locals) != 1 || !locals[0].Dirty || locals[0].Base == nil || locals[0].Base.Phone != "+36 1 111 1111" ||
		locals[0].BillingAddressID != 420 {
		t.Fatalf("dirty link: %+v", locals)
	}
	if err := db.MarkSynced(ctx, c.ID, *c); err != nil {
		t.Fatal(err)
	}
	if locals, _ = db.SyncLocals(ctx, false); len(locals) != 0 {
		t.Errorf("still dirty after MarkSynced: %+v", locals)
	}
}

func TestApplyRemoteRefusesACustomerLinkedElsewhere(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	a, err := db.ApplyRemote(ctx, domain.SyncApplyOp{Remote: remoteCustomer(1, "Alfa Kft.")})
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.ApplyRemote(ctx, domain.SyncApplyOp{Remote: remoteCustomer(2, "Béta Kft."), LocalID: a.CustomerID, Rule: domain.RuleManual})
	if domain.ErrorCode(err) != domain.EConflict {
		t.Fatalf("linking a linked customer to another contact: %v", err)
	}
}

func TestSyncRunResumes(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	t0 := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	st, err := db.BeginSyncRun(ctx, t0)
	if err != nil || st.RunID == 0 || st.Resumed || !st.RunSince.IsZero() {
		t.Fatalf("first run: %v %+v", err, st)
	}
	again, _ := db.BeginSyncRun(ctx, t0.Add(time.Hour))
	if !again.Resumed || again.RunID != st.RunID || !again.RunFirstStart.Equal(t0) {
		t.Fatalf("resume: %+v", again)
	}
	if err := db.FinishSyncRun(ctx, t0.Add(-5*time.Minute)); err != nil {
		t.Fatal(err)
	}
	next, _ := db.BeginSyncRun(ctx, t0.Add(2*time.Hour))
	if next.Resumed || next.RunID == st.RunID || !next.RunSince.Equal(t0.Add(-5*time.Minute)) {
		t.Fatalf("next run: %+v", next)
	}
	if err := db.LearnSuccessStatuses(ctx, map[int64]int{2503: 2}); err != nil {
		t.Fatal(err)
	}
	if err := db.LearnSuccessStatuses(ctx, map[int64]int{2503: 1, 2504: 1}); err != nil {
		t.Fatal(err)
	}
	if s, _ := db.SyncState(ctx); s.CardStatus() != 2503 || s.SuccessStatuses[2503] != 3 {
		t.Errorf("statuses: %+v", s)
	}
}

func TestSyncIntentLinksTheCustomer(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	a, b := sampleCustomer("Alfa Kft."), sampleCustomer("Béta Kft.")
	db.CreateCustomer(ctx, &a)
	db.CreateCustomer(ctx, &b)
	in := domain.SyncIntent{CustomerID: a.ID, NeedCard: true, InFlight: domain.StepContact}
	if err := db.SaveSyncIntent(ctx, in); err != nil {
		t.Fatal(err)
	}
	in.ContactID, in.InFlight = 77, domain.StepNone
	if err := db.SaveSyncIntent(ctx, in); err != nil {
		t.Fatal(err)
	}
	if c, _ := db.CustomerByID(ctx, a.ID); c.MiniCRMID != 77 {
		t.Fatalf("not linked: %+v", c)
	}
	if err := db.SaveSyncIntent(ctx, domain.SyncIntent{CustomerID: b.ID, ContactID: 77}); domain.ErrorCode(err) != domain.EConflict {
		t.Fatalf("a second customer on the same contact: %v", err)
	}
	in.BillingAddressID, in.ProjectID = 5, 9
	if err := db.CompleteSyncIntent(ctx, in, &a); err != nil {
		t.Fatal(err)
	}
	intents, _ := db.SyncIntents(ctx)
	locals, _ := db.SyncLocals(ctx, true)
	if len(intents) != 0 { // a's is complete, b's was refused as a whole
		t.Errorf("intents: %+v", intents)
	}
	if locals[0].BillingAddressID != 5 || locals[0].Base == nil || locals[0].Dirty {
		t.Errorf("link: %+v", locals[0])
	}
}

func TestSyncLog(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	e := &domain.SyncLogEntry{Status: domain.StatusRunning, Report: domain.SyncReport{Started: fixedNow}}
	if err := db.AddSyncLog(ctx, e); err != nil || e.ID == 0 {
		t.Fatal(err)
	}
	e.Status, e.Report.Created, e.Report.Requests = domain.StatusOK, 3, 12
	e.Report.Conflicts = []domain.ReportConflict{{Kind: domain.ConflictAmbiguous, Rule: domain.RuleNameBilling}}
	if err := db.UpdateSyncLog(ctx, e); err != nil {
		t.Fatal(err)
	}
	log, err := db.SyncLog(ctx, 10)
	if err != nil || len(log) != 1 || log[0].Status != domain.StatusOK || log[0].Report.Created != 3 ||
		log[0].Report.Conflicts[0].Rule != domain.RuleNameBilling {
		t.Fatalf("log: %v %+v", err, log)
	}
}

func TestSyncLock(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	a, err := db.LockSync(ctx, "")
	if err != nil || a == "" {
		t.Fatal(err)
	}
	if _, err := db.LockSync(ctx, a); err != nil {
		t.Fatalf("renew: %v", err)
	}
	// A live process (this one, under another run's token) blocks.
	other := strings.Join(strings.Split(a, "/")[:2], "/") + "/ffff"
	if _, err := db.LockSync(ctx, other); domain.ErrorCode(err) != domain.EConflict {
		t.Fatalf("a second run: %v", err)
	}
	if err := db.UnlockSync(ctx, a); err != nil {
		t.Fatal(err)
	}
	if _, err := db.LockSync(ctx, other); err != nil {
		t.Fatalf("after the unlock: %v", err)
	}
	// A lock left by a dead process does not block.
	db.UnlockSync(ctx, other)
	host, _ := os.Hostname()
	dead := host + "/999999999/abcd"
	if _, err := db.LockSync(ctx, dead); err != nil {
		t.Fatal(err)
	}
	if _, err := db.LockSync(ctx, ""); err != nil {
		t.Fatalf("a crashed run's lock blocks: %v", err)
	}
}
