package ui

import (
	"context"
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// invoiceColumns are the document list's columns: header, width, alignment
// and the cell text.
var invoiceColumns = []struct {
	title string
	width float32
	align fyne.TextAlign
	value func(s domain.InvoiceSummary, overdue bool) string
}{
	{"Sorszám", 130, fyne.TextAlignLeading, func(s domain.InvoiceSummary, _ bool) string { return s.Number }},
	{"Típus", 125, fyne.TextAlignLeading, func(s domain.InvoiceSummary, _ bool) string { return s.Type.Label() }},
	{"Vevő", 170, fyne.TextAlignLeading, func(s domain.InvoiceSummary, _ bool) string { return s.BuyerName }},
	{"Kelt", 95, fyne.TextAlignLeading, func(s domain.InvoiceSummary, _ bool) string { return s.IssueDate.FormatHU() }},
	{"Teljesítés", 95, fyne.TextAlignLeading, func(s domain.InvoiceSummary, _ bool) string { return s.FulfilmentDate.FormatHU() }},
	{"Határidő", 95, fyne.TextAlignLeading, func(s domain.InvoiceSummary, _ bool) string { return s.DueDate.FormatHU() }},
	{"Bruttó", 115, fyne.TextAlignTrailing, func(s domain.InvoiceSummary, _ bool) string { return s.Gross.String() }},
	{"Állapot", 150, fyne.TextAlignLeading, statusText},
	// The MiniCRM upload state; nil: filled by the screen (outboxCellText).
	{outboxColumnTitle, 110, fyne.TextAlignLeading, nil},
	// The NAV report's state; nil: filled by the screen (navCellText).
	{"NAV", 160, fyne.TextAlignLeading, nil},
}

// statusText is the Állapot cell: the status, whether an issued document
// is partly paid or overdue, and the invoice a proforma became.
func statusText(s domain.InvoiceSummary, overdue bool) string {
	text := s.Status.Label()
	if s.InvoicedAs != "" {
		return "számlázva: " + s.InvoicedAs
	}
	if s.Status == domain.InvoiceIssued && s.Paid.Minor > 0 {
		text += ", részben fizetve"
	}
	if overdue {
		text += ", lejárt"
	}
	return text
}

// invoicesScreen is the Számlák tab: the filterable list of documents, the
// actions on the selected one, and the way to the editor and the seller
// profile.
type invoicesScreen struct {
	win       fyne.Window
	svc       domain.InvoiceService
	customers domain.CustomerService
	async     func(func())       // runs service calls off the UI goroutine; tests run them inline
	today     func() domain.Date // tests fix the date

	filters      *invoiceFilters
	newButton    *widget.Button
	sellerButton *widget.Button
	table        *widget.Table
	count        *widget.Label
	actions      *invoiceActions
	rows         []domain.InvoiceSummary
	selected     int // row index, -1 for none
	querySeq     int // discards results of superseded queries

	nav      navListDeps  // the NAV column's source (zero: empty column)
	navState navListState // the NAV reports of the rows

	outbox       domain.OutboxView             // the MiniCRM column's source (nil: empty column)
	outboxStates map[string]domain.UploadState // the upload states of the rows
	outboxBar    fyne.CanvasObject             // "N bizonylat vár feltöltésre" (nil: left out)
	uploadNotice uploadNoticeFunc              // the issue question's MiniCRM sentence (nil: none)

	editor      *invoiceEditor // the open (or last) editor
	seller      *sellerForm    // the open (or last) seller dialog
	lastPayment *paymentForm   // the open (or last) payment dialog
}

func newInvoicesScreen(w fyne.Window, svc domain.InvoiceService, customers domain.CustomerService) *invoicesScreen {
	return &invoicesScreen{
		win: w, svc: svc, customers: customers, selected: -1,
		async: func(f func()) { go f() },
		today: func() domain.Date { return domain.DateOf(time.Now()) },
	}
}

func (s *invoicesScreen) buildUI() fyne.CanvasObject {
	s.filters = newInvoiceFilters(s, s.reload)
	s.count = widget.NewLabel("")
	s.table = &widget.Table{
		Length:        func() (int, int) { return len(s.rows), len(invoiceColumns) },
		CreateCell:    newInvoiceCell,
		UpdateCell:    s.updateCell,
		ShowHeaderRow: true,
		CreateHeader: func() fyne.CanvasObject {
			return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		},
		UpdateHeader: s.updateHeader,
		OnSelected:   s.onCellSelected,
		OnUnselected: func(widget.TableCellID) { s.selectRow(-1) },
	}
	s.table.ExtendBaseWidget(s.table)
	for i, col := range invoiceColumns {
		s.table.SetColumnWidth(i, col.width)
	}

	s.newButton = widget.NewButtonWithIcon("Új bizonylat (Ctrl+I)", theme.ContentAddIcon(), s.onNew)
	s.newButton.Importance = widget.HighImportance
	s.sellerButton = widget.NewButtonWithIcon("Saját cégadatok", theme.SettingsIcon(), s.onSeller)
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(s.newButton, s.sellerButton), s.filters.search),
		s.filters.bar(),
	)
	s.actions = newInvoiceActions(s)
	var left fyne.CanvasObject = s.count
	if s.outboxBar != nil {
		left = container.NewHBox(s.count, s.outboxBar)
	}
	bottom := container.NewBorder(nil, nil, left, s.actions.bar())
	s.reload()
	return container.NewBorder(top, bottom, nil, nil, s.table)
}

// newInvoiceCell is a list cell: a label over a background that marks the
// selected row (the table itself marks only the selected cell).
func newInvoiceCell() fyne.CanvasObject {
	return container.NewStack(canvas.NewRectangle(color.Transparent), newCellLabel())
}

