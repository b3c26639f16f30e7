//go:build cgo

package crm_test

import (
	"context"
	"testing"

	"konnyuszamla/domain"
)

func TestSyncConflictResolvedInThePreview(t *testing.T) {
	r := newSyncRig(t, false)
	ctx := context.Background()
	remote := r.addBusiness("Minta Kft.", "", "Budapest", "Fő utca 1.", r.success)
	r.later()
	a := r.create(t, localCustomer("Minta Kft", taxNumber(1), "Budapest", "Fő u. 1."))
	b := r.create(t, localCustomer("MINTA kft.", taxNumber(2), "Budapest", "Fő utca 1"))

	p, err := r.svc.PrepareSync(ctx, domain.SyncOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Conflicts) != 1 || p.Conflicts[0].Kind != domain.ConflictAmbiguous || len(p.Conflicts[0].Candidates) != 2 {
		t.Fatalf("conflicts: %+v", p.Conflicts)
	}
	if len(p.PushNew) != 0 {
		t.Errorf("the candidates of a conflict are not created in MiniCRM: %+v", p.PushNew)
	}
	rep, err := r.svc.ApplySync(ctx, p, domain.SyncResolutions{remote: {LinkTo: b.ID}}, nil)
	if err != nil || rep.Updated != 1 {
		t.Fatalf("apply: %v %+v", err, rep)
	}
	if c, _ := r.db.CustomerByID(ctx, b.ID); c.MiniCRMID != remote {
		t.Errorf("the chosen customer is not linked: %+v", c)
	}
	if c, _ := r.db.CustomerByID(ctx, a.ID); c.MiniCRMID == remote || c.MiniCRMID == 0 {
		t.Errorf("the other candidate: %+v (a separate company, created in MiniCRM)", c)
	}
}

func TestSyncUnresolvedConflictWaits(t *testing.T) {
	r := newSyncRig(t, false)
	r.addBusiness("Minta Kft.", "", "Budapest", "Fő utca 1.", r.success)
	r.later()
	r.create(t, localCustomer("Minta Kft", taxNumber(1), "Budapest", "Fő u. 1."))
	r.create(t, localCustomer("MINTA kft.", taxNumber(2), "Budapest", "Fő utca 1"))
	rep := r.run(t)
	if len(rep.Conflicts) != 1 || rep.PushedNew != 0 || rep.Created != 0 {
		t.Fatalf("first run: %+v", rep)
	}
	r.later()
	rep = r.run(t) // nothing changed, but the conflict is still there
	if len(rep.Conflicts) != 1 {
		t.Fatalf("second run forgot the conflict: %+v", rep)
	}
}

func TestSyncWeakMatchAndItsUndo(t *testing.T) {
	r := newSyncRig(t, false)
	ctx := context.Background()
	remote := r.addBusiness("Omega Trade Kft.", "", "Szeged", "Kárász utca 5.", r.success)
	r.later()
	local := r.create(t, localCustomer("Omega Kereskedelmi Kft.", taxNumber(1), "Szeged", "Kárász u. 5."))
	rep := r.run(t)
	if len(rep.WeakMatches) != 1 || rep.WeakMatches[0].Local.ID != local.ID || rep.WeakMatches[0].MiniCRM.ID != remote {
		t.Fatalf("weak matches: %+v", rep.WeakMatches)
	}
	if c, _ := r.db.CustomerByID(ctx, local.ID); c.Name != "Omega Trade Kft." || c.MiniCRMID != remote {
		t.Fatalf("after the weak match: %+v", c)
	}
	if err := r.svc.SeparateWeakMatch(ctx, local.ID); err != nil {
		t.Fatal(err)
	}
	cs := r.customers(t)
	if c := cs["Omega Kereskedelmi Kft."]; c.ID != local.ID || c.MiniCRMID != 0 || c.TaxNumber != taxNumber(1) {
		t.Errorf("the local customer after the undo: %+v", c)
	}
	if c := cs["Omega Trade Kft."]; c.MiniCRMID != remote || c.ID == local.ID {
		t.Errorf("MiniCRM's customer after the undo: %+v", c)
	}
	hist, err := r.db.CustomerHistory(ctx, local.ID)
	if err != nil || len(hist) != 2 || hist[0].Reason != domain.HistorySeparate || hist[1].Reason != domain.HistorySync {
		t.Errorf("history: %v %+v", err, hist)
	}
}

func TestSyncFieldChangedOnBothSides(t *testing.T) {
	r := newSyncRig(t, false)
	ctx := context.Background()
	remote := r.addBusiness("Alfa Kft.", taxNumber(1), "Budapest", "Fő utca 1.", r.success)
	r.later()
	r.run(t)
	c := r.customers(t)["Alfa Kft."]
	r.later()
	c.Phone = "+36 1 999 9999"
	if err := r.db.UpdateCustomer(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := r.client(t).UpdateContact(ctx, remote, crmPatchPhone("+36 1 555 5555")); err != nil {
		t.Fatal(err)
	}
	rep := r.run(t)
	if len(rep.Conflicts) != 1 || rep.Conflicts[0].Kind != domain.ConflictField || rep.Conflicts[0].Fields[0].Field != "phone" {
		t.Fatalf("conflicts: %+v", rep.Conflicts)
	}
	got, _ := r.db.CustomerByID(ctx, c.ID)
	if got.Phone != "+36 1 555 5555" {
		t.Errorf("MiniCRM's value should win: %q", got.Phone)
	}
	hist, _ := r.db.CustomerHistory(ctx, c.ID)
	if len(hist) == 0 || hist[0].Customer.Phone != "+36 1 999 9999" || hist[0].Reason != domain.HistorySync {
		t.Errorf("the local value is not in the history: %+v", hist)
	}
	if p := findContact(r.srv, remote).Phone; p != "+36 1 555 5555" {
		t.Errorf("the conflict's local value was pushed: %q", p)
	}
}
