package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"konnyuszamla/domain"
)

// issueFor stores a one-line invoice of customer id in the fake and
// refreshes the list.
func (fx *invoiceFixture) issueFor(t *testing.T, id int64, price string) string {
	t.Helper()
	draft := &domain.Invoice{Type: domain.DocInvoice, CustomerID: id, IssueDate: testToday, FulfilmentDate: testToday,
		DueDate: testToday.AddDays(8), PaymentMethod: domain.PayTransfer, Currency: domain.HUF,
		Lines: []domain.InvoiceLine{{Description: "Tanácsadás", Quantity: domain.DecimalFromInt(1), Unit: "óra",
			UnitPrice: domain.MustParseDecimal(price), VAT: domain.VAT27}}}
	inv, err := fx.invoices.IssueDocument(context.Background(), draft)
	if err != nil {
		t.Fatal(err)
	}
	fx.s.reload()
	return inv.Number
}

func TestListFiltersByCustomer(t *testing.T) {
	fx := newInvoiceFixture(t, testSeller(), almaKft(),
		customer("Zebra Bt.", "12892312-2-13", "Budapest", "z@example.hu"),
		customer("Körte Kft.", "12345676-2-42", "Győr", "k@example.hu"))
	almaInvoice := fx.issueFor(t, 1, "1000")
	almaProforma := fx.issue(t, domain.DocProforma, testToday, testToday.AddDays(8), "500")
	zebra := fx.issueFor(t, 2, "2000")
	korte := fx.issueFor(t, 3, "3000")
	// An archived customer's documents can still be looked up.
	if err := fx.customers.SetCustomerArchived(t.Context(), 3, true); err != nil {
		t.Fatal(err)
	}
	cf := fx.s.filters.customer
	if cf.name.Text != "Minden vevő" || !cf.clear.Disabled() || len(listed(fx.s)) != 4 {
		t.Fatalf("unfiltered: button %q, clear enabled %v, %q", cf.name.Text, !cf.clear.Disabled(), numbers(listed(fx.s)))
	}

	test.Tap(cf.button)
	p := cf.picker
	if p == nil || fx.w.Canvas().Overlays().Top() == nil {
		t.Fatal("the customer picker did not open")
	}
	if len(p.matches) != 3 || p.matches[0].Name != "Alma Kft." || customerMatchText(p.matches[1]) != "Körte Kft. · 12345676-2-42 · Győr (archivált)" {
		t.Errorf("matches with no search: %+v", p.matches)
	}
	test.Type(p.search, "zebra")
	if len(p.matches) != 1 || p.matches[0].Name != "Zebra Bt." {
		t.Fatalf("matches of zebra: %+v", p.matches)
	}
	p.list.Select(0)
	if fx.w.Canvas().Overlays().Top() != nil {
		t.Error("the picker stayed open after choosing")
	}
	if got := numbers(listed(fx.s)); got != zebra || cf.name.Text != "Zebra Bt." || cf.clear.Disabled() ||
		fx.s.count.Text != "1 bizonylat" {
		t.Errorf("filtered by Zebra Bt.: %q, button %q, count %q", got, cf.name.Text, fx.s.count.Text)
	}

	// The customer filter works together with the others.
	test.Tap(cf.button)
	test.Type(cf.picker.search, "alma")
	cf.picker.list.Select(0)
	if got := numbers(listed(fx.s)); got != almaProforma+" "+almaInvoice {
		t.Errorf("filtered by Alma Kft.: %q", got)
	}
	fx.s.filters.docType.SetSelected("Díjbekérő")
	if got := numbers(listed(fx.s)); got != almaProforma {
		t.Errorf("Alma Kft.'s proformas: %q", got)
	}
	fx.s.filters.docType.SetSelected("Mind")

	test.Tap(cf.button)
	test.Type(cf.picker.search, "győr")
	cf.picker.list.Select(0)
	if got := numbers(listed(fx.s)); got != korte {
		t.Errorf("filtered by the archived Körte Kft.: %q", got)
	}

	// "Minden vevő" in the picker, or the clear button, lifts the filter.
	test.Tap(cf.button)
	tapDialogButton(t, fx.w, "Minden vevő")
	if got := listed(fx.s); len(got) != 4 || cf.name.Text != "Minden vevő" || !cf.clear.Disabled() {
		t.Errorf("after Minden vevő: %q, button %q", numbers(got), cf.name.Text)
	}
	test.Tap(cf.button)
	cf.picker.list.Select(2) // Zebra Bt., by name
	if got := numbers(listed(fx.s)); got != zebra {
		t.Errorf("filtered by Zebra Bt. again: %q", got)
	}
	test.Tap(cf.clear)
	if got := listed(fx.s); len(got) != 4 || cf.name.Text != "Minden vevő" {
		t.Errorf("after clearing: %q, button %q", numbers(got), cf.name.Text)
	}
}

func TestCustomerFilterFitsLongNames(t *testing.T) {
	long := customer("Nagyon Hosszú Nevű Kereskedelmi és Szolgáltató Korlátolt Felelősségű Társaság", "12345676-2-42", "Pécs", "h@example.hu")
	fx := newInvoiceFixture(t, testSeller(), long)
	before := fx.s.filters.bar().MinSize()
	cf := fx.s.filters.customer
	test.Tap(cf.button)
	cf.picker.list.Select(0)
	if cf.name.Text != long.Name || cf.name.Truncation != fyne.TextTruncateEllipsis {
		t.Errorf("shown %q", cf.name.Text)
	}
	if after := fx.s.filters.bar().MinSize(); after.Width != before.Width || after.Width > 1100 {
		t.Errorf("filter bar min width %v with a long name, %v without; the window is 1100 wide", after.Width, before.Width)
	}
	if q := fx.s.filters.query(testToday); q.CustomerID != 1 {
		t.Errorf("query %+v", q)
	}
}
