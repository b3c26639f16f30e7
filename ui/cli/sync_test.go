package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"konnyuszamla/domain"
)

// syncStore is a Store whose only working part is the subscriptions.
type syncStore struct {
	Store
	subs *domain.SubscriptionService
}

func (s syncStore) SubscriptionService() *domain.SubscriptionService { return s.subs }

func syncTestStore(active bool) syncStore {
	m := &subMemStore{subs: map[domain.PlanID]domain.Subscription{}}
	if active {
		m.subs[domain.PlanMiniCRM] = domain.Subscription{Plan: domain.PlanMiniCRM, State: domain.StateActive, Since: subDay}
	}
	return syncStore{subs: &domain.SubscriptionService{Store: m, Now: func() time.Time { return subDay }}}
}

// syncFakeSyncer returns canned results and records the calls.
type syncFakeSyncer struct {
	domain.CustomerSyncer
	preview    *domain.SyncPreview
	report     *domain.SyncReport
	applyErr   error
	dryRun     bool
	applied    bool
	cardStatus int64
}

func (f *syncFakeSyncer) PrepareSync(_ context.Context, o domain.SyncOptions, progress func(domain.SyncProgress)) (*domain.SyncPreview, error) {
	f.dryRun = o.DryRun
	progress(domain.SyncProgress{Phase: domain.PhaseFetch, Total: 3})
	return f.preview, nil
}

func (f *syncFakeSyncer) ApplySync(context.Context, *domain.SyncPreview, domain.SyncResolutions, func(domain.SyncProgress)) (*domain.SyncReport, error) {
	f.applied = true
	return f.report, f.applyErr
}

func (f *syncFakeSyncer) SetCardStatus(_ context.Context, id int64) error {
	f.cardStatus = id
	return nil
}

func syncRun(t *testing.T, s Store, f *syncFakeSyncer, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := Env{Stdout: &out, Stderr: &errOut}
	deps := SyncDeps{Open: func(context.Context, Store) (Syncer, error) { return f, nil }}
	err := Sync(context.Background(), env, deps, s, args)
	return out.String(), errOut.String(), err
}

func TestSyncNeedsTheMiniCRMSubscription(t *testing.T) {
	f := &syncFakeSyncer{}
	_, _, err := syncRun(t, syncTestStore(false), f, "--json")
	msg := domain.ErrorMessage(err)
	if err == nil || !strings.Contains(msg, "MiniCRM kiegészítő előfizetés") || !strings.Contains(msg, "konnyuszamla subscriptions order minicrm") {
		t.Fatalf("not subscribed: %q", msg)
	}
	if f.dryRun || f.applied {
		t.Error("the sync ran without the subscription")
	}
}

func TestSyncJSON(t *testing.T) {
	rep := &domain.SyncReport{Created: 2, Updated: 1, PushedNew: 3, PushedUpdates: 4, Unchanged: 5, Requests: 47,
		Conflicts: []domain.ReportConflict{{Kind: domain.ConflictAmbiguous, Rule: domain.RuleNameBilling,
			MiniCRM: domain.ReportSide{ID: 101, Name: "Minta Kft."},
			Local:   []domain.ReportSide{{ID: 1, Name: "Minta Kft"}, {ID: 2, Name: "MINTA kft."}}}},
		WeakMatches: []domain.ReportMatch{{Rule: domain.RuleAddress, MiniCRM: domain.ReportSide{ID: 102, Name: "Omega Trade Kft."},
			Local: domain.ReportSide{ID: 3, Name: "Omega Kereskedelmi Kft."}}}}
	f := &syncFakeSyncer{preview: &domain.SyncPreview{}, report: rep}
	out, errOut, err := syncRun(t, syncTestStore(true), f, "--json")
	if err != nil || !f.applied {
		t.Fatalf("sync: %v", err)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out)
	}
	for k, want := range map[string]float64{"created": 2, "updated": 1, "pushedNew": 3, "pushedUpdates": 4, "conflicts": 1,
		"weakMatches": 1, "unchanged": 5, "requests": 47} {
		if got[k] != want {
			t.Errorf("%s = %v, want %v", k, got[k], want)
		}
	}
	details := got["details"].(map[string]any)
	c := details["conflicts"].([]any)[0].(map[string]any)
	if c["rule"] != "nameBillingAddress" || c["minicrm"].(map[string]any)["name"] != "Minta Kft." ||
		len(c["local"].([]any)) != 2 || c["local"].([]any)[1].(map[string]any)["name"] != "MINTA kft." {
		t.Errorf("conflict: %v", c)
	}
	w := details["weakMatches"].([]any)[0].(map[string]any)
	if w["rule"] != "address" || w["local"].(map[string]any)["name"] != "Omega Kereskedelmi Kft." {
		t.Errorf("weak match: %v", w)
	}
	if !strings.Contains(errOut, string(domain.PhaseFetch)) {
		t.Errorf("no progress on stderr: %q", errOut)
	}
}

func TestSyncDryRunAndErrors(t *testing.T) {
	p := &domain.SyncPreview{New: []domain.RemoteCustomer{{ID: 1}}, PushNew: []domain.Customer{{ID: 5}}, Unchanged: 7}
	f := &syncFakeSyncer{preview: p}
	out, _, err := syncRun(t, syncTestStore(true), f, "--dry-run", "--card-status", "2503")
	if err != nil || !f.dryRun || f.applied || f.cardStatus != 2503 {
		t.Fatalf("dry run: %v dry %v applied %v status %d", err, f.dryRun, f.applied, f.cardStatus)
	}
	if !strings.Contains(out, "Próba (--dry-run)") || !strings.Contains(out, "1 új, 0 módosított, 7 változatlan") ||
		!strings.Contains(out, "1 új vevő") {
		t.Errorf("dry run output:\n%s", out)
	}
	f = &syncFakeSyncer{preview: p, report: &domain.SyncReport{Created: 1,
		Errors: []string{"„Alfa”: nem tudni, hogy a MiniCRM rögzítette-e a létrehozást."}}}
	out, _, err = syncRun(t, syncTestStore(true), f)
	if err == nil || !strings.Contains(domain.ErrorMessage(err), "1 hibával") || !strings.Contains(out, "hiba: „Alfa”") {
		t.Errorf("errors: %v\n%s", err, out)
	}
	if _, _, err := syncRun(t, syncTestStore(true), f, "extra"); err == nil || !strings.Contains(err.Error(), "usage") {
		t.Errorf("a stray argument: %v", err)
	}
}
