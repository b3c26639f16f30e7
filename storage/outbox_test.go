package storage_test

import (
	"context"
	"testing"
	"time"

	"konnyuszamla/domain"
	"konnyuszamla/storage"
)

// outboxDB is invoiceDB with the customer linked to MiniCRM contact 101, a
// MiniCRM system configured and the add-on active.
func outboxDB(t *testing.T, demo bool) *storage.DB {
	t.Helper()
	db := invoiceDB(t)
	ctx := context.Background()
	c, err := db.CustomerByID(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	c.MiniCRMID = 101
	if err := db.UpdateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	s := domain.MiniCRMSettings{SystemID: "12345", BaseURL: domain.DefaultMiniCRMBaseURL, Demo: demo, InvoicesModule: 7}
	if err := db.SaveMiniCRMSettings(ctx, &s); err != nil {
		t.Fatal(err)
	}
	activateMiniCRM(t, db)
	return db
}

func activateMiniCRM(t *testing.T, db *storage.DB) {
	t.Helper()
	err := db.SaveSubscription(context.Background(), domain.Subscription{Plan: domain.PlanMiniCRM, State: domain.StateNone},
		domain.Subscription{Plan: domain.PlanMiniCRM, State: domain.StateActive, Since: time.Now()}, nil)
	if err != nil {
		t.Fatal(err)
	}
}

func outboxStates(t *testing.T, db *storage.DB) map[string]domain.UploadState {
	t.Helper()
	items, err := db.OutboxItems(context.Background(), true)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]domain.UploadState{}
	for _, it := range items {
		out[it.Number+"/"+string(it.Kind)] = it.State
	}
	return out
}

