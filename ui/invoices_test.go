package ui

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"konnyuszamla/domain"
)

func TestListFiltersByTypeDateAndOverdue(t *testing.T) {
	fx := newInvoiceFixture(t, testSeller(), almaKft())
	nov := func(d int) domain.Date { return domain.NewDate(2026, 11, d) }
	late := fx.issue(t, domain.DocInvoice, nov(1), nov(9), "1000")          // KSZ-…-00001, overdue
	current := fx.issue(t, domain.DocInvoice, nov(20), nov(28), "2000")     // KSZ-…-00002, due tomorrow
	lateProforma := fx.issue(t, domain.DocProforma, nov(2), nov(10), "500") // DB-…-00001, overdue
	dueToday := fx.issue(t, domain.DocInvoice, nov(19), nov(27), "700")     // KSZ-…-00003, due today: not late

	rows := listed(fx.s)
	if len(rows) != 4 || fx.s.count.Text != "4 bizonylat" {
		t.Fatalf("all documents: %q, count %q", numbers(rows), fx.s.count.Text)
	}
	for _, r := range rows {
		wantRed := r.col("Sorszám") == late || r.col("Sorszám") == lateProforma
		if r.red != wantRed {
			t.Errorf("%s shown red=%v, want %v", r.col("Sorszám"), r.red, wantRed)
		}
		if strings.Contains(r.col("Állapot"), "lejárt") != wantRed {
			t.Errorf("%s status %q", r.col("Sorszám"), r.col("Állapot"))
		}
	}

	fx.s.filters.docType.SetSelected("Díjbekérő")
	if got := numbers(listed(fx.s)); got != lateProforma {
		t.Errorf("Díjbekérő filter: %q", got)
	}
	fx.s.filters.docType.SetSelected("Számla")
	if got := numbers(listed(fx.s)); got != dueToday+" "+current+" "+late {
		t.Errorf("Számla filter: %q", got)
	}

	test.Tap(fx.s.filters.overdue)
	rows = listed(fx.s)
	if len(rows) != 1 || rows[0].col("Sorszám") != late || !rows[0].red {
		t.Errorf("overdue invoices: %+v", rows)
	}
	fx.s.filters.docType.SetSelected("Mind")
	if got := numbers(listed(fx.s)); got != lateProforma+" "+late {
		t.Errorf("overdue documents: %q", got)
	}
	test.Tap(fx.s.filters.overdue)

	test.Type(fx.s.filters.from, "2026.11.15.") // each half-typed prefix leaves the list as it is
	if got := numbers(listed(fx.s)); got != dueToday+" "+current {
		t.Errorf("issued from 2026.11.15.: %q", got)
	}
}

func TestSearchFindsByNumberAndBuyer(t *testing.T) {
	fx := newInvoiceFixture(t, testSeller(), almaKft(), customer("Zebra Bt.", "12892312-2-13", "Budapest", "z@example.hu"))
	first := fx.issue(t, domain.DocInvoice, testToday, testToday, "1000")
	test.Type(fx.s.filters.search, "00001")
	if got := numbers(listed(fx.s)); got != first {
		t.Errorf("search by number: %q", got)
	}
	retype(fx.s.filters.search, "zebra")
	if got := listed(fx.s); len(got) != 0 {
		t.Errorf("search for a buyer without documents: %q", numbers(got))
	}
	retype(fx.s.filters.search, "ALMA")
	if got := numbers(listed(fx.s)); got != first {
		t.Errorf("search by buyer: %q", got)
	}
}

func TestStornoOnlyForIssuedInvoices(t *testing.T) {
	fx := newInvoiceFixture(t, testSeller(), almaKft())
	inv := fx.issue(t, domain.DocInvoice, testToday, testToday.AddDays(8), "100000")
	proforma := fx.issue(t, domain.DocProforma, testToday, testToday.AddDays(8), "5000")
	a := fx.s.actions
	if !a.cancel.Disabled() || !a.openPDF.Disabled() {
		t.Fatal("actions enabled with nothing selected")
	}
	selectNumber(t, fx.s, proforma)
	if !a.cancel.Disabled() || a.convert.Disabled() || a.withdraw.Disabled() {
		t.Errorf("proforma: Sztornó enabled %v, convert enabled %v, withdraw enabled %v", !a.cancel.Disabled(), !a.convert.Disabled(), !a.withdraw.Disabled())
	}
	selectNumber(t, fx.s, inv)
	if a.cancel.Disabled() || !a.convert.Disabled() || !a.withdraw.Disabled() {
		t.Fatal("invoice: Sztornó disabled or proforma actions enabled")
	}
	test.Tap(a.cancel)
	tapDialogButton(t, fx.w, "Sztornó kiállítása")
	if got := dialogText(t, fx.w); !strings.Contains(got, "Kiállítva: KSZ-2026-00002") {
		t.Fatalf("after sztornó the dialog says %q", got)
	}
	rows := listed(fx.s)
	if len(rows) != 3 || rows[0].col("Sorszám") != "KSZ-2026-00002" || rows[0].col("Típus") != "Sztornó számla" ||
		rows[0].col("Bruttó") != nb("-127 000 Ft") {
		t.Fatalf("list after sztornó: %+v", rows)
	}
	selectNumber(t, fx.s, inv)
	if got := listed(fx.s)[fx.s.selected].col("Állapot"); got != "sztornózva" || !a.cancel.Disabled() || !a.pay.Disabled() {
		t.Errorf("cancelled invoice: status %q, Sztornó enabled %v, Fizetve enabled %v", got, !a.cancel.Disabled(), !a.pay.Disabled())
	}
	selectNumber(t, fx.s, "KSZ-2026-00002")
	if !a.cancel.Disabled() || !a.pay.Disabled() || a.openPDF.Disabled() {
		t.Error("a sztornó can be cancelled or paid, or its PDF not opened")
	}
}

