package ui

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// allLabel is the filter choice that does not filter.
const allLabel = "Mind"

// typeFilters and statusFilters are the choices of the type and status
// filters, in the order the pickers show them.
var (
	typeFilters   = []domain.DocumentType{"", domain.DocInvoice, domain.DocProforma, domain.DocStorno}
	statusFilters = []domain.InvoiceStatus{"", domain.InvoiceIssued, domain.InvoicePaid, domain.InvoiceCancelled, domain.InvoiceWithdrawn}
)

// typeFilterLabel names a type filter choice: "Sztornó" rather than the
// printed "Sztornó számla", to keep the picker short.
func typeFilterLabel(t domain.DocumentType) string {
	switch t {
	case "":
		return allLabel
	case domain.DocStorno:
		return "Sztornó"
	}
	return t.Label()
}

func statusFilterLabel(s domain.InvoiceStatus) string {
	if s == "" {
		return allLabel
	}
	return s.Label()
}

// invoiceFilters are the widgets that narrow the document list; every
// change calls onChange, except while a date is half typed.
type invoiceFilters struct {
	search   *widget.Entry
	docType  *widget.Select
	status   *widget.Select
	from, to *widget.Entry
	overdue  *widget.Check
	customer *customerFilter
	onChange func()

	fromDate, toDate domain.Date
}

// newInvoiceFilters makes the filters of screen s, whose customer register
// the customer filter searches.
func newInvoiceFilters(s *invoicesScreen, onChange func()) *invoiceFilters {
	f := &invoiceFilters{onChange: func() {}} // quiet while the widgets get their first values
	f.customer = newCustomerFilter(s, func() { f.onChange() })
	f.search = widget.NewEntry()
	f.search.SetPlaceHolder("Keresés sorszám vagy vevő szerint")
	f.search.OnChanged = func(string) { f.onChange() }
	var types, statuses []string
	for _, t := range typeFilters {
		types = append(types, typeFilterLabel(t))
	}
	for _, st := range statusFilters {
		statuses = append(statuses, statusFilterLabel(st))
	}
	f.docType = widget.NewSelect(types, func(string) { f.onChange() })
	f.docType.SetSelectedIndex(0)
	f.status = widget.NewSelect(statuses, func(string) { f.onChange() })
	f.status.SetSelectedIndex(0)
	f.from = f.dateEntry("éééé.hh.nn.", &f.fromDate)
	f.to = f.dateEntry("éééé.hh.nn.", &f.toDate)
	f.overdue = widget.NewCheck("Csak lejárt", func(bool) { f.onChange() })
	f.onChange = onChange
	return f
}

// dateEntry is an optional date filter: empty means no limit, and the list
// follows only once what is typed is a whole date.
func (f *invoiceFilters) dateEntry(placeholder string, target *domain.Date) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(placeholder)
	e.Validator = func(text string) error {
		if strings.TrimSpace(text) == "" {
			return nil
		}
		if _, msg := parseDateField(text); msg != "" {
			return errors.New(msg)
		}
		return nil
	}
	e.OnChanged = func(text string) {
		d := domain.Date{}
		if strings.TrimSpace(text) != "" {
			var msg string
			if d, msg = parseDateField(text); msg != "" {
				return
			}
		}
		if d != *target {
			*target = d
			f.onChange()
		}
	}
	return e
}

// bar lays out every filter but the search entry.
func (f *invoiceFilters) bar() fyne.CanvasObject {
	sized := func(o fyne.CanvasObject, w float32) fyne.CanvasObject {
		return container.New(&fixedWidthLayout{width: w}, o)
	}
	left := container.NewHBox(
		widget.NewLabel("Típus"), sized(f.docType, 135),
		widget.NewLabel("Állapot"), sized(f.status, 140),
		widget.NewLabel("Kelt"), sized(f.from, 130), widget.NewLabel("–"), sized(f.to, 130),
		f.overdue, widget.NewLabel("Vevő"),
	)
	// The customer filter takes the width that is left.
	return container.NewBorder(nil, nil, left, f.customer.clear, sized(f.customer.view(), 150))
}

// query is the InvoiceQuery the filters describe; today decides what is
// overdue.
func (f *invoiceFilters) query(today domain.Date) domain.InvoiceQuery {
	q := domain.InvoiceQuery{Search: strings.TrimSpace(f.search.Text), From: f.fromDate, To: f.toDate}
	if i := f.docType.SelectedIndex(); i > 0 {
		q.Type = typeFilters[i]
	}
	if i := f.status.SelectedIndex(); i > 0 {
		q.Status = statusFilters[i]
	}
	if f.overdue.Checked {
		q.OverdueOn = today
	}
	q.CustomerID = f.customer.id
	return q
}

// allCustomersLabel is the customer filter's choice that does not filter.
const allCustomersLabel = "Minden vevő"

