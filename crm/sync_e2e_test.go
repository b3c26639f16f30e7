//go:build cgo

package crm_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"konnyuszamla/crm/minicrmtest"
	"konnyuszamla/domain"
)

// taxNumber returns the n-th valid Hungarian tax number ("1000000c-2-42").
func taxNumber(n int) string {
	prefix := fmt.Sprintf("%07d", 1000000+n)
	w := []int{9, 7, 3, 1, 9, 7, 3}
	sum := 0
	for i, d := range prefix {
		sum += int(d-'0') * w[i]
	}
	return fmt.Sprintf("%s%d-2-42", prefix, (10-sum%10)%10)
}

func TestSyncFirstFullThenIncremental(t *testing.T) {
	r := newSyncRig(t, false)
	ctx := context.Background()
	alfa := r.addBusiness("Alfa Kft.", taxNumber(1), "Budapest", "Fő utca 1.", r.success)
	person := r.srv.AddContact(minicrmtest.Contact{Type: "Person", FirstName: "János", LastName: "Kiss", Email: "kiss@example.hu"})
	r.srv.AddAddress(minicrmtest.Address{ContactID: person, City: "Győr", PostalCode: "9021", Address: "Baross út 3.", Default: true})
	r.srv.AddAddress(minicrmtest.Address{ContactID: person, Type: "Levelezési cím", City: "Győr", PostalCode: "9001", Address: "Pf. 12"})
	r.srv.AddProject(minicrmtest.Project{CategoryID: r.sales.ID, ContactID: person, StatusID: r.success})
	// A person of a company on the card: the customer is the company.
	beta := r.addBusiness("Béta Bt.", taxNumber(2), "Pécs", "Király u. 5.", 0)
	betaPerson := r.srv.AddContact(minicrmtest.Contact{Type: "Person", FirstName: "Anna", LastName: "Nagy", BusinessID: beta})
	r.srv.AddProject(minicrmtest.Project{CategoryID: r.sales.ID, ContactID: betaPerson, BusinessID: beta, StatusID: r.success})
	r.addBusiness("Gamma Zrt.", taxNumber(3), "Szeged", "Tisza Lajos krt. 9.", r.lead) // a lead, not a customer
	deleted := r.addBusiness("Delta Kft.", taxNumber(4), "Eger", "Dobó tér 1.", 0)
	r.srv.AddProject(minicrmtest.Project{CategoryID: r.sales.ID, ContactID: deleted, StatusID: r.success, Deleted: true})
	r.addBusiness("Hibás Adószám Kft.", "123", "Debrecen", "Piac u. 2.", r.success)

	// Local: the same Alfa typed differently, and a customer only the app has.
	localAlfa := r.create(t, localCustomer("ALFA kft", taxNumber(1), "budapest", "Fő u. 1"))
	localAlfa.Email = "info@alfa.example"
	if err := r.db.UpdateCustomer(ctx, &localAlfa); err != nil {
		t.Fatal(err)
	}
	helyi := localCustomer("Helyi Kft.", taxNumber(5), "Szolnok", "Ady Endre út 7.")
	helyi.MailingAddress = &domain.Address{PostalCode: "5001", City: "Szolnok", Street: "Pf. 3"}
	helyi = r.create(t, helyi)

	r.later() // MiniCRM's data is older than the first run
	rep := r.run(t)
	if rep.Created != 3 || rep.Updated != 1 || rep.PushedNew != 1 || len(rep.Errors) != 0 {
		t.Fatalf("first run: %+v", rep)
	}
	cs := r.customers(t)
	if len(cs) != 5 {
		t.Fatalf("local customers: %v", syncNames(cs))
	}
	a := cs["Alfa Kft."]
	if a.ID != localAlfa.ID || a.MiniCRMID != alfa || a.Email != "info@alfa.example" || a.BillingAddress.Street != "Fő utca 1." {
		t.Errorf("Alfa after merge: %+v", a)
	}
	k := cs["Kiss János"]
	if k.Kind != domain.KindPerson || k.BillingAddress.City != "Győr" || k.MailingAddress == nil || k.MailingAddress.Street != "Pf. 12" {
		t.Errorf("person: %+v", k)
	}
	if b := cs["Béta Bt."]; b.MiniCRMID != beta {
		t.Errorf("Béta: %+v", b)
	}
	bad := cs["Hibás Adószám Kft."]
	if bad.TaxNumber != "" || !strings.Contains(bad.Note, "MiniCRM adószám (érvénytelen): 123") {
		t.Errorf("invalid tax number: %+v", bad)
	}
	if !containsText(rep.Warnings, "Hibás Adószám Kft.") {
		t.Errorf("the invalid tax number is not reported: %q", rep.Warnings)
	}
	// Alfa's e-mail only the app had: pass 2 sent it.
	if got := findContact(r.srv, alfa); got.Email != "info@alfa.example" {
		t.Errorf("Alfa's e-mail in MiniCRM: %q", got.Email)
	}
	// Helyi Kft. is in MiniCRM with its addresses and a customer card.
	h := cs["Helyi Kft."]
	hc := findContact(r.srv, h.MiniCRMID)
	if h.MiniCRMID == 0 || hc.Name != "Helyi Kft." || hc.VatNumber != taxNumber(5) {
		t.Fatalf("Helyi in MiniCRM: %+v / %+v", h, hc)
	}
	checkOnce(t, r, h.MiniCRMID, 2)

	// Incremental: a change on each side.
	r.later()
	client := r.client(t)
	phone := "+36 30 111 2222"
	if err := client.UpdateContact(ctx, alfa, crmPatchPhone(phone)); err != nil {
		t.Fatal(err)
	}
	h.Phone = "+36 56 123 456"
	if err := r.db.UpdateCustomer(ctx, &h); err != nil {
		t.Fatal(err)
	}
	before := len(r.srv.Requests())
	n := r.requests(func() {
		rep = r.run(t)
	})
	for _, q := range r.srv.Requests()[before:] {
		t.Logf("%s %s %s", q.Method, q.Path, q.RawQuery)
	}
	if rep.Updated != 1 || rep.PushedUpdates != 1 || rep.Created != 0 || rep.PushedNew != 0 {
		t.Fatalf("incremental: %+v", rep)
	}
	if got := r.customers(t)["Alfa Kft."].Phone; got != phone {
		t.Errorf("Alfa's phone locally: %q", got)
	}
	if got := findContact(r.srv, h.MiniCRMID).Phone; got != h.Phone {
		t.Errorf("Helyi's phone in MiniCRM: %q", got)
	}
	t.Logf("incremental run: %d requests", n)

	// Nothing changed on either side: at most 5 requests.
	r.later()
	r.run(t) // reads back its own writes of the previous run once
	r.later()
	n = r.requests(func() { rep = r.run(t) })
	if n > 5 || rep.Created+rep.Updated+rep.PushedNew+rep.PushedUpdates != 0 {
		t.Fatalf("no-change run: %d requests, %+v", n, rep)
	}
}

func syncNames(m map[string]domain.Customer) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func containsText(list []string, s string) bool {
	for _, x := range list {
		if strings.Contains(x, s) {
			return true
		}
	}
	return false
}

func findContact(srv *minicrmtest.Server, id int64) minicrmtest.Contact {
	for _, c := range srv.Contacts() {
		if c.ID == id {
			return c
		}
	}
	return minicrmtest.Contact{}
}

// checkOnce asserts that contact id has exactly addresses addresses and
// one card in the Success status, i.e. nothing was created twice.
func checkOnce(t *testing.T, r *syncRig, id int64, addresses int) {
	t.Helper()
	n := 0
	for _, a := range r.srv.Addresses() {
		if a.ContactID == id {
			n++
		}
	}
	cards := 0
	for _, p := range r.srv.Projects() {
		if p.ContactID == id && p.CategoryID == r.sales.ID && p.StatusID == r.success {
			cards++
		}
	}
	if n != addresses || cards != 1 {
		t.Errorf("contact %d: %d addresses (want %d), %d customer cards (want 1)", id, n, addresses, cards)
	}
}
