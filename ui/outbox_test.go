package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// outboxFake is an in-memory outbox.
type outboxFake struct {
	items   []domain.OutboxItem
	retried []int64
}

func (f *outboxFake) OutboxItems(_ context.Context, all bool) ([]domain.OutboxItem, error) {
	var out []domain.OutboxItem
	for _, it := range f.items {
		if all || it.State.Waiting() {
			out = append(out, it)
		}
	}
	return out, nil
}

func (f *outboxFake) OutboxRetry(_ context.Context, id int64) (int, error) {
	f.retried = append(f.retried, id)
	n := 0
	for i := range f.items {
		if (id == 0 || f.items[i].ID == id) && f.items[i].State == domain.UploadFailed {
			f.items[i].State, n = domain.UploadPending, n+1
		}
	}
	return n, nil
}

func (f *outboxFake) OutboxSkip(_ context.Context, id int64) error {
	for i := range f.items {
		if f.items[i].ID == id {
			f.items[i].State = domain.UploadSkipped
		}
	}
	return nil
}

func (f *outboxFake) UploadStates(_ context.Context, numbers []string) (map[string]domain.UploadState, error) {
	out := map[string]domain.UploadState{}
	for _, it := range f.items {
		out[it.Number] = it.State
	}
	return out, nil
}

func (f *outboxFake) OutboxWaitingDocuments(context.Context) (int, error) {
	n := map[string]bool{}
	for _, it := range f.items {
		if it.State.Waiting() {
			n[it.Number] = true
		}
	}
	return len(n), nil
}

// outboxTexts collects the texts of the labels and buttons under o.
func outboxTexts(o fyne.CanvasObject) []string {
	var out []string
	switch x := o.(type) {
	case *widget.Label:
		if x.Visible() {
			out = append(out, x.Text)
		}
	case *widget.Button:
		out = append(out, x.Text)
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, outboxTexts(c)...)
		}
	case *container.Scroll:
		out = append(out, outboxTexts(x.Content)...)
	}
	return out
}

