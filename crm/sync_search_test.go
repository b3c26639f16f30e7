//go:build cgo

package crm_test

import (
	"context"
	"strings"
	"testing"

	"konnyuszamla/crm/minicrmtest"
)

// The pre-create search narrows only the tax-number search to
// Type=Business; the e-mail and name searches find a twin of either type.
func TestSyncSearchSendsTypeOnlyWithTheTaxNumber(t *testing.T) {
	r := newSyncRig(t, false)
	// The twin was entered in MiniCRM as a Person (a sole trader), with no card.
	twin := r.srv.AddContact(minicrmtest.Contact{Type: "Person", FirstName: "Gábor", LastName: "Kovács", Email: "kovacs@example.hu"})
	r.later()
	c := localCustomer("Kovács Gábor e.v.", taxNumber(3), "Győr", "Fő tér 1.")
	c.Email = "kovacs@example.hu"
	local := r.create(t, c)
	contacts := len(r.srv.Contacts())
	r.run(t)
	if n := len(r.srv.Contacts()); n != contacts {
		t.Errorf("a contact was created: %d → %d", contacts, n)
	}
	if got, err := r.db.CustomerByID(context.Background(), local.ID); err != nil || got.MiniCRMID != twin {
		t.Errorf("not linked to the Person twin %d: %v %+v", twin, err, got)
	}
	var vat, email int
	for _, q := range r.srv.Requests() {
		if q.Method != "GET" || !strings.HasSuffix(q.Path, "/Contact") {
			continue
		}
		switch {
		case q.Query.Get("VatNumber") != "":
			vat++
			if q.Query.Get("Type") != "Business" {
				t.Errorf("tax-number search without Type=Business: %s", q.RawQuery)
			}
		case q.Query.Get("Email") != "" || q.Query.Get("Name") != "":
			email++
			if q.Query.Has("Type") {
				t.Errorf("e-mail or name search narrowed by type: %s", q.RawQuery)
			}
		}
	}
	if vat == 0 || email == 0 {
		t.Errorf("searches: %d by tax number, %d by e-mail or name", vat, email)
	}
}

// Two contacts with the same e-mail, of different types: the one of the
// local customer's kind is the twin; nothing is created.
func TestSyncSearchNarrowsByKindOnlyWhenAmbiguous(t *testing.T) {
	r := newSyncRig(t, false)
	biz := r.srv.AddContact(minicrmtest.Contact{Type: "Business", Name: "Közös Posta Kft.", Email: "iroda@example.hu"})
	r.srv.AddContact(minicrmtest.Contact{Type: "Person", FirstName: "Éva", LastName: "Tóth", Email: "iroda@example.hu"})
	r.later()
	c := localCustomer("Közös Posta Kft.", taxNumber(4), "Eger", "Dobó tér 1.")
	c.Email = "iroda@example.hu"
	local := r.create(t, c)
	contacts := len(r.srv.Contacts())
	rep := r.run(t)
	if len(rep.Conflicts) != 0 {
		t.Fatalf("report: %+v", rep)
	}
	if n := len(r.srv.Contacts()); n != contacts {
		t.Errorf("a contact was created: %d → %d", contacts, n)
	}
	if got, _ := r.db.CustomerByID(context.Background(), local.ID); got.MiniCRMID != biz {
		t.Errorf("linked to %d, want the Business %d", got.MiniCRMID, biz)
	}
}
