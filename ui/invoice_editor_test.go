package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"konnyuszamla/domain"
)

func almaKft() domain.Customer {
	return customer("Alma Kft.", "12345676-2-42", "Szeged", "alma@example.hu")
}

// openEditor taps Új bizonylat and returns the editor it opened.
func (fx *invoiceFixture) openEditor(t *testing.T) *invoiceEditor {
	t.Helper()
	test.Tap(fx.s.newButton)
	if fx.s.editor == nil || !fx.s.editor.open {
		t.Fatal("Új bizonylat did not open the editor")
	}
	return fx.s.editor
}

// pickBuyer types search into the buyer picker and picks the only match.
func pickBuyer(t *testing.T, e *invoiceEditor, search, want string) {
	t.Helper()
	test.Type(e.buyer.search, search)
	if !e.buyer.list.Visible() || len(e.buyer.matches) != 1 || !strings.HasPrefix(matchText(e.buyer.matches[0]), want) {
		t.Fatalf("matches for %q: %v (list visible %v)", search, e.buyer.matches, e.buyer.list.Visible())
	}
	e.buyer.list.Select(0)
	if !e.buyer.card.Visible() || !strings.HasPrefix(e.buyer.card.Text, want) {
		t.Fatalf("buyer card after picking: %q", e.buyer.card.Text)
	}
}

func TestEditorComputesAsYouTypeAndIssues(t *testing.T) {
	fx := newInvoiceFixture(t, testSeller(), almaKft(), customer("Zebra Bt.", "12892312-2-13", "Budapest", "z@example.hu"))
	e := fx.openEditor(t)
	if !e.issueBtn.Disabled() {
		t.Fatal("Kiállítás is enabled on an empty draft")
	}
	if got := e.due.Text; got != "2026.12.05." {
		t.Errorf("default due date %q, want issue + 8 days", got)
	}

	pickBuyer(t, e, "szeged", "Alma Kft.")
	first := e.lines[0]
	test.Type(first.desc, "Tanácsadás")
	retype(first.qty, "2")
	test.Type(first.price, "5000")
	if first.gross.Text != nb("12 700 Ft") || e.totals.gross.Text != nb("12 700 Ft") {
		t.Fatalf("after 2 × 5000: line gross %q, Bruttó %q", first.gross.Text, e.totals.gross.Text)
	}
	test.Type(first.price, "0") // 50000 now
	if first.net.Text != nb("100 000 Ft") || first.vatAmount.Text != nb("27 000 Ft") || first.gross.Text != nb("127 000 Ft") {
		t.Fatalf("line 1 amounts %q %q %q", first.net.Text, first.vatAmount.Text, first.gross.Text)
	}

	test.Tap(e.addButton)
	second := e.lines[1]
	test.Type(second.desc, "Szakkönyv")
	second.vat.SetSelected("5%")
	retype(second.qty, "0")
	test.Type(second.price, "3000")
	if want := "2. tétel – mennyiség: nem lehet nulla"; !second.msg.Visible() || second.msg.Text != want {
		t.Fatalf("zero quantity message: visible %v %q", second.msg.Visible(), second.msg.Text)
	}
	if !e.issueBtn.Disabled() || !strings.Contains(e.summary.Text, "2. tétel – mennyiség") {
		t.Fatalf("with a zero quantity: Kiállítás disabled %v, summary %q", e.issueBtn.Disabled(), e.summary.Text)
	}
	if first.msg.Visible() {
		t.Errorf("line 1 shows a message: %q", first.msg.Text)
	}

	retype(second.qty, "3")
	if second.msg.Visible() {
		t.Fatalf("message still shown after the fix: %q", second.msg.Text)
	}
	want := []string{nb("27%|100 000 Ft|27 000 Ft|127 000 Ft"), nb("5%|9 000 Ft|450 Ft|9 450 Ft")}
	if got := vatSummary(e.totals); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("VAT summary\n%q\nwant\n%q", got, want)
	}
	if e.totals.net.Text != nb("109 000 Ft") || e.totals.vat.Text != nb("27 450 Ft") || e.totals.gross.Text != nb("136 450 Ft") {
		t.Errorf("totals %q / %q / %q", e.totals.net.Text, e.totals.vat.Text, e.totals.gross.Text)
	}
	if e.totals.payableRow.Visible() || e.totals.vatHUFRow.Visible() {
		t.Error("a HUF transfer invoice shows Fizetendő or ÁFA forintban")
	}
	if e.issueBtn.Disabled() {
		t.Fatalf("Kiállítás disabled on a valid draft: %q", e.summary.Text)
	}

	test.Tap(e.issueBtn)
	if got := dialogText(t, fx.w); !strings.Contains(got, issueQuestion) {
		t.Fatalf("confirmation text %q", got)
	}
	tapDialogButton(t, fx.w, "Kiállítás")
	if got := dialogText(t, fx.w); !strings.Contains(got, "Kiállítva: KSZ-2026-00001") {
		t.Fatalf("after issuing the dialog says %q", got)
	}
	if e.open {
		t.Error("the editor stayed open")
	}
	rows := listed(fx.s)
	if len(rows) != 1 || rows[0].col("Sorszám") != "KSZ-2026-00001" || rows[0].col("Vevő") != "Alma Kft." ||
		rows[0].col("Bruttó") != nb("136 450 Ft") || rows[0].col("Határidő") != "2026.12.05." {
		t.Fatalf("list after issuing: %+v", rows)
	}
}