func TestPaymentDialogRecordsPartialAndFullPayment(t *testing.T) {
	fx := newInvoiceFixture(t, testSeller(), almaKft())
	inv := fx.issue(t, domain.DocInvoice, testToday, testToday.AddDays(8), "100000") // 127 000 Ft
	selectNumber(t, fx.s, inv)
	test.Tap(fx.s.actions.pay)
	p := fx.s.lastPayment
	if p == nil || p.amount.Text != nb("127 000") || p.date.Text != "2026.11.27." || p.method.Selected != "átutalás" {
		t.Fatalf("payment defaults: %+v", p)
	}
	retype(p.amount, "27000")
	test.Tap(p.save)
	if got := listed(fx.s)[0].col("Állapot"); got != "kiállítva, részben fizetve" {
		t.Fatalf("after a partial payment: %q", got)
	}

	selectNumber(t, fx.s, inv)
	test.Tap(fx.s.actions.pay)
	p = fx.s.lastPayment
	if p.amount.Text != nb("100 000") {
		t.Errorf("second payment default %q, want what is left", p.amount.Text)
	}
	retype(p.amount, "200000")
	if msg := p.errLabels["amount"]; !msg.Visible() || !strings.HasPrefix(msg.Text, "több, mint a hátralék") || !p.save.Disabled() {
		t.Errorf("overpayment: message %q, Rögzítés disabled %v", msg.Text, p.save.Disabled())
	}
	retype(p.date, "2026.11.26.")
	if msg := p.errLabels["date"]; !msg.Visible() || !strings.Contains(msg.Text, "nem lehet korábbi") {
		t.Errorf("payment before the issue date: %q", msg.Text)
	}
	retype(p.date, "2026.11.28.")
	retype(p.amount, "100 000")
	test.Tap(p.save)
	selectNumber(t, fx.s, inv)
	if got := listed(fx.s)[0].col("Állapot"); got != "fizetve" || !fx.s.actions.pay.Disabled() {
		t.Errorf("after paying the rest: status %q, Fizetve enabled %v", got, !fx.s.actions.pay.Disabled())
	}
}

func TestProformaConvertAndWithdraw(t *testing.T) {
	fx := newInvoiceFixture(t, testSeller(), almaKft())
	first := fx.issue(t, domain.DocProforma, testToday, testToday.AddDays(8), "1000")
	second := fx.issue(t, domain.DocProforma, testToday, testToday.AddDays(8), "2000")
	a := fx.s.actions

	selectNumber(t, fx.s, first)
	test.Tap(a.convert)
	tapDialogButton(t, fx.w, "Kiállítás")
	if got := dialogText(t, fx.w); !strings.Contains(got, "Kiállítva: KSZ-2026-00001") {
		t.Fatalf("after conversion the dialog says %q", got)
	}

	selectNumber(t, fx.s, first)
	row := listed(fx.s)[fx.s.selected]
	if row.col("Állapot") != "számlázva: KSZ-2026-00001" || !a.convert.Disabled() || !a.pay.Disabled() || !a.withdraw.Disabled() {
		t.Errorf("converted proforma: status %q, convert enabled %v, pay enabled %v, withdraw enabled %v",
			row.col("Állapot"), !a.convert.Disabled(), !a.pay.Disabled(), !a.withdraw.Disabled())
	}

	selectNumber(t, fx.s, second)
	test.Tap(a.withdraw)
	tapDialogButton(t, fx.w, "Visszavonás")
	selectNumber(t, fx.s, second)
	row = listed(fx.s)[fx.s.selected]
	if row.col("Állapot") != "visszavonva" || !a.withdraw.Disabled() || !a.convert.Disabled() || !a.pay.Disabled() {
		t.Errorf("withdrawn proforma: status %q, actions still enabled", row.col("Állapot"))
	}
	if got := numbers(listed(fx.s)); got != "KSZ-2026-00001 "+second+" "+first {
		t.Errorf("list %q", got)
	}
}

func TestSavePDFCopiesTheIssuedFile(t *testing.T) {
	fx := newInvoiceFixture(t, testSeller(), almaKft())
	inv := fx.issue(t, domain.DocInvoice, testToday, testToday, "1000")
	var got strings.Builder
	if err := fx.s.actions.copyPDF(t.Context(), inv, nopCloser{&got}); err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile(fx.invoices.pdfPath(inv))
	if got.String() != string(want) || got.Len() == 0 {
		t.Errorf("copied %q, want %q", got.String(), want)
	}
	if u := fileURL("/home/a b/KSZ.pdf").String(); u != "file:///home/a%20b/KSZ.pdf" {
		t.Errorf("file URL %q", u)
	}
}

type nopCloser struct{ *strings.Builder }

func (nopCloser) Close() error { return nil }
