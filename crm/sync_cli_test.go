//go:build cgo

package crm_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"konnyuszamla/domain"
	"konnyuszamla/ui/cli"
)

// runSyncCLI runs "sync args…" over the real store and the fake MiniCRM.
func (r *syncRig) runSyncCLI(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := cli.Env{Stdout: &out, Stderr: &errOut, DataDir: r.dir}
	deps := cli.SyncDeps{Open: func(context.Context, cli.Store) (cli.Syncer, error) { return r.svc, nil }}
	err := cli.Sync(context.Background(), env, deps, r.db, args)
	return out.String(), err
}

func TestSyncCommandEndToEnd(t *testing.T) {
	r := newSyncRig(t, false)
	ctx := context.Background()
	r.addBusiness("Alfa Kft.", taxNumber(1), "Budapest", "Fő utca 1.", r.success)
	r.addBusiness("Minta Kft.", "", "Pécs", "Király u. 1.", r.success)
	r.later()
	r.create(t, localCustomer("Minta Kft", taxNumber(2), "Pécs", "Király utca 1."))
	r.create(t, localCustomer("MINTA kft.", taxNumber(3), "Pécs", "Király u. 1"))
	r.create(t, localCustomer("Helyi Kft.", taxNumber(4), "Eger", "Dobó tér 1."))

	if _, err := r.runSyncCLI(t, "--json"); err == nil || !strings.Contains(domain.ErrorMessage(err), "MiniCRM kiegészítő előfizetés") {
		t.Fatalf("without the add-on: %v", err)
	}
	if len(r.srv.Requests()) != 0 {
		t.Fatal("the refused sync reached MiniCRM")
	}
	if err := r.db.AccountService().Create(ctx, "anna", "titkos123", "titkos123", false); err != nil {
		t.Fatal(err)
	}
	subs := r.db.SubscriptionService()
	if _, err := subs.Order(ctx, domain.PlanMiniCRM); err != nil {
		t.Fatal(err)
	}
	if _, err := subs.Activate(ctx, domain.PlanMiniCRM, "anna", "titkos123"); err != nil {
		t.Fatal(err)
	}

	type report struct {
		DryRun                                 bool `json:"dryRun"`
		Created, Updated, PushedNew, Conflicts int
		WeakMatches, Unchanged, Requests       int
		Details                                struct {
			Conflicts []struct {
				Kind, Rule string
				MiniCRM    struct{ Name string } `json:"minicrm"`
				Local      []struct{ Name string }
			}
		}
	}
	out, err := r.runSyncCLI(t, "--dry-run", "--json")
	var dry report
	if err != nil || json.Unmarshal([]byte(out), &dry) != nil {
		t.Fatalf("dry run: %v\n%s", err, out)
	}
	if !dry.DryRun || dry.Created != 1 || dry.PushedNew != 1 || dry.Conflicts != 1 || dry.Requests == 0 || len(r.customers(t)) != 3 {
		t.Fatalf("dry run: %+v", dry)
	}
	c := dry.Details.Conflicts[0]
	if c.Kind != "ambiguous" || c.Rule != "nameBillingAddress" || c.MiniCRM.Name != "Minta Kft." || len(c.Local) != 2 {
		t.Errorf("conflict: %+v", c)
	}
	out, err = r.runSyncCLI(t, "--json")
	var real report
	if err != nil || json.Unmarshal([]byte(out), &real) != nil {
		t.Fatalf("sync: %v\n%s", err, out)
	}
	if real.DryRun || real.Created != 1 || real.PushedNew != 1 || real.Conflicts != 1 || len(r.customers(t)) != 4 {
		t.Fatalf("sync: %+v", real)
	}
}