func TestEditorCashRoundingAndForeignCurrency(t *testing.T) {
	fx := newInvoiceFixture(t, testSeller(), almaKft())
	e := fx.openEditor(t)
	pickBuyer(t, e, "alma", "Alma Kft.")
	l := e.lines[0]
	test.Type(l.desc, "Kávé")
	test.Type(l.price, "1001") // gross 1 271 Ft

	e.method.SetSelected("készpénz")
	if e.due.Text != e.issue.Text {
		t.Errorf("cash due date %q, want the issue date %q", e.due.Text, e.issue.Text)
	}
	if !e.totals.payableRow.Visible() || e.totals.rounding.Text != nb("-1 Ft") || e.totals.payable.Text != nb("1 270 Ft") {
		t.Errorf("cash: Kerekítés %q, Fizetendő %q (visible %v)", e.totals.rounding.Text, e.totals.payable.Text, e.totals.payableRow.Visible())
	}

	if e.rateField.Visible() {
		t.Fatal("exchange rate shown for HUF")
	}
	e.currency.SetText("EUR")
	if !e.rateField.Visible() {
		t.Fatal("exchange rate hidden for EUR")
	}
	test.Type(e.rate, "400")
	if e.totals.payableRow.Visible() || e.totals.vatHUF.Text != nb("108 108 Ft") || e.totals.gross.Text != nb("1 271,27 EUR") {
		t.Errorf("EUR: Bruttó %q, ÁFA forintban %q, Fizetendő visible %v", e.totals.gross.Text, e.totals.vatHUF.Text, e.totals.payableRow.Visible())
	}
	if e.issueBtn.Disabled() {
		t.Errorf("a valid EUR draft cannot be issued: %q", e.summary.Text)
	}
	retype(e.rate, "abc")
	if !e.errLabels["exchangeRate"].Visible() || !e.issueBtn.Disabled() {
		t.Errorf("a wrong rate: message %q, Kiállítás disabled %v", e.errLabels["exchangeRate"].Text, e.issueBtn.Disabled())
	}
}

func TestIncompleteSellerIsCompletedFromTheIssueFlow(t *testing.T) {
	fx := newInvoiceFixture(t, domain.Seller{}, almaKft())
	e := fx.openEditor(t)
	pickBuyer(t, e, "alma", "Alma Kft.")
	test.Type(e.lines[0].desc, "Tanácsadás")
	test.Type(e.lines[0].price, "1000")
	if e.issueBtn.Disabled() || !e.sellerBox.Visible() || !strings.Contains(e.sellerHint.Text, "Adószám") {
		t.Fatalf("seller missing: Kiállítás disabled %v, hint %q", e.issueBtn.Disabled(), e.sellerHint.Text)
	}
	test.Tap(e.issueBtn)
	if got := dialogText(t, fx.w); !strings.Contains(got, "Adószám: kötelező") || !strings.Contains(got, "Bankszámlaszám") {
		t.Fatalf("the explanation %q does not say what is missing", got)
	}
	tapDialogButton(t, fx.w, "Cégadatok megadása")
	f := fx.s.seller
	if f == nil {
		t.Fatal("the seller dialog did not open")
	}
	for key, v := range map[string]string{"name": "Eladó Kft.", "taxNumber": "12345676-2-42",
		"address.postalCode": "1111", "address.city": "Budapest", "address.street": "Fő utca 1.", "bankAccount": "11773016-11111018"} {
		test.Type(f.entries[key], v)
	}
	test.Tap(f.save)
	if len(e.sellerErrs) != 0 || e.sellerBox.Visible() {
		t.Fatalf("the editor still misses: %v", e.sellerErrs)
	}
	test.Tap(e.issueBtn)
	tapDialogButton(t, fx.w, "Kiállítás")
	if rows := listed(fx.s); len(rows) != 1 || rows[0].col("Sorszám") != "KSZ-2026-00001" {
		t.Fatalf("list %+v", rows)
	}
}

func TestCtrlIOpensEditorAndCtrlNStillNewCustomer(t *testing.T) {
	fx := newInvoiceFixture(t, testSeller())
	fx.m.Tabs.SelectIndex(0)
	short := func(k fyne.KeyName) {
		fx.w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault})
	}
	short(fyne.KeyI)
	if fx.m.Tabs.Selected().Text != "Számlák" || fx.s.editor == nil || !fx.s.editor.open {
		t.Fatalf("Ctrl+I: tab %q, editor %v", fx.m.Tabs.Selected().Text, fx.s.editor)
	}
	first := fx.s.editor
	first.dialog.Hide()
	if first.open {
		t.Fatal("the closed editor still counts as open")
	}
	short(fyne.KeyI)
	if fx.s.editor == first || !fx.s.editor.open {
		t.Fatal("Ctrl+I after closing the editor did not open a new one")
	}
	fx.s.editor.dialog.Hide()
	short(fyne.KeyN)
	if fx.m.Tabs.Selected().Text != "Vevők" || fx.m.customers.lastForm == nil {
		t.Fatal("Ctrl+N did not open a new customer on Vevők")
	}
}
