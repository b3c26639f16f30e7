package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// testToday is the fixed "today" of the invoice tests.
var testToday = domain.NewDate(2026, 11, 27)

// nb writes amounts as the GUI shows them: groups and currency separated by
// a no-break space ("127 000 Ft").
func nb(s string) string { return strings.ReplaceAll(s, " ", domain.HUSpace) }

func testSeller() domain.Seller {
	return domain.Seller{Name: "Eladó Kft.", TaxNumber: "12345676-2-42", BankAccount: "11773016-11111018",
		Address: domain.Address{Country: "HU", PostalCode: "1111", City: "Budapest", Street: "Fő utca 1."}}
}

// invoiceFixture is the main window over fake services with the Számlák tab
// selected and today fixed to testToday.
type invoiceFixture struct {
	m         *Main
	w         fyne.Window
	s         *invoicesScreen
	customers *fakeCustomers
	invoices  *fakeInvoices
}

func newInvoiceFixture(t *testing.T, seller domain.Seller, cs ...domain.Customer) *invoiceFixture {
	t.Helper()
	a := test.NewTempApp(t)
	if err := UseHungarian(); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)
	customers := newFakeCustomers(cs...)
	invoices := newFakeInvoices(customers, t.TempDir())
	invoices.seller = seller
	m := newMain(a, w, Deps{Customers: customers, Invoices: invoices}, func(f func()) { f() })
	m.invoices.today = func() domain.Date { return testToday }
	w.SetContent(m.Tabs)
	m.EnableShortcuts(w)
	w.Resize(fyne.NewSize(1100, 700))
	m.Tabs.SelectIndex(1)
	return &invoiceFixture{m: m, w: w, s: m.invoices, customers: customers, invoices: invoices}
}

// issue stores a one-line document for customer 1 directly in the fake and
// refreshes the list.
func (fx *invoiceFixture) issue(t *testing.T, typ domain.DocumentType, issue, due domain.Date, price string) string {
	t.Helper()
	draft := &domain.Invoice{Type: typ, CustomerID: 1, IssueDate: issue, FulfilmentDate: issue, DueDate: due,
		PaymentMethod: domain.PayTransfer, Currency: domain.HUF,
		Lines: []domain.InvoiceLine{{Description: "Tanácsadás", Quantity: domain.DecimalFromInt(1), Unit: "óra",
			UnitPrice: domain.MustParseDecimal(price), VAT: domain.VAT27}}}
	inv, err := fx.invoices.IssueDocument(context.Background(), draft)
	if err != nil {
		t.Fatal(err)
	}
	fx.s.reload()
	return inv.Number
}

// listRow is one document row as the table shows it.
type listRow struct {
	cells []string
	red   bool // every cell in danger colour
}

func (r listRow) col(title string) string {
	for i, c := range invoiceColumns {
		if c.title == title {
			return r.cells[i]
		}
	}
	panic("no column " + title)
}

// listed renders every row of the document table through its own cell
// update, the way the table draws it.
func listed(s *invoicesScreen) []listRow {
	rows, cols := s.table.Length()
	out := make([]listRow, rows)
	for r := range out {
		out[r].red = true
		for c := 0; c < cols; c++ {
			cell := newInvoiceCell()
			s.updateCell(widget.TableCellID{Row: r, Col: c}, cell)
			l := cell.(*fyne.Container).Objects[1].(*widget.Label)
			out[r].cells = append(out[r].cells, l.Text)
			out[r].red = out[r].red && l.Importance == widget.DangerImportance
		}
	}
	return out
}

func numbers(rows []listRow) string {
	var ns []string
	for _, r := range rows {
		ns = append(ns, r.col("Sorszám"))
	}
	return strings.Join(ns, " ")
}

// selectNumber selects the list row of number.
func selectNumber(t *testing.T, s *invoicesScreen, number string) {
	t.Helper()
	for i, r := range listed(s) {
		if r.col("Sorszám") == number {
			s.table.Select(widget.TableCellID{Row: i, Col: 0})
			return
		}
	}
	t.Fatalf("%s is not listed", number)
}

// dialogText is all the label text of the topmost dialog.
func dialogText(t *testing.T, w fyne.Window) string {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	var texts []string
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok && l.Visible() {
			texts = append(texts, l.Text)
		}
	}
	return strings.Join(texts, "\n")
}

// retype replaces an entry's text the way a user does: select all, type.
func retype(e *widget.Entry, text string) {
	e.SetText("")
	test.Type(e, text)
}

// vatSummary returns the VAT summary rows as shown, "27%|100 000 Ft|…".
func vatSummary(p *totalsPanel) []string {
	var out []string
	for _, row := range p.vatRows.Objects[1:] {
		var cells []string
		for _, o := range row.(*fyne.Container).Objects {
			cells = append(cells, o.(*canvas.Text).Text)
		}
		out = append(out, strings.Join(cells, "|"))
	}
	return out
}