func newCellLabel() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func (s *invoicesScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	cell := o.(*fyne.Container)
	bg, l := cell.Objects[0].(*canvas.Rectangle), cell.Objects[1].(*widget.Label)
	bg.FillColor = color.Transparent
	if id.Row == s.selected {
		bg.FillColor = theme.Color(theme.ColorNameSelection)
	}
	bg.Refresh()
	if id.Row < 0 || id.Row >= len(s.rows) || id.Col < 0 || id.Col >= len(invoiceColumns) {
		l.SetText("")
		return
	}
	row, col := s.rows[id.Row], invoiceColumns[id.Col]
	overdue := row.IsOverdue(s.today())
	l.Alignment = col.align
	l.Importance = widget.MediumImportance
	if overdue {
		l.Importance = widget.DangerImportance
	}
	l.TextStyle.Italic = row.Status == domain.InvoiceCancelled || row.Status == domain.InvoiceWithdrawn
	if col.title == outboxColumnTitle {
		text, failed := outboxCellText(s.outboxStates, row)
		if failed {
			l.Importance = widget.DangerImportance
		}
		l.SetText(text)
		return
	}
	if col.value == nil {
		text, refused := navCellText(s.navState, row)
		if refused {
			l.Importance = widget.DangerImportance
		}
		l.SetText(text)
		return
	}
	l.SetText(col.value(row, overdue))
}

// onCellSelected selects the row; a tap on the NAV cell also opens the
// report's details (NAV's messages, resend).
func (s *invoicesScreen) onCellSelected(id widget.TableCellID) {
	s.selectRow(id.Row)
	if row, ok := s.selectedRow(); ok && id.Col >= 0 && id.Col < len(invoiceColumns) && invoiceColumns[id.Col].value == nil &&
		invoiceColumns[id.Col].title != outboxColumnTitle {
		navShowReport(s.win, s.nav, s.navState, row, s.async, s.reload)
	}
}

func (s *invoicesScreen) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Col < 0 || id.Col >= len(invoiceColumns) {
		l.SetText("")
		return
	}
	l.Alignment = invoiceColumns[id.Col].align
	l.SetText(invoiceColumns[id.Col].title)
}

// selectRow marks row r (-1: none) as selected and enables the actions
// that apply to it.
func (s *invoicesScreen) selectRow(r int) {
	s.selected = r
	s.table.Refresh()
	s.actions.update(s.selectedRow())
}

// selectedRow returns the selected document's row, if any.
func (s *invoicesScreen) selectedRow() (domain.InvoiceSummary, bool) {
	if s.selected < 0 || s.selected >= len(s.rows) {
		return domain.InvoiceSummary{}, false
	}
	return s.rows[s.selected], true
}

// reload runs the current query in the background and shows its result
// unless a newer query has been started meanwhile.
func (s *invoicesScreen) reload() {
	s.querySeq++
	seq, q := s.querySeq, s.filters.query(s.today())
	s.async(func() {
		rows, err := s.svc.Documents(context.Background(), q)
		var navState navListState
		var upStates map[string]domain.UploadState
		if err == nil {
			navState = navLoad(context.Background(), s.nav, rows)
			upStates = outboxLoadStates(context.Background(), s.outbox, rows)
		}
		fyne.Do(func() {
			if seq != s.querySeq {
				return
			}
			if err != nil {
				showError(s.win, "list documents", err)
				return
			}
			s.rows, s.selected, s.navState, s.outboxStates = rows, -1, navState, upStates
			s.table.UnselectAll()
			s.table.Refresh()
			s.table.ScrollToTop()
			s.count.SetText(fmt.Sprintf("%d bizonylat", len(rows)))
			s.actions.update(s.selectedRow())
		})
	})
}

// onNew opens the editor of a new document, unless one is already open.
func (s *invoicesScreen) onNew() {
	if s.editor != nil && s.editor.open {
		return
	}
	s.loadProfile("open editor", func(seller domain.Seller, settings domain.InvoiceSettings) {
		s.editor = showInvoiceEditor(s, seller, settings)
	})
}

// onSeller opens the seller profile and invoicing settings.
func (s *invoicesScreen) onSeller() { s.openSeller(nil) }

// openSeller opens the seller dialog; saved, if not nil, runs after a
// successful save with the new profile.
func (s *invoicesScreen) openSeller(saved func(domain.Seller)) {
	s.loadProfile("open seller profile", func(seller domain.Seller, settings domain.InvoiceSettings) {
		s.seller = showSellerForm(s.win, seller, settings, s.today(), func(seller *domain.Seller, settings domain.InvoiceSettings) error {
			ctx := context.Background()
			if err := s.svc.SaveSeller(ctx, seller); err != nil {
				return err
			}
			if err := s.svc.SaveInvoiceSettings(ctx, settings); err != nil {
				return err
			}
			if saved != nil {
				saved(*seller)
			}
			return nil
		})
	})
}

// loadProfile reads the seller and the invoicing settings in the background
// and hands them to then on the UI goroutine.
func (s *invoicesScreen) loadProfile(what string, then func(domain.Seller, domain.InvoiceSettings)) {
	s.async(func() {
		ctx := context.Background()
		seller, err := s.svc.Seller(ctx)
		var settings domain.InvoiceSettings
		if err == nil {
			settings, err = s.svc.InvoiceSettings(ctx)
		}
		fyne.Do(func() {
			if err != nil {
				showError(s.win, what, err)
				return
			}
			then(*seller, settings)
		})
	})
}