// customerFilter narrows the list to one customer's documents. Its button
// shows the chosen customer ("Minden vevő" when none) and opens a picker
// that searches the customer register, archived customers included (their
// documents stay); the clear button goes back to every customer.
type customerFilter struct {
	screen   *invoicesScreen
	onChange func()
	button   *widget.Button // icon only: name is drawn over it
	name     *widget.Label  // the chosen customer, cut with "…" to the width
	clear    *widget.Button
	id       int64 // 0: every customer
	picker   *customerPicker
}

func newCustomerFilter(s *invoicesScreen, onChange func()) *customerFilter {
	c := &customerFilter{screen: s, onChange: onChange}
	c.button = widget.NewButtonWithIcon("", theme.SearchIcon(), c.openPicker)
	c.button.Alignment = widget.ButtonAlignLeading
	c.name = widget.NewLabelWithStyle(allCustomersLabel, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.name.Truncation = fyne.TextTruncateEllipsis
	c.clear = widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() { c.set(0, "") })
	c.clear.Disable()
	return c
}

// view is the button with the name over it, after the icon. A Button
// cannot shorten its text, a Label can; taps fall through the label to the
// button.
func (c *customerFilter) view() fyne.CanvasObject {
	gap := canvas.NewRectangle(color.Transparent)
	gap.SetMinSize(fyne.NewSize(theme.IconInlineSize()+theme.Padding(), 1))
	return container.NewStack(c.button, container.NewBorder(nil, nil, gap, nil, c.name))
}

// set filters by the customer id (0: every customer) named name.
func (c *customerFilter) set(id int64, name string) {
	if id == c.id {
		return
	}
	c.id = id
	if id == 0 {
		c.name.SetText(allCustomersLabel)
		c.clear.Disable()
	} else {
		c.name.SetText(name)
		c.clear.Enable()
	}
	c.onChange()
}

func (c *customerFilter) openPicker() {
	c.picker = newCustomerPicker(c)
	c.picker.show()
}

// customerPicker is the customer filter's dialog: a search over the
// register (name, tax number, city, as on the Vevők tab), the matches, and
// the way back to every customer.
type customerPicker struct {
	filter  *customerFilter
	search  *widget.Entry
	list    *widget.List
	status  *widget.Label
	all     *widget.Button
	dialog  *dialog.CustomDialog
	matches []domain.CustomerSummary
	seq     int // discards results of superseded searches
}

func newCustomerPicker(c *customerFilter) *customerPicker {
	p := &customerPicker{filter: c}
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder("Vevő keresése név, adószám vagy város szerint…")
	p.search.OnChanged = p.load
	p.list = widget.NewList(func() int { return len(p.matches) }, newCellLabel, func(id widget.ListItemID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(customerMatchText(p.matches[id]))
	})
	p.list.OnSelected = func(id widget.ListItemID) {
		if id >= 0 && id < len(p.matches) {
			p.choose(p.matches[id].ID, p.matches[id].Name)
		}
	}
	p.status = widget.NewLabel("")
	p.status.Wrapping = fyne.TextWrapWord
	p.status.Importance = widget.LowImportance
	p.all = widget.NewButton(allCustomersLabel, func() { p.choose(0, "") })
	return p
}

func customerMatchText(c domain.CustomerSummary) string {
	text := matchText(c)
	if c.Archived {
		text += " (archivált)"
	}
	return text
}

func (p *customerPicker) show() {
	s := p.filter.screen
	buttons := container.NewHBox(layout.NewSpacer(), p.all, widget.NewButton("Mégse", func() { p.dialog.Hide() }))
	content := container.NewBorder(p.search, container.NewVBox(p.status, buttons), nil, nil, p.list)
	p.dialog = dialog.NewCustomWithoutButtons("Szűrés vevőre", content, s.win)
	p.dialog.Resize(fyne.NewSize(520, 460))
	p.dialog.Show()
	s.win.Canvas().Focus(p.search)
	p.load("")
}

// load lists the customers matching text (the first ones by name when
// text is empty).
func (p *customerPicker) load(text string) {
	p.seq++
	seq, s := p.seq, p.filter.screen
	s.async(func() {
		ctx := context.Background()
		q := domain.CustomerQuery{Search: strings.TrimSpace(text), IncludeArchived: true, Sort: domain.SortByName}
		ids, err := s.customers.CustomerIDs(ctx, q)
		var rows []domain.CustomerSummary
		if err == nil {
			rows, err = s.customers.CustomerSummaries(ctx, ids[:min(len(ids), maxBuyerMatches)])
		}
		fyne.Do(func() {
			if seq != p.seq {
				return
			}
			if err != nil {
				showError(s.win, "search customers", err)
				return
			}
			p.matches = rows
			p.list.UnselectAll()
			p.list.Refresh()
			p.list.ScrollToTop()
			switch {
			case len(rows) == 0:
				p.status.SetText("Nincs ilyen vevő a nyilvántartásban.")
			case len(ids) > len(rows):
				p.status.SetText(fmt.Sprintf("Az első %d találat a(z) %d közül; írjon többet a szűkítéshez.", len(rows), len(ids)))
			default:
				p.status.SetText("")
			}
		})
	})
}

func (p *customerPicker) choose(id int64, name string) {
	p.dialog.Hide()
	p.filter.set(id, name)
}
