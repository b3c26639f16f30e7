package ui

import (
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// numberingFields edit the invoicing settings inside the seller dialog: the
// prefixes of the two number series, whether the year is in the number, the
// counter's width, and the default payment days; an example shows the
// numbers they make.
type numberingFields struct {
	f                                    *sellerForm
	invoicePrefix, proformaPrefix, width *widget.Entry
	days                                 *widget.Entry
	withYear                             *widget.Check
	example                              *widget.Label
}

// numberingKeys are the error label keys of the numbering fields.
var numberingKeys = []string{"invoice.prefix", "proforma.prefix", "width", "paymentDays"}

func newNumberingFields(f *sellerForm) *numberingFields {
	return &numberingFields{f: f}
}

func (n *numberingFields) entry(key, placeholder string) (*widget.Entry, fyne.CanvasObject) {
	e := widget.NewEntry()
	e.SetPlaceHolder(placeholder)
	e.OnChanged = func(string) { n.f.touched[key] = true; n.f.validate() }
	n.f.errLabels[key] = newErrLabel()
	return e, container.NewVBox(e, n.f.errLabels[key])
}

func (n *numberingFields) buildUI() fyne.CanvasObject {
	var invoiceBox, proformaBox, widthBox, daysBox fyne.CanvasObject
	n.invoicePrefix, invoiceBox = n.entry("invoice.prefix", "KSZ")
	n.proformaPrefix, proformaBox = n.entry("proforma.prefix", "DB")
	n.width, widthBox = n.entry("width", "5")
	n.withYear = widget.NewCheck("Évszám a sorszámban", func(bool) { n.f.validate() })
	n.example = widget.NewLabel("")
	n.example.Importance = widget.LowImportance
	n.example.Wrapping = fyne.TextWrapWord
	n.days, daysBox = n.entry("paymentDays", "8")
	return container.New(layout.NewFormLayout(),
		widget.NewLabel("Számla előtag"), invoiceBox,
		widget.NewLabel("Díjbekérő előtag"), proformaBox,
		layout.NewSpacer(), n.withYear,
		widget.NewLabel("Számjegyek"), widthBox,
		layout.NewSpacer(), n.example,
		widget.NewLabel("Fizetési határidő (nap)"), daysBox,
	)
}

func (n *numberingFields) fill(s domain.InvoiceSettings) {
	n.invoicePrefix.SetText(s.InvoiceFormat.Prefix)
	n.proformaPrefix.SetText(s.ProformaFormat.Prefix)
	n.withYear.SetChecked(s.InvoiceFormat.WithYear)
	n.width.SetText(fmt.Sprint(s.InvoiceFormat.Width))
	n.days.SetText(fmt.Sprint(s.PaymentDays))
}

// read returns the settings the fields describe and their problems, keyed
// like the error labels (a width problem of either series is "width").
func (n *numberingFields) read() (domain.InvoiceSettings, []domain.FieldError) {
	s := n.f.settings
	s.InvoiceFormat.Prefix, s.ProformaFormat.Prefix = n.invoicePrefix.Text, n.proformaPrefix.Text
	s.InvoiceFormat.WithYear, s.ProformaFormat.WithYear = n.withYear.Checked, n.withYear.Checked
	s.InvoiceFormat.Normalize()
	s.ProformaFormat.Normalize()
	var problems []domain.FieldError
	width, msg := parseIntField(n.width.Text)
	if msg != "" {
		problems = append(problems, domain.FieldError{Field: "width", Label: "Számjegyek", Message: msg})
	}
	s.InvoiceFormat.Width, s.ProformaFormat.Width = width, width
	days, msg := parseIntField(n.days.Text)
	if msg != "" {
		problems = append(problems, domain.FieldError{Field: "paymentDays", Label: "Fizetési határidő (nap)", Message: msg})
	}
	s.PaymentDays = days
	seen := map[string]bool{}
	for _, fe := range domain.FieldErrors(domain.ValidateNumbering(s.InvoiceFormat, s.ProformaFormat)) {
		if fe.Field == "invoice.width" || fe.Field == "proforma.width" {
			fe.Field, fe.Label = "width", "Számjegyek"
		}
		if !seen[fe.Field] {
			seen[fe.Field] = true
			problems = append(problems, fe)
		}
	}
	// InvoiceSettings.Validate stops at the numbering; check the days alone.
	days0 := domain.DefaultInvoiceSettings()
	days0.PaymentDays = days
	problems = append(problems, domain.FieldErrors(days0.Validate())...)
	return s, problems
}

// showExample shows the first numbers of this year in both series.
func (n *numberingFields) showExample() {
	s, problems := n.read()
	for _, fe := range problems {
		if fe.Field != "paymentDays" {
			n.example.SetText("pl. –")
			return
		}
	}
	y := n.f.today.Year()
	n.example.SetText("pl. " + s.InvoiceFormat.Format(1, y) + " (számla), " + s.ProformaFormat.Format(1, y) + " (díjbekérő)")
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
