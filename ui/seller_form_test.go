package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"konnyuszamla/domain"
)

func TestSellerDialogValidatesAndSaves(t *testing.T) {
	fx := newInvoiceFixture(t, domain.Seller{})
	test.Tap(fx.s.sellerButton)
	f := fx.s.seller
	if f == nil || !f.save.Disabled() {
		t.Fatal("the seller dialog did not open with Mentés disabled")
	}
	if f.entries["address.country"].Text != "HU" {
		t.Errorf("country %q, want HU by default", f.entries["address.country"].Text)
	}
	for key, v := range map[string]string{"name": "Saját Kft.", "address.postalCode": "1111",
		"address.city": "Budapest", "address.street": "Fő utca 1.", "bankAccount": "11773016-11111018"} {
		test.Type(f.entries[key], v)
	}
	test.Type(f.entries["taxNumber"], "12345675-2-42")
	taxErr := f.errLabels["taxNumber"]
	if !taxErr.Visible() || taxErr.Text != "az első 8 számjegy (törzsszám) ellenőrző számjegye hibás" {
		t.Fatalf("tax number message: visible %v %q", taxErr.Visible(), taxErr.Text)
	}
	if !f.save.Disabled() || !strings.Contains(f.summary.Text, "Adószám") {
		t.Fatalf("with a wrong tax number: Mentés disabled %v, summary %q", f.save.Disabled(), f.summary.Text)
	}
	if f.errLabels["email"].Visible() {
		t.Error("an untouched field shows a message")
	}

	if got := f.numbering.example.Text; got != "pl. KSZ-2026-00001 (számla), DB-2026-00001 (díjbekérő)" {
		t.Errorf("numbering example %q", got)
	}
	retype(f.numbering.invoicePrefix, "db")
	if msg := f.errLabels["proforma.prefix"]; !msg.Visible() || !f.save.Disabled() {
		t.Errorf("same prefix for both series: message %q", msg.Text)
	}
	retype(f.numbering.invoicePrefix, "A")
	test.Tap(f.numbering.withYear)
	retype(f.numbering.width, "3")
	if got := f.numbering.example.Text; got != "pl. A-001 (számla), DB-001 (díjbekérő)" {
		t.Errorf("numbering example %q", got)
	}
	retype(f.numbering.days, "15")
	test.Tap(f.cashAcc)

	retype(f.entries["taxNumber"], "12345676242")
	if taxErr.Visible() || f.save.Disabled() {
		t.Fatalf("after the fix: message %q, summary %q", taxErr.Text, f.summary.Text)
	}
	test.Tap(f.save)
	got, _ := fx.invoices.Seller(t.Context())
	if got.Name != "Saját Kft." || got.TaxNumber != "12345676-2-42" || !got.CashAccounting {
		t.Errorf("saved seller %+v", got)
	}
	settings, _ := fx.invoices.InvoiceSettings(t.Context())
	if settings.InvoiceFormat != (domain.NumberFormat{Prefix: "A", Width: 3}) || settings.PaymentDays != 15 {
		t.Errorf("saved settings %+v", settings)
	}
	if fx.w.Canvas().Overlays().Top() != nil {
		t.Error("the dialog stayed open after saving")
	}
}
