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

	inv, pro := f.numbering.invoice, f.numbering.proforma
	if inv.example.Text != "pl. KSZ-2026-00001" || pro.example.Text != "pl. DB-2026-00001" {
		t.Errorf("numbering examples %q, %q", inv.example.Text, pro.example.Text)
	}
	retype(inv.prefix, "db")
	if msg := f.errLabels["proforma.prefix"]; !msg.Visible() || !f.save.Disabled() || pro.example.Text != "pl. –" {
		t.Errorf("same prefix for both series: message %q, example %q", msg.Text, pro.example.Text)
	}
	retype(inv.prefix, "A")
	test.Tap(inv.withYear)
	retype(inv.width, "3")
	if inv.example.Text != "pl. A-001" || pro.example.Text != "pl. DB-2026-00001" {
		t.Errorf("numbering examples %q, %q", inv.example.Text, pro.example.Text)
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
	if settings.InvoiceFormat != (domain.NumberFormat{Prefix: "A", Width: 3}) ||
		settings.ProformaFormat != domain.DefaultNumberFormat(domain.DocProforma) || settings.PaymentDays != 15 {
		t.Errorf("saved settings %+v", settings)
	}
	if fx.w.Canvas().Overlays().Top() != nil {
		t.Error("the dialog stayed open after saving")
	}
}

// TestSellerDialogNumbersEachSeriesOnItsOwn: the invoice and the proforma
// series have their own prefix, year and width, each with its example, and
// keep them when saved and reopened.
func TestSellerDialogNumbersEachSeriesOnItsOwn(t *testing.T) {
	fx := newInvoiceFixture(t, testSeller(), almaKft())
	test.Tap(fx.s.sellerButton)
	f := fx.s.seller
	inv, pro := f.numbering.invoice, f.numbering.proforma

	retype(pro.prefix, "dij")
	test.Tap(pro.withYear)
	retype(pro.width, "3")
	if inv.example.Text != "pl. KSZ-2026-00001" || pro.example.Text != "pl. DIJ-001" {
		t.Errorf("after editing the proforma series: %q, %q", inv.example.Text, pro.example.Text)
	}
	retype(inv.width, "7")
	if inv.example.Text != "pl. KSZ-2026-0000001" || pro.example.Text != "pl. DIJ-001" {
		t.Errorf("after editing the invoice width: %q, %q", inv.example.Text, pro.example.Text)
	}

	// A wrong width is the fault of its own series only.
	retype(pro.width, "11")
	if msg := f.errLabels["proforma.width"]; !msg.Visible() || !strings.Contains(msg.Text, "1 és 10 között") ||
		f.errLabels["invoice.width"].Visible() || pro.example.Text != "pl. –" ||
		inv.example.Text != "pl. KSZ-2026-0000001" || !f.save.Disabled() ||
		!strings.Contains(f.summary.Text, "Díjbekérő – Számjegyek") {
		t.Errorf("width 11: message %q, examples %q, %q, summary %q", msg.Text, inv.example.Text, pro.example.Text, f.summary.Text)
	}
	retype(pro.width, "x")
	if msg := f.errLabels["proforma.width"]; !msg.Visible() || f.errLabels["invoice.width"].Visible() {
		t.Errorf("width x: message %q", msg.Text)
	}
	retype(pro.width, "3")
	if f.save.Disabled() {
		t.Fatalf("valid settings, but: %q", f.summary.Text)
	}
	test.Tap(f.save)
	settings, _ := fx.invoices.InvoiceSettings(t.Context())
	if settings.InvoiceFormat != (domain.NumberFormat{Prefix: "KSZ", WithYear: true, Width: 7}) ||
		settings.ProformaFormat != (domain.NumberFormat{Prefix: "DIJ", Width: 3}) {
		t.Fatalf("saved %+v", settings)
	}

	test.Tap(fx.s.sellerButton)
	f = fx.s.seller
	inv, pro = f.numbering.invoice, f.numbering.proforma
	if !inv.withYear.Checked || inv.width.Text != "7" || pro.prefix.Text != "DIJ" || pro.withYear.Checked || pro.width.Text != "3" ||
		pro.example.Text != "pl. DIJ-001" {
		t.Errorf("reopened: invoice year %v width %q, proforma %q year %v width %q, example %q",
			inv.withYear.Checked, inv.width.Text, pro.prefix.Text, pro.withYear.Checked, pro.width.Text, pro.example.Text)
	}

	// The next documents are numbered by their own series' format.
	proforma := fx.issue(t, domain.DocProforma, testToday, testToday.AddDays(8), "1000")
	invoice := fx.issue(t, domain.DocInvoice, testToday, testToday.AddDays(8), "1000")
	if proforma != "DIJ-001" || invoice != "KSZ-2026-0000001" {
		t.Errorf("numbers %s, %s", proforma, invoice)
	}
}
