package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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
	onChange func()

	fromDate, toDate domain.Date
}

func newInvoiceFilters(onChange func()) *invoiceFilters {
	f := &invoiceFilters{onChange: func() {}} // quiet while the widgets get their first values
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
	return container.NewHBox(
		widget.NewLabel("Típus"), sized(f.docType, 140),
		widget.NewLabel("Állapot"), sized(f.status, 150),
		widget.NewLabel("Kelt"), sized(f.from, 130), widget.NewLabel("–"), sized(f.to, 130),
		f.overdue,
	)
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
	return q
}
