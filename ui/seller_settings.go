package ui

import (
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// numberingFields edit the invoicing settings inside the seller dialog:
// each number series (invoices with their sztornós, and proformas) has its
// own prefix, year-in-number switch and counter width, with an example of
// the numbers it makes; and the default payment days.
type numberingFields struct {
	f                 *sellerForm
	invoice, proforma *seriesFields
	days              *widget.Entry
}

// seriesFields are the controls of one number series; key is its prefix in
// the field names of domain.ValidateNumbering ("invoice", "proforma").
type seriesFields struct {
	key, title string
	label      string // in the labels of domain.ValidateNumbering
	prefix     *widget.Entry
	withYear   *widget.Check
	width      *widget.Entry
	example    *widget.Label
}

// numberingKeys are the error label keys of the numbering fields.
var numberingKeys = []string{"invoice.prefix", "invoice.width", "proforma.prefix", "proforma.width", "paymentDays"}

func newNumberingFields(f *sellerForm) *numberingFields {
	return &numberingFields{f: f,
		invoice:  &seriesFields{key: "invoice", title: "Számla és sztornó", label: "Számla"},
		proforma: &seriesFields{key: "proforma", title: "Díjbekérő", label: "Díjbekérő"},
	}
}

func (n *numberingFields) entry(key, placeholder string) (*widget.Entry, fyne.CanvasObject) {
	e := widget.NewEntry()
	e.SetPlaceHolder(placeholder)
	e.OnChanged = func(string) { n.f.touched[key] = true; n.f.validate() }
	n.f.errLabels[key] = newErrLabel()
	return e, container.NewVBox(e, n.f.errLabels[key])
}

// series builds the controls of one series, as one column: its title,
// prefix and width, whether the year is in the number, and the example.
func (n *numberingFields) series(s *seriesFields, defaults domain.NumberFormat) fyne.CanvasObject {
	var prefixBox, widthBox fyne.CanvasObject
	s.prefix, prefixBox = n.entry(s.key+".prefix", defaults.Prefix)
	s.width, widthBox = n.entry(s.key+".width", fmt.Sprint(defaults.Width))
	s.withYear = widget.NewCheck("Évszám a sorszámban", func(bool) { n.f.validate() })
	s.example = widget.NewLabel("")
	s.example.Importance = widget.LowImportance
	s.example.Wrapping = fyne.TextWrapWord
	return container.NewVBox(
		widget.NewLabelWithStyle(s.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.New(layout.NewFormLayout(),
			widget.NewLabel("Előtag"), prefixBox,
			widget.NewLabel("Számjegyek"), widthBox,
		),
		s.withYear,
		s.example,
	)
}

func (n *numberingFields) buildUI() fyne.CanvasObject {
	var daysBox fyne.CanvasObject
	series := container.NewGridWithColumns(2,
		n.series(n.invoice, domain.DefaultNumberFormat(domain.DocInvoice)),
		n.series(n.proforma, domain.DefaultNumberFormat(domain.DocProforma)))
	n.days, daysBox = n.entry("paymentDays", "8")
	return container.NewVBox(series, container.New(layout.NewFormLayout(), widget.NewLabel("Fizetési határidő (nap)"), daysBox))
}

func (n *numberingFields) fill(s domain.InvoiceSettings) {
	n.invoice.fill(s.InvoiceFormat)
	n.proforma.fill(s.ProformaFormat)
	n.days.SetText(fmt.Sprint(s.PaymentDays))
}

func (s *seriesFields) fill(f domain.NumberFormat) {
	s.prefix.SetText(f.Prefix)
	s.withYear.SetChecked(f.WithYear)
	s.width.SetText(fmt.Sprint(f.Width))
}

// read returns the format the series' fields describe, and the problem of
// a width that is not a number.
func (s *seriesFields) read() (domain.NumberFormat, []domain.FieldError) {
	f := domain.NumberFormat{Prefix: s.prefix.Text, WithYear: s.withYear.Checked}
	f.Normalize()
	width, msg := parseIntField(s.width.Text)
	f.Width = width
	if msg != "" {
		return f, []domain.FieldError{{Field: s.key + ".width", Label: s.label + " – Számjegyek", Message: msg}}
	}
	return f, nil
}

// read returns the settings the fields describe and their problems, keyed
// like the error labels ("invoice.width", "proforma.prefix", …).
func (n *numberingFields) read() (domain.InvoiceSettings, []domain.FieldError) {
	s := n.f.settings
	var problems, more []domain.FieldError
	s.InvoiceFormat, problems = n.invoice.read()
	s.ProformaFormat, more = n.proforma.read()
	problems = append(problems, more...)
	days, msg := parseIntField(n.days.Text)
	if msg != "" {
		problems = append(problems, domain.FieldError{Field: "paymentDays", Label: "Fizetési határidő (nap)", Message: msg})
	}
	s.PaymentDays = days
	seen := map[string]bool{}
	for _, fe := range problems {
		seen[fe.Field] = true
	}
	for _, fe := range domain.FieldErrors(domain.ValidateNumbering(s.InvoiceFormat, s.ProformaFormat)) {
		if !seen[fe.Field] { // a width that is not a number keeps its own message
			seen[fe.Field] = true
			problems = append(problems, fe)
		}
	}
	// InvoiceSettings.Validate stops at the numbering; check the days alone.
	days0 := domain.DefaultInvoiceSettings()
	days0.PaymentDays = days
	for _, fe := range domain.FieldErrors(days0.Validate()) {
		if !seen[fe.Field] {
			problems = append(problems, fe)
		}
	}
	return s, problems
}

// showExample shows, under each series, the first number of this year; a
// series with a wrong field shows none.
func (n *numberingFields) showExample() {
	s, problems := n.read()
	y := n.f.today.Year()
	for _, series := range []struct {
		fields *seriesFields
		format domain.NumberFormat
	}{{n.invoice, s.InvoiceFormat}, {n.proforma, s.ProformaFormat}} {
		text := "pl. " + series.format.Format(1, y)
		for _, fe := range problems {
			if strings.HasPrefix(fe.Field, series.fields.key+".") {
				text = "pl. –"
			}
		}
		series.fields.example.SetText(text)
	}
}

// sellerLogo is the optional logo: its name and size, a browse button
// (PNG or JPEG) and a remove button.
type sellerLogo struct {
	win      fyne.Window
	onChange func()
	data     []byte
	label    *widget.Label
	remove   *widget.Button
}

func newSellerLogo(w fyne.Window, onChange func()) *sellerLogo {
	l := &sellerLogo{win: w, onChange: onChange, label: widget.NewLabel("")}
	l.label.Truncation = fyne.TextTruncateEllipsis
	l.remove = widget.NewButtonWithIcon("Eltávolítás", theme.DeleteIcon(), func() { l.set("", nil); l.onChange() })
	return l
}

func (l *sellerLogo) buildUI() fyne.CanvasObject {
	browse := widget.NewButtonWithIcon("Tallózás…", theme.FolderOpenIcon(), l.onBrowse)
	return container.NewBorder(nil, nil, nil, container.NewHBox(browse, l.remove), l.label)
}

// set shows the logo named name (empty for the stored one).
func (l *sellerLogo) set(name string, data []byte) {
	l.data = data
	switch {
	case len(data) == 0:
		l.label.SetText("Nincs logó")
		l.remove.Disable()
		return
	case name == "":
		name = "mentett logó"
	}
	l.label.SetText(fmt.Sprintf("%s (%d KB)", name, (len(data)+1023)/1024))
	l.remove.Enable()
}

func (l *sellerLogo) onBrowse() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(l.win, "choose logo", err)
			return
		}
		if r == nil {
			return // cancelled
		}
		defer r.Close()
		// One byte over the limit is enough for the domain to say "too big".
		data, err := io.ReadAll(io.LimitReader(r, domain.MaxLogoBytes+1))
		if err != nil {
			showError(l.win, "read logo", err)
			return
		}
		l.set(r.URI().Name(), data)
		l.onChange()
	}, l.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg"}))
	d.Show()
}
