package storage_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"konnyuszamla/domain"
	"konnyuszamla/storage"
)

// subServices returns the subscription service over db with fast hashing,
// the owner account "anna" / "titkos123" and the settable clock.
func subServices(t *testing.T, db *storage.DB) (*domain.SubscriptionService, *acctTestClock) {
	t.Helper()
	clock := &acctTestClock{fixedNow}
	acc := fastAccounts(db, clock)
	if err := acc.Create(context.Background(), "anna", "titkos123", "titkos123", false); err != nil {
		t.Fatal(err)
	}
	return &domain.SubscriptionService{Store: db, Accounts: acc, Now: clock.Now}, clock
}

func TestBasePackageActiveSinceFirstStart(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := mustOpenDir(t, dir)
	var firstStart string
	if err := openRaw(t, filepath.Join(dir, storage.FileName)).QueryRow(
		`SELECT applied_at FROM schema_migrations WHERE version = 1`).Scan(&firstStart); err != nil {
		t.Fatal(err)
	}
	list, err := db.SubscriptionService().Catalogue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	base, crm := list[0], list[1]
	if base.Plan.ID != domain.PlanBase || !base.Sub.Active() || base.Sub.Since.Format(time.RFC3339Nano) != firstStart {
		t.Errorf("base package %+v, want active since %s", base.Sub, firstStart)
	}
	if crm.Plan.ID != domain.PlanMiniCRM || crm.Sub.State != domain.StateNone {
		t.Errorf("MiniCRM on a new database: %+v", crm.Sub)
	}
	if on, err := db.SubscriptionService().Active(ctx, "minicrm"); on || err != nil {
		t.Errorf("Active(minicrm) = %v, %v", on, err)
	}
}

func TestSubscriptionFlowIsStored(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := mustOpenDir(t, dir)
	subs, clock := subServices(t, db)

	if _, err := subs.Order(ctx, domain.PlanMiniCRM); err != nil {
		t.Fatal(err)
	}
	msgs, _ := db.Messages(ctx)
	if len(msgs) != 1 || msgs[0].Subject != "Megrendelés rögzítve" || msgs[0].Read ||
		msgs[0].Action != (domain.MessageAction{Kind: domain.ActionActivate, Plan: domain.PlanMiniCRM}) || !msgs[0].Time.Equal(fixedNow) {
		t.Fatalf("after order: %+v", msgs)
	}

	clock.t = fixedNow.Add(2 * time.Hour)
	if _, err := subs.Activate(ctx, domain.PlanMiniCRM, "anna", "rossz-jelszo"); !errors.Is(err, domain.ErrWrongCredentials) {
		t.Fatalf("wrong password: %v", err)
	}
	if a, _ := db.Account(ctx); a.Failures != 1 {
		t.Errorf("failures stored: %d", a.Failures)
	}
	if _, err := subs.Activate(ctx, domain.PlanMiniCRM, "anna", "titkos123"); err != nil {
		t.Fatal(err)
	}
	if err := db.MarkMessageRead(ctx, msgs[0].ID); err != nil {
		t.Fatal(err)
	}
	db.Close()

	db = mustOpenDir(t, dir)
	e, err := db.SubscriptionService().Entry(ctx, domain.PlanMiniCRM)
	if err != nil || e.Sub.State != domain.StateActive || !e.Sub.Since.Equal(fixedNow.Add(2*time.Hour)) {
		t.Fatalf("after reopen: %+v, %v", e.Sub, err)
	}
	msgs, _ = db.Messages(ctx)
	if len(msgs) != 2 || msgs[0].Subject != "Sikeres aktiválás" || msgs[0].Read || !msgs[1].Read || !msgs[0].Action.IsZero() {
		t.Fatalf("messages after reopen: %+v", msgs)
	}
	if n, _ := db.UnreadMessageCount(ctx); n != 1 {
		t.Errorf("unread %d, want 1", n)
	}
	if err := db.MarkMessageRead(ctx, 999); domain.ErrorCode(err) != domain.ENotFound {
		t.Errorf("mark unknown message: %v", err)
	}
}

func TestCancelKeepsSettingsAndAllowsReorder(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	subs, _ := subServices(t, db)
	settings := domain.MiniCRMSettings{SystemID: "98", BaseURL: domain.DefaultMiniCRMBaseURL, AllowedIPs: []string{}, CustomersModule: 23}
	if err := db.SaveMiniCRMSettings(ctx, &settings); err != nil {
		t.Fatal(err)
	}
	if _, err := subs.Order(ctx, domain.PlanMiniCRM); err != nil {
		t.Fatal(err)
	}
	if _, err := subs.Activate(ctx, domain.PlanMiniCRM, "anna", "titkos123"); err != nil {
		t.Fatal(err)
	}
	if err := subs.Cancel(ctx, domain.PlanMiniCRM); err != nil {
		t.Fatal(err)
	}
	if on, _ := subs.Active(ctx, domain.PlanMiniCRM); on {
		t.Fatal("active after Lemondás")
	}
	if s, _ := db.MiniCRMSettings(ctx); s.SystemID != "98" || s.CustomersModule != 23 {
		t.Errorf("Lemondás lost the MiniCRM settings: %+v", s)
	}
	if _, err := subs.Order(ctx, domain.PlanMiniCRM); err != nil {
		t.Fatalf("re-order: %v", err)
	}
	if e, _ := subs.Entry(ctx, domain.PlanMiniCRM); e.Sub.State != domain.StateOrdered {
		t.Errorf("after re-order: %s", e.Sub.State)
	}
}

func TestSaveSubscriptionRefusesAStaleState(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	ordered := domain.Subscription{Plan: domain.PlanMiniCRM, State: domain.StateOrdered, Since: fixedNow}
	active := domain.Subscription{Plan: domain.PlanMiniCRM, State: domain.StateActive, Since: fixedNow}
	none := domain.Subscription{Plan: domain.PlanMiniCRM, State: domain.StateNone}
	if err := db.SaveSubscription(ctx, none, ordered, nil); err != nil {
		t.Fatal(err)
	}
	// Another window activated meanwhile: this one still thinks "none".
	if err := db.SaveSubscription(ctx, ordered, active, &domain.Message{Time: fixedNow, Subject: "Sikeres aktiválás"}); err != nil {
		t.Fatal(err)
	}
	err := db.SaveSubscription(ctx, none, ordered, &domain.Message{Time: fixedNow, Subject: "Megrendelés rögzítve"})
	if domain.ErrorCode(err) != domain.EConflict || !strings.Contains(domain.ErrorMessage(err), "közben megváltozott") {
		t.Fatalf("stale save: %v", err)
	}
	if msgs, _ := db.Messages(ctx); len(msgs) != 1 {
		t.Errorf("the refused save left a message: %+v", msgs)
	}
	subs, _ := db.Subscriptions(ctx)
	for _, s := range subs {
		if s.Plan == domain.PlanMiniCRM && s.State != domain.StateActive {
			t.Errorf("state after the refused save: %s", s.State)
		}
	}
}