func TestOutboxEnqueuedWithTheIssue(t *testing.T) {
	db := outboxDB(t, false)
	ctx := context.Background()
	inv := mustIssue(t, db, draft(domain.DocInvoice))
	pro := mustIssue(t, db, draft(domain.DocProforma))
	if _, err := db.AddPayment(ctx, inv.Number, domain.Payment{Amount: domain.MustParseDecimal("1"), Method: domain.PayCash}); err != nil {
		t.Fatal(err)
	}
	got := outboxStates(t, db)
	if len(got) != 2 || got[inv.Number+"/create"] != domain.UploadPending || got[pro.Number+"/create"] != domain.UploadPending {
		t.Fatalf("outbox after issue and a partial payment: %v", got)
	}
	full, _ := db.Document(ctx, inv.Number)
	rest, _ := full.Outstanding()
	if _, err := db.AddPayment(ctx, inv.Number, domain.Payment{Amount: rest, Method: domain.PayCash}); err != nil {
		t.Fatal(err)
	}
	storno, err := db.CancelInvoice(ctx, inv.Number, domain.Date{})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.WithdrawProforma(ctx, pro.Number); err != nil {
		t.Fatal(err)
	}
	got = outboxStates(t, db)
	want := map[string]domain.UploadState{inv.Number + "/create": "pending", inv.Number + "/paid": "pending",
		inv.Number + "/cancelled": "pending", storno.Number + "/create": "pending", pro.Number + "/create": "pending",
		pro.Number + "/cancelled": "pending"}
	if len(got) != len(want) {
		t.Fatalf("outbox = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	// Updates wait for their create.
	due, err := db.OutboxDue(ctx, time.Now(), time.Now().Add(-time.Minute), 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range due {
		if it.Kind != domain.OutboxCreate {
			t.Errorf("update %s due before its create", it.Key())
		}
	}
	if n, _ := db.OutboxWaitingDocuments(ctx); n != 3 {
		t.Errorf("waiting documents = %d, want 3", n)
	}
}

func TestOutboxDemoUnlinkedInactive(t *testing.T) {
	ctx := context.Background()
	demo := outboxDB(t, true)
	inv := mustIssue(t, demo, draft(domain.DocInvoice))
	if got := outboxStates(t, demo); got[inv.Number+"/create"] != domain.UploadDemo {
		t.Errorf("demo: %v", got)
	}
	if due, _ := demo.OutboxDue(ctx, time.Now(), time.Now(), 10); len(due) != 0 {
		t.Errorf("demo items are due: %v", due)
	}
	if n, _ := demo.OutboxWaitingDocuments(ctx); n != 0 {
		t.Errorf("demo documents wait: %d", n)
	}

	unlinked := invoiceDB(t)
	s := domain.MiniCRMSettings{SystemID: "12345", BaseURL: domain.DefaultMiniCRMBaseURL}
	unlinked.SaveMiniCRMSettings(ctx, &s)
	activateMiniCRM(t, unlinked)
	mustIssue(t, unlinked, draft(domain.DocInvoice))
	if got := outboxStates(t, unlinked); len(got) != 0 {
		t.Errorf("unlinked customer: %v", got)
	}

	inactive := invoiceDB(t)
	c, _ := inactive.CustomerByID(ctx, 1)
	c.MiniCRMID = 101
	inactive.UpdateCustomer(ctx, c)
	inactive.SaveMiniCRMSettings(ctx, &s)
	mustIssue(t, inactive, draft(domain.DocInvoice))
	if got := outboxStates(t, inactive); len(got) != 0 {
		t.Errorf("add-on not active: %v", got)
	}
}

func TestOutboxClaimSkipRetry(t *testing.T) {
	db := outboxDB(t, false)
	ctx := context.Background()
	inv := mustIssue(t, db, draft(domain.DocInvoice))
	now := time.Now()
	due, err := db.OutboxDue(ctx, now, now.Add(-time.Minute), 10)
	if err != nil || len(due) != 1 {
		t.Fatalf("due = %v, %v", due, err)
	}
	if ok, err := db.OutboxClaim(ctx, due[0], now); !ok || err != nil {
		t.Fatalf("claim = %v, %v", ok, err)
	}
	if ok, _ := db.OutboxClaim(ctx, due[0], now); ok {
		t.Fatal("claimed twice")
	}
	// A stale claim is due again (the worker died).
	if due, _ := db.OutboxDue(ctx, now, now.Add(time.Minute), 10); len(due) != 1 || due[0].State != domain.UploadSending {
		t.Fatalf("stale claim not due: %v", due)
	}
	p := domain.OutboxProgress{ProjectID: 55, CardTried: true}
	if err := db.OutboxFinish(ctx, due[0].ID, domain.OutboxResult{State: domain.UploadFailed, LastError: "rossz mező", Progress: p, CountAttempt: true}, now); err != nil {
		t.Fatal(err)
	}
	items, _ := db.OutboxItems(ctx, false)
	if len(items) != 1 || items[0].State != domain.UploadFailed || items[0].LastError != "rossz mező" || items[0].Attempts != 1 || items[0].Progress != p {
		t.Fatalf("after failure: %+v", items)
	}
	if st, _ := db.UploadStates(ctx, []string{inv.Number, "X"}); st[inv.Number] != domain.UploadFailed || len(st) != 1 {
		t.Errorf("upload states = %v", st)
	}
	if n, err := db.OutboxRetry(ctx, 0); n != 1 || err != nil {
		t.Fatalf("retry = %d, %v", n, err)
	}
	if err := db.OutboxSkip(ctx, items[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddPayment(ctx, inv.Number, domain.Payment{Method: domain.PayCash, Amount: domain.MustParseDecimal("100000")}); err == nil {
		if got := outboxStates(t, db); got[inv.Number+"/paid"] != "" {
			t.Errorf("skipped document's payment queued: %v", got)
		}
	}
	if err := db.OutboxSkip(ctx, items[0].ID); domain.ErrorCode(err) != domain.EConflict {
		t.Errorf("skip twice: %v", err)
	}
	if n, _ := db.OutboxWaitingDocuments(ctx); n != 0 {
		t.Errorf("waiting = %d", n)
	}
}

func TestUploadMappingStore(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	if _, err := db.UploadMapping(ctx); domain.ErrorCode(err) != domain.ENotFound {
		t.Fatalf("before save: %v", err)
	}
	m := domain.UploadMapping{Module: 7, Fields: map[domain.UploadField]string{domain.UploadNumber: "Sorszam"},
		Status: map[domain.UploadStatusKind]string{domain.UploadPaidState: "3"}}
	if err := db.SaveUploadMapping(ctx, m); err != nil {
		t.Fatal(err)
	}
	got, err := db.UploadMapping(ctx)
	if err != nil || got.Module != 7 || got.Fields[domain.UploadNumber] != "Sorszam" || got.Status[domain.UploadPaidState] != "3" {
		t.Fatalf("got %+v, %v", got, err)
	}
}
