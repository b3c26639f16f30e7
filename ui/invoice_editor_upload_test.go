package ui

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"konnyuszamla/domain"
)

// newUploadInvoiceFixture is newInvoiceFixture with the MiniCRM settings
// (system 98, demo or not) and a counting OutboxFlush.
func newUploadInvoiceFixture(t *testing.T, demo bool, subs *domain.SubscriptionService, cs ...domain.Customer) (*invoiceFixture, *atomic.Int32) {
	t.Helper()
	a := test.NewTempApp(t)
	if err := UseHungarian(); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)
	customers := newFakeCustomers(cs...)
	invoices := newFakeInvoices(customers, t.TempDir())
	invoices.seller = testSeller()
	settings := &fakeMiniCRMSettings{saved: &domain.MiniCRMSettings{SystemID: "98", BaseURL: domain.DefaultMiniCRMBaseURL,
		AllowedIPs: []string{}, CustomersModule: 23, Demo: demo}}
	flushes := &atomic.Int32{}
	m := newMain(a, w, Deps{Customers: customers, Invoices: invoices,
		MiniCRMSettings: settings, Secrets: newFakeSecrets(), MiniCRM: &fakeConnector{},
		Subscriptions: subs, OutboxFlush: func() { flushes.Add(1) }}, func(f func()) { f() })
	m.invoices.today = func() domain.Date { return testToday }
	w.SetContent(m.Tabs)
	w.Resize(fyne.NewSize(1100, 700))
	m.Tabs.SelectIndex(1)
	return &invoiceFixture{m: m, w: w, s: m.invoices, customers: customers, invoices: invoices}, flushes
}

func linkedCustomer() domain.Customer {
	c := almaKft()
	c.MiniCRMID = 4242
	return c
}

// draftFor opens the editor with a one-line draft for the customer found
// by search, and taps Kiállítás; it returns the confirmation's text.
func draftFor(t *testing.T, fx *invoiceFixture, search, name string) string {
	t.Helper()
	e := fx.openEditor(t)
	pickBuyer(t, e, search, name)
	test.Type(e.lines[0].desc, "Tanácsadás")
	test.Type(e.lines[0].price, "1000")
	if e.issueBtn.Disabled() {
		t.Fatalf("Kiállítás disabled: %q", e.summary.Text)
	}
	test.Tap(e.issueBtn)
	got := dialogText(t, fx.w)
	if !strings.Contains(got, issueQuestion) {
		t.Fatalf("confirmation %q", got)
	}
	return got
}

func TestIssueDialogSaysDemoSystemDoesNotUpload(t *testing.T) {
	fx, _ := newUploadInvoiceFixture(t, true, nil, linkedCustomer(), customer("Zebra Bt.", "12892312-2-13", "Budapest", "z@example.hu"))
	got := draftFor(t, fx, "szeged", "Alma Kft.")
	if !strings.Contains(got, "Demó MiniCRM rendszer: a bizonylat nem kerül fel a MiniCRM-be.") || strings.Contains(got, domain.UploadNoticeSent) {
		t.Errorf("demo, linked customer: %q", got)
	}
	tapDialogButton(t, fx.w, "Mégse")
	fx.s.editor.dialog.Hide()

	// A customer not linked to MiniCRM: no sentence at all.
	got = draftFor(t, fx, "zebra", "Zebra Bt.")
	if strings.Contains(got, "MiniCRM") {
		t.Errorf("unlinked customer: %q", got)
	}
}

func TestIssueDialogSaysTheDocumentGoesToMiniCRM(t *testing.T) {
	fx, flushes := newUploadInvoiceFixture(t, false, nil, linkedCustomer())
	got := draftFor(t, fx, "szeged", "Alma Kft.")
	if !strings.Contains(got, "A bizonylat a MiniCRM-be is felkerül.") || strings.Contains(got, "Demó") {
		t.Errorf("linked customer, live system: %q", got)
	}
	// Issuing flushes the outbox at once.
	tapDialogButton(t, fx.w, "Kiállítás")
	if got := dialogText(t, fx.w); !strings.Contains(got, "Kiállítva: KSZ-2026-00001") {
		t.Fatalf("after issuing: %q", got)
	}
	if n := flushes.Load(); n != 1 {
		t.Errorf("%d flushes after issuing, want 1", n)
	}
}

// While the MiniCRM add-on is off nothing is uploaded, and the question
// does not promise it.
func TestIssueDialogWithTheAddOnOff(t *testing.T) {
	store := &subMemStore{subs: map[domain.PlanID]domain.Subscription{
		domain.PlanBase: {Plan: domain.PlanBase, State: domain.StateActive, Since: subDay.AddDate(0, -2, 0)}}}
	clock := &subClock{t: subDay}
	acc := &domain.AccountService{Store: store, Hasher: subPlainHasher{}, Now: clock.Now}
	subs := &domain.SubscriptionService{Store: store, Accounts: acc, Now: clock.Now}
	if on, err := subs.Active(context.Background(), domain.PlanMiniCRM); err != nil || on {
		t.Fatalf("add-on active %v, %v", on, err)
	}
	fx, _ := newUploadInvoiceFixture(t, false, subs, linkedCustomer())
	if got := draftFor(t, fx, "szeged", "Alma Kft."); strings.Contains(got, "MiniCRM") {
		t.Errorf("add-on off: %q", got)
	}
}

// Payments and sztornós (and the proforma actions) flush the outbox at
// once too; failures do not.
func TestInvoiceActionsFlushTheOutbox(t *testing.T) {
	fx, flushes := newUploadInvoiceFixture(t, false, nil, linkedCustomer())
	inv := fx.issue(t, domain.DocInvoice, testToday, testToday.AddDays(8), "100000") // straight into the fake: no flush
	proforma := fx.issue(t, domain.DocProforma, testToday, testToday.AddDays(8), "1000")
	if n := flushes.Load(); n != 0 {
		t.Fatalf("%d flushes before any action", n)
	}

	selectNumber(t, fx.s, inv)
	test.Tap(fx.s.actions.pay)
	retype(fx.s.lastPayment.amount, "27000")
	test.Tap(fx.s.lastPayment.save)
	if n := flushes.Load(); n != 1 {
		t.Fatalf("%d flushes after a payment, want 1", n)
	}

	selectNumber(t, fx.s, inv)
	test.Tap(fx.s.actions.cancel)
	tapDialogButton(t, fx.w, "Sztornó kiállítása")
	if got := dialogText(t, fx.w); !strings.Contains(got, "Kiállítva:") {
		t.Fatalf("after sztornó: %q", got)
	}
	if n := flushes.Load(); n != 2 {
		t.Fatalf("%d flushes after a sztornó, want 2", n)
	}

	selectNumber(t, fx.s, proforma)
	test.Tap(fx.s.actions.withdraw)
	tapDialogButton(t, fx.w, "Visszavonás")
	if n := flushes.Load(); n != 3 {
		t.Fatalf("%d flushes after a withdrawal, want 3", n)
	}

	// A refused action sends nothing.
	if _, err := fx.s.svc.CancelInvoice(context.Background(), "NINCS-1", testToday); err == nil {
		t.Fatal("cancelling a missing invoice succeeded")
	}
	if n := flushes.Load(); n != 3 {
		t.Errorf("%d flushes after a failed action, want 3", n)
	}
}
