package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"konnyuszamla/domain"
)

// syncSeparateFake is a Syncer that records SeparateWeakMatch.
type syncSeparateFake struct {
	syncFakeSyncer
	separated int64
	err       error
}

func (f *syncSeparateFake) SeparateWeakMatch(_ context.Context, id int64) error {
	f.separated = id
	return f.err
}

func syncCommandRun(s Store, f Syncer, args ...string) (string, error) {
	var out, errOut bytes.Buffer
	env := Env{Stdout: &out, Stderr: &errOut}
	deps := SyncDeps{Open: func(context.Context, Store) (Syncer, error) { return f, nil }}
	err := SyncCommand(context.Background(), env, deps, s, args)
	return out.String(), err
}

func TestSyncHelpPrintsTheUsage(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}, {"--dry-run", "--help"}, {"separate", "-h"}} {
		f := &syncSeparateFake{}
		out, err := syncCommandRun(syncTestStore(false), f, args...)
		if err != nil || !strings.Contains(out, "sync [--dry-run] [--json]") || !strings.Contains(out, "sync separate CUSTOMER_ID") {
			t.Errorf("%v: %v\n%s", args, err, out)
		}
		if f.dryRun || f.applied || f.separated != 0 {
			t.Errorf("%v ran something", args)
		}
	}
}

func TestSyncSeparate(t *testing.T) {
	f := &syncSeparateFake{}
	// A local change: it works without the MiniCRM subscription too.
	out, err := syncCommandRun(syncTestStore(false), f, "separate", "13")
	if err != nil || f.separated != 13 || !strings.Contains(out, "Szétválasztva: a(z) #13 helyi vevő") {
		t.Fatalf("separate: %v %d\n%s", err, f.separated, out)
	}
	out, err = syncCommandRun(syncTestStore(false), f, "separate", "--json", "14")
	var got struct{ Separated int64 }
	if err != nil || json.Unmarshal([]byte(out), &got) != nil || got.Separated != 14 {
		t.Errorf("separate --json: %v %q", err, out)
	}
	for _, args := range [][]string{{"separate"}, {"separate", "x"}, {"separate", "0"}, {"separate", "1", "2"}} {
		if _, err := syncCommandRun(syncTestStore(false), f, args...); !errors.Is(err, errUsage) {
			t.Errorf("%v: %v, want a usage error", args, err)
		}
	}
	f.err = domain.Errorf(domain.EInvalid, "Ez a vevő nem egyezés alapján kapcsolódott a MiniCRM-hez, ezért nem választható szét.")
	if _, err := syncCommandRun(syncTestStore(false), f, "separate", "15"); err == nil || !strings.Contains(domain.ErrorMessage(err), "nem választható szét") {
		t.Errorf("refused separation: %v", err)
	}
}

func TestSyncCommandRunsTheSync(t *testing.T) {
	f := &syncSeparateFake{syncFakeSyncer: syncFakeSyncer{preview: &domain.SyncPreview{}}}
	if _, err := syncCommandRun(syncTestStore(true), f, "--dry-run"); err != nil || !f.dryRun {
		t.Errorf("sync --dry-run through SyncCommand: %v", err)
	}
}

func TestSyncDryRunLists(t *testing.T) {
	p := &domain.SyncPreview{
		New: []domain.RemoteCustomer{{ID: 1, Customer: domain.Customer{Kind: domain.KindPerson, Name: "Kiss János",
			BillingAddress: domain.Address{Country: "HU", PostalCode: "9021", City: "Győr", Street: "Fő tér 1."}}}},
		Updates: []domain.SyncUpdate{{Remote: domain.RemoteCustomer{ID: 2, Customer: domain.Customer{Name: "Alfa Kft."}},
			LocalID: 12, LocalName: "ALFA kft", Rule: domain.RuleNameBilling,
			Merge: domain.MergeResult{Changes: []domain.FieldChange{{Field: "phone", Label: "Telefon", Old: "", New: "+36 1 234 5678"},
				{Field: "billingAddress.city", Label: "Számlázási cím – város", Old: "Bp.", New: "Budapest"}}}},
			{Remote: domain.RemoteCustomer{ID: 3}, LocalID: 13, LocalName: "Változatlan Kft.", Rule: domain.RuleMiniCRMID}},
		Conflicts: []domain.SyncConflict{{Remote: domain.RemoteCustomer{ID: 4, Customer: domain.Customer{Name: "Minta Kft."}},
			Kind: domain.ConflictAmbiguous, Rule: domain.RuleNameBilling, Candidates: []domain.Customer{{ID: 21, Name: "Minta"}}}},
		PushNew: []domain.Customer{{ID: 30, Kind: domain.KindCompany, Name: "Helyi Kft.", TaxNumber: "12345676-2-42"}},
	}
	f := &syncFakeSyncer{preview: p}
	out, _, err := syncRun(t, syncTestStore(true), f, "--dry-run")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Új helyi vevők a MiniCRM-ből (1):", "Kiss János (MiniCRM #1, magánszemély, 9021 Győr, Fő tér 1.)",
		"Módosuló helyi vevők (1):", "ALFA kft (helyi #12) ← MiniCRM Alfa Kft. (#2)",
		"Telefon: (üres) → „+36 1 234 5678”", "Számlázási cím – város: „Bp.” → „Budapest”",
		"Új vevők a MiniCRM-ben (1;", "Helyi Kft. (helyi #30, cég, adószám: 12345676-2-42)",
		"ütközés (több helyi vevő is egyezik; név + számlázási város és cím)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Változatlan Kft.") || strings.Contains(out, "ambiguous") {
		t.Errorf("unchanged customer or an English kind listed:\n%s", out)
	}

	out, _, err = syncRun(t, syncTestStore(true), f, "--dry-run", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Details struct {
			New []struct {
				ID   int64
				Name string
				Kind string
			}
			Updates []struct {
				Local  struct{ ID int64 }
				Fields []domain.FieldChange
			}
			PushNew []struct {
				ID        int64
				TaxNumber string
			}
			Conflicts []struct{ Kind, KindLabel string }
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	d := got.Details
	if len(d.New) != 1 || d.New[0].ID != 1 || d.New[0].Kind != "person" ||
		len(d.Updates) != 1 || d.Updates[0].Local.ID != 12 || len(d.Updates[0].Fields) != 2 ||
		d.Updates[0].Fields[0] != (domain.FieldChange{Field: "phone", Label: "Telefon", Old: "", New: "+36 1 234 5678"}) ||
		len(d.PushNew) != 1 || d.PushNew[0].TaxNumber != "12345676-2-42" ||
		len(d.Conflicts) != 1 || d.Conflicts[0].Kind != "ambiguous" || d.Conflicts[0].KindLabel != "több helyi vevő is egyezik" {
		t.Errorf("details: %+v\n%s", d, out)
	}
}

func TestConflictKindsHaveHungarianLabels(t *testing.T) {
	for _, k := range []domain.ConflictKind{domain.ConflictAmbiguous, domain.ConflictClaimed, domain.ConflictField, domain.ConflictSearch} {
		if l := k.Label(); l == "" || l == "ütközés" || l == string(k) {
			t.Errorf("%s: label %q", k, l)
		}
	}
}
