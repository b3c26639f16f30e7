package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// The document types the editor issues, as its radio group names them.
const (
	invoiceLabel  = "Számla"
	proformaLabel = "Díjbekérő"
)

// headerFields are the editor's non-line fields that show a message under
// themselves, keyed by the domain's field names.
var headerFields = []string{"buyer", "type", "issueDate", "fulfilmentDate", "dueDate", "paymentMethod", "currency", "exchangeRate", "note", "lines"}

// invoiceEditor is the dialog that drafts and issues an invoice or a
// proforma. Every keystroke rebuilds the draft as a domain.Invoice, computes
// its Totals and runs its Validate, so the amounts and the messages on
// screen are the domain's own; Kiállítás stays disabled until the draft is
// valid.
type invoiceEditor struct {
	s        *invoicesScreen
	seller   domain.Seller
	settings domain.InvoiceSettings
	open     bool

	docType                 *widget.RadioGroup
	buyer                   *buyerPicker
	issue, fulfil, due      *widget.Entry
	method                  *widget.Select
	currency                *widget.SelectEntry
	rate                    *widget.Entry
	rateLabel               *widget.Label
	rateField               fyne.CanvasObject // the rate entry and its message; shown for foreign currencies
	note                    *widget.Entry
	lines                   []*lineRow
	linesBox                *fyne.Container
	linesScroll             *container.Scroll
	addButton               *widget.Button
	totals                  *totalsPanel
	errLabels               map[string]*widget.Label // by header field
	touched                 map[string]bool          // header fields the user has edited
	fulfilEdited, dueEdited bool                     // the user chose these dates: stop following the issue date
	filling                 bool                     // the editor itself is changing a field
	ready                   bool                     // every widget is built

	summary    *widget.Label
	sellerHint *widget.Label
	sellerBox  *fyne.Container
	issueBtn   *widget.Button
	busy       bool                // an issue request is running
	sellerErrs []domain.FieldError // what the seller profile lacks, from the last check
	dialog     *dialog.CustomDialog
}

// showInvoiceEditor opens the editor of a new document over s's window.
func showInvoiceEditor(s *invoicesScreen, seller domain.Seller, settings domain.InvoiceSettings) *invoiceEditor {
	e := &invoiceEditor{s: s, seller: seller, settings: settings, open: true,
		errLabels: map[string]*widget.Label{}, touched: map[string]bool{}}
	for _, key := range headerFields {
		e.errLabels[key] = newErrLabel()
	}
	content := e.buildUI()
	e.touched = map[string]bool{} // the defaults set while building are not the user's edits
	e.ready = true
	e.addLine()
	e.validate()
	e.dialog = dialog.NewCustomWithoutButtons("Új bizonylat", content, s.win)
	e.dialog.SetOnClosed(func() { e.open = false })
	size := s.win.Canvas().Size()
	e.dialog.Resize(fyne.NewSize(min(size.Width-16, 1240), min(size.Height-16, 860)))
	e.dialog.Show()
	s.win.Canvas().Focus(e.buyer.search)
	return e
}

func (e *invoiceEditor) buildUI() fyne.CanvasObject {
	e.totals = newTotalsPanel()
	e.summary = newErrLabel()
	e.sellerHint = widget.NewLabel("")
	e.sellerHint.Importance = widget.WarningImportance
	e.sellerHint.Wrapping = fyne.TextWrapWord
	e.sellerBox = container.NewBorder(nil, nil, nil,
		widget.NewButtonWithIcon("Saját cégadatok…", theme.SettingsIcon(), func() { e.s.openSeller(e.setSeller) }), e.sellerHint)
	e.issueBtn = widget.NewButtonWithIcon("Kiállítás", theme.DocumentCreateIcon(), e.onIssueTapped)
	e.issueBtn.Importance = widget.HighImportance
	cancel := widget.NewButton("Mégse", func() { e.dialog.Hide() })
	buttons := container.NewBorder(nil, nil, nil, container.NewHBox(cancel, e.issueBtn), container.NewVBox(e.summary, e.sellerBox))
	bottom := container.NewVBox(widget.NewSeparator(), e.totals.content, buttons)
	return container.NewBorder(e.buildHeader(), bottom, nil, nil, e.buildLines())
}