// outboxButton finds a button by its text under o (the first one).
func outboxButton(o fyne.CanvasObject, text string) *widget.Button {
	switch x := o.(type) {
	case *widget.Button:
		if x.Text == text {
			return x
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			if b := outboxButton(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}

func TestOutboxView(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	f := &outboxFake{items: []domain.OutboxItem{
		{ID: 2, Number: "KSZ-2026-00002", DocType: domain.DocInvoice, Kind: domain.OutboxCreate, BuyerName: "Minta Kft.",
			State: domain.UploadFailed, Attempts: 1, LastError: "A MiniCRM elutasította: hibás mező"},
		{ID: 1, Number: "KSZ-2026-00001", DocType: domain.DocInvoice, Kind: domain.OutboxPaid, BuyerName: "Béta Bt.",
			State: domain.UploadPending},
		{ID: 0, Number: "KSZ-2026-00000", DocType: domain.DocInvoice, Kind: domain.OutboxCreate, State: domain.UploadSent},
	}}
	kicks := 0
	s := outboxNewScreen(w, f, func() { kicks++ }, func(fn func()) { fn() })
	changed := 0
	s.onChange = func() { changed++ }
	bar := s.statusBar()
	w.SetContent(container.NewBorder(nil, bar, nil, nil, s.buildUI()))
	all := strings.Join(outboxTexts(w.Content()), "\n")
	for _, want := range []string{"2 bizonylat vár feltöltésre", "KSZ-2026-00002 · Számla · kiállítás · Minta Kft.",
		"hibás (1. próbálkozás után)", "A MiniCRM elutasította: hibás mező", "KSZ-2026-00001 · Számla · kifizetés · Béta Bt.",
		"feltöltésre vár"} {
		if !strings.Contains(all, want) {
			t.Errorf("view lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "KSZ-2026-00000") {
		t.Error("a sent upload is listed")
	}
	if !bar.Visible() {
		t.Error("status line hidden while documents wait")
	}

	// Újra on the failed item: pending again, the worker is woken.
	test.Tap(outboxButton(s.list.Objects[0], "Újra"))
	if len(f.retried) != 1 || f.retried[0] != 2 || kicks != 1 || changed != 1 || f.items[0].State != domain.UploadPending {
		t.Fatalf("retry: %v, kicks %d, changed %d, %v", f.retried, kicks, changed, f.items[0].State)
	}
	// Ne töltse fel on both: nothing waits.
	s.skip(2)
	s.skip(1)
	all = strings.Join(outboxTexts(w.Content()), "\n")
	if !strings.Contains(all, "Nincs feltöltésre váró bizonylat.") || !strings.Contains(all, "Minden bizonylat feltöltve.") {
		t.Errorf("after skipping:\n%s", all)
	}
	if bar.Visible() || !s.retryAll.Disabled() {
		t.Error("status line shown or Mindet újra enabled with nothing waiting")
	}
}

func TestOutboxCellText(t *testing.T) {
	row := domain.InvoiceSummary{Number: "A"}
	if text, _ := outboxCellText(nil, row); text != "" {
		t.Errorf("no source: %q", text)
	}
	states := map[string]domain.UploadState{"A": domain.UploadFailed, "B": domain.UploadDemo}
	if text, failed := outboxCellText(states, row); text != "hibás" || !failed {
		t.Errorf("failed: %q %v", text, failed)
	}
	if text, _ := outboxCellText(states, domain.InvoiceSummary{Number: "B"}); !strings.Contains(text, "demó") {
		t.Errorf("demo: %q", text)
	}
	if text, _ := outboxCellText(states, domain.InvoiceSummary{Number: "C"}); text != "—" {
		t.Errorf("none: %q", text)
	}
}

func TestOutboxColumnInTheInvoiceList(t *testing.T) {
	fx := newInvoiceFixture(t, testSeller(), domain.Customer{Kind: domain.KindCompany, Name: "Minta Kft.", TaxNumber: "12345676-2-42",
		BillingAddress: domain.Address{Country: "HU", PostalCode: "1111", City: "Budapest", Street: "Fő utca 1."}})
	first := fx.issue(t, domain.DocInvoice, testToday, testToday, "10000")
	second := fx.issue(t, domain.DocInvoice, testToday, testToday, "20000")
	fx.s.outbox = &outboxFake{items: []domain.OutboxItem{{Number: first, State: domain.UploadFailed}, {Number: second, State: domain.UploadSent}}}
	fx.s.reload()
	got := map[string]string{}
	for _, r := range listed(fx.s) {
		got[r.col("Sorszám")] = r.col(outboxColumnTitle)
	}
	if got[first] != "hibás" || got[second] != "feltöltve" {
		t.Errorf("MiniCRM column = %v", got)
	}
	if invoiceColumns[len(invoiceColumns)-1].title != "NAV" {
		t.Error("the NAV column is no longer the last")
	}
}

func TestOutboxRefreshColumnKeepsSelection(t *testing.T) {
	fx := newInvoiceFixture(t, testSeller(), domain.Customer{Kind: domain.KindCompany, Name: "Minta Kft.", TaxNumber: "12345676-2-42",
		BillingAddress: domain.Address{Country: "HU", PostalCode: "1111", City: "Budapest", Street: "Fő utca 1."}})
	number := fx.issue(t, domain.DocInvoice, testToday, testToday, "10000")
	f := &outboxFake{items: []domain.OutboxItem{{Number: number, State: domain.UploadPending}}}
	fx.s.outbox = f
	fx.s.reload()
	fx.s.selectRow(0)
	f.items[0].State = domain.UploadSent
	fx.s.outboxRefreshColumn()
	if fx.s.selected != 0 || listed(fx.s)[0].col(outboxColumnTitle) != "feltöltve" {
		t.Errorf("selected %d, column %q", fx.s.selected, listed(fx.s)[0].col(outboxColumnTitle))
	}
}