func (e *invoiceEditor) buildHeader() fyne.CanvasObject {
	e.buyer = newBuyerPicker(e.s, func() { e.touched["buyer"] = true; e.validate() })
	e.docType = widget.NewRadioGroup([]string{invoiceLabel, proformaLabel}, func(string) { e.validate() })
	e.docType.Horizontal, e.docType.Required = true, true
	e.docType.SetSelected(invoiceLabel)

	today := e.s.today()
	e.issue = e.dateEntry("issueDate", today, e.onIssueDateChanged)
	e.fulfil = e.dateEntry("fulfilmentDate", today, func() { e.fulfilEdited = true })
	e.due = e.dateEntry("dueDate", domain.DefaultDueDate(domain.PayTransfer, today, e.settings.PaymentDays), func() { e.dueEdited = true })

	var methods []string
	for _, m := range domain.PaymentMethods() {
		methods = append(methods, m.Label())
	}
	e.method = widget.NewSelect(methods, func(string) { e.touched["paymentMethod"] = true; e.updateDueDate(); e.validate() })
	e.method.SetSelectedIndex(0)
	e.currency = widget.NewSelectEntry([]string{"HUF", "EUR", "USD"})
	e.currency.SetText("HUF")
	e.currency.OnChanged = func(string) { e.touched["currency"] = true; e.validate() }
	e.rate = widget.NewEntry()
	e.rate.SetPlaceHolder("pl. 395,12")
	e.rate.OnChanged = func(string) { e.touched["exchangeRate"] = true; e.validate() }
	e.rateLabel = widget.NewLabel("Árfolyam (Ft)")
	e.note = widget.NewEntry()
	e.note.SetPlaceHolder("A bizonylatra nyomtatott megjegyzés")
	e.note.OnChanged = func(string) { e.touched["note"] = true; e.validate() }

	field := func(o fyne.CanvasObject, keys ...string) fyne.CanvasObject {
		box := container.NewVBox(o)
		for _, k := range keys {
			box.Add(e.errLabels[k])
		}
		return box
	}
	form := func(objs ...fyne.CanvasObject) fyne.CanvasObject {
		return container.New(layout.NewFormLayout(), objs...)
	}
	e.rateField = field(e.rate, "exchangeRate")
	return container.NewGridWithColumns(3,
		form(widget.NewLabel("Vevő"), e.buyer.buildUI(e.errLabels["buyer"])),
		form(
			widget.NewLabel("Típus"), field(e.docType, "type"),
			widget.NewLabel("Kelt"), field(e.issue, "issueDate"),
			widget.NewLabel("Teljesítés"), field(e.fulfil, "fulfilmentDate"),
			widget.NewLabel("Határidő"), field(e.due, "dueDate"),
		),
		form(
			widget.NewLabel("Fizetési mód"), field(e.method, "paymentMethod"),
			widget.NewLabel("Pénznem"), field(container.New(&fixedWidthLayout{width: 110}, e.currency), "currency"),
			e.rateLabel, e.rateField,
			widget.NewLabel("Megjegyzés"), field(e.note, "note"),
		),
	)
}

// dateEntry is a date field showing d; edited runs when the user (not the
// editor) changes it.
func (e *invoiceEditor) dateEntry(key string, d domain.Date, edited func()) *widget.Entry {
	en := widget.NewEntry()
	en.SetPlaceHolder("2026.11.27.")
	en.SetText(d.FormatHU())
	en.OnChanged = func(string) {
		if !e.filling {
			e.touched[key] = true
			edited()
		}
		e.validate()
	}
	return en
}

func (e *invoiceEditor) buildLines() fyne.CanvasObject {
	e.linesBox = container.NewVBox()
	e.linesScroll = container.NewVScroll(e.linesBox)
	e.addButton = widget.NewButtonWithIcon("Új tétel", theme.ContentAddIcon(), func() {
		r := e.addLine()
		e.validate()
		e.s.win.Canvas().Focus(r.desc)
	})
	return container.NewBorder(lineHeader(), container.NewBorder(nil, nil, e.addButton, nil, e.errLabels["lines"]), nil, nil,
		withMinHeight(e.linesScroll, 90))
}

// addLine appends an empty line at the seller's default VAT code.
func (e *invoiceEditor) addLine() *lineRow {
	r := newLineRow(e.seller.DefaultVATCode(), e.validate, e.removeLine)
	e.lines = append(e.lines, r)
	e.linesBox.Add(r.box)
	e.linesScroll.ScrollToBottom()
	return r
}

func (e *invoiceEditor) removeLine(r *lineRow) {
	for i, l := range e.lines {
		if l == r {
			e.lines = append(e.lines[:i], e.lines[i+1:]...)
			break
		}
	}
	e.linesBox.Remove(r.box)
	e.touched["lines"] = true
	e.validate()
}

func (e *invoiceEditor) onIssueDateChanged() {
	if !e.fulfilEdited {
		e.setQuietly(e.fulfil, e.issue.Text)
	}
	e.updateDueDate()
}

// updateDueDate moves the due date with the issue date and the payment
// method (cash and card: the issue date; otherwise the settings' payment
// days later) until the user sets it by hand.
func (e *invoiceEditor) updateDueDate() {
	issue, msg := parseDateField(e.issue.Text)
	if e.dueEdited || msg != "" || e.due == nil {
		return
	}
	e.setQuietly(e.due, domain.DefaultDueDate(e.paymentMethod(), issue, e.settings.PaymentDays).FormatHU())
}

func (e *invoiceEditor) setQuietly(en *widget.Entry, text string) {
	e.filling = true
	en.SetText(text)
	e.filling = false
}

func (e *invoiceEditor) paymentMethod() domain.PaymentMethod {
	if i := e.method.SelectedIndex(); i >= 0 {
		return domain.PaymentMethods()[i]
	}
	return ""
}

func (e *invoiceEditor) currencyCode() domain.Currency {
	return domain.Currency(strings.ToUpper(strings.TrimSpace(e.currency.Text)))
}

// setSeller takes the seller profile just saved in the seller dialog.
func (e *invoiceEditor) setSeller(s domain.Seller) {
	e.seller = s
	e.validate()
}
