package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// sellerFields are the seller profile's entries, keyed by the field names
// of domain.Seller.Validate.
var sellerFields = []formField{
	{"name", "Név", "pl. Minta Kft."},
	{"taxNumber", "Adószám", "12345676-2-42"},
	{"euVatNumber", "Közösségi adószám", "HU12345676"},
	{"address.country", "Ország", "HU"},
	{"address.postalCode", "Irányítószám", "1111"},
	{"address.city", "Város", "Budapest"},
	{"address.street", "Utca, házszám", "Fő utca 1."},
	{"bankAccount", "Bankszámlaszám", "11773016-11111018 vagy IBAN"},
	{"email", "E-mail", "info@minta.hu"},
	{"phone", "Telefon", "+36 1 234 5678"},
}

// sellerForm is the "Saját cégadatok" dialog: the seller profile printed on
// every document, and the invoicing settings (numbering, payment days). Like
// the customer form it validates on every keystroke, shows a field's message
// once the field is touched, and keeps Mentés disabled until all is valid.
type sellerForm struct {
	original domain.Seller
	settings domain.InvoiceSettings
	today    domain.Date
	onSave   func(*domain.Seller, domain.InvoiceSettings) error

	entries   map[string]*widget.Entry // by field name
	errLabels map[string]*widget.Label
	touched   map[string]bool
	logo      *sellerLogo
	cashAcc   *widget.Check
	vatExempt *widget.Check
	numbering *numberingFields
	summary   *widget.Label
	save      *widget.Button
	dialog    *dialog.CustomDialog
	win       fyne.Window
}

// showSellerForm opens the dialog over w with the stored profile and
// settings; today's year is used in the numbering example.
func showSellerForm(w fyne.Window, s domain.Seller, settings domain.InvoiceSettings, today domain.Date,
	onSave func(*domain.Seller, domain.InvoiceSettings) error) *sellerForm {
	f := &sellerForm{original: s, settings: settings, today: today, onSave: onSave, win: w,
		entries: map[string]*widget.Entry{}, errLabels: map[string]*widget.Label{}, touched: map[string]bool{}}
	content := f.buildUI()
	f.fill()
	f.dialog = dialog.NewCustomWithoutButtons("Saját cégadatok", content, w)
	size := w.Canvas().Size()
	f.dialog.Resize(fyne.NewSize(min(size.Width-16, 960), min(size.Height-16, 680)))
	f.dialog.Show()
	w.Canvas().Focus(f.entries["name"])
	return f
}

func (f *sellerForm) buildUI() fyne.CanvasObject {
	f.summary = newErrLabel()
	f.save = widget.NewButton("Mentés", f.onSaveTapped)
	f.save.Importance = widget.HighImportance
	f.logo = newSellerLogo(f.win, f.validate)
	f.errLabels["logo"] = newErrLabel()
	f.cashAcc = widget.NewCheck("Pénzforgalmi elszámolás", func(bool) { f.validate() })
	f.vatExempt = widget.NewCheck("Alanyi adómentes (AAM)", func(bool) { f.validate() })
	f.numbering = newNumberingFields(f)

	company := labelledEntries(sellerFields, f.entries, f.errLabels, f.fieldChanged, f.onSaveTapped)
	taxation := container.NewVBox(f.cashAcc, f.vatExempt)
	right := container.NewVBox(
		widget.NewCard("", "Adózás", taxation),
		widget.NewCard("", "Sorszámozás és fizetési határidő", f.numbering.buildUI()),
		widget.NewCard("", "Logó a bizonylatokon", container.NewVBox(f.logo.buildUI(), f.errLabels["logo"])),
	)
	body := container.NewGridWithColumns(2, widget.NewCard("", "Cégadatok", company), right)
	buttons := container.NewHBox(layout.NewSpacer(), widget.NewButton("Mégse", func() { f.dialog.Hide() }), f.save)
	return container.NewBorder(nil, container.NewVBox(f.summary, buttons), nil, nil, container.NewVScroll(body))
}

// fieldChanged marks the field key touched and validates the form.
func (f *sellerForm) fieldChanged(key string) { f.touched[key] = true; f.validate() }

// fill puts the stored profile into the fields without marking them touched.
func (f *sellerForm) fill() {
	s := f.original
	if s.Address.Country == "" {
		s.Address.Country = "HU"
	}
	values := map[string]string{
		"name": s.Name, "taxNumber": s.TaxNumber, "euVatNumber": s.EUVATNumber,
		"address.country": s.Address.Country, "address.postalCode": s.Address.PostalCode,
		"address.city": s.Address.City, "address.street": s.Address.Street,
		"bankAccount": s.BankAccount, "email": s.Email, "phone": s.Phone,
	}
	for key, v := range values {
		f.entries[key].SetText(v)
	}
	f.cashAcc.SetChecked(s.CashAccounting)
	f.vatExempt.SetChecked(s.VATExempt)
	f.logo.set("", s.Logo)
	f.numbering.fill(f.settings)
	f.touched = map[string]bool{}
	f.validate()
}

// seller reads the fields into a normalised seller.
func (f *sellerForm) seller() domain.Seller {
	text := func(key string) string { return f.entries[key].Text }
	s := domain.Seller{
		Name: text("name"), TaxNumber: text("taxNumber"), EUVATNumber: text("euVatNumber"),
		Address: domain.Address{Country: text("address.country"), PostalCode: text("address.postalCode"),
			City: text("address.city"), Street: text("address.street")},
		BankAccount: text("bankAccount"), Email: text("email"), Phone: text("phone"),
		Logo: f.logo.data, CashAccounting: f.cashAcc.Checked, VATExempt: f.vatExempt.Checked,
	}
	s.Normalize()
	return s
}

// validate shows the messages of the touched fields, lists the remaining
// problems in the summary and enables Mentés only when nothing is wrong.
func (f *sellerForm) validate() {
	if f.numbering == nil || f.numbering.days == nil || len(f.entries) < len(sellerFields) {
		return // called while the widgets are being built
	}
	s := f.seller()
	byField := map[string]string{}
	var pending []string
	for _, fe := range domain.FieldErrors(s.Validate()) {
		byField[fe.Field] = fe.Message
		pending = append(pending, fe.Label)
	}
	_, problems := f.numbering.read()
	for _, fe := range problems {
		if byField[fe.Field] == "" {
			byField[fe.Field] = fe.Message
			pending = append(pending, fe.Label)
		}
	}
	// The numbering fields depend on each other (the two prefixes must
	// differ), so editing one shows the messages of all of them.
	numberingTouched := false
	for _, key := range numberingKeys {
		numberingTouched = numberingTouched || f.touched[key]
	}
	for key, l := range f.errLabels {
		msg := byField[key]
		if !f.touched[key] && key != "logo" && !(numberingTouched && slices.Contains(numberingKeys, key)) {
			msg = ""
		}
		setMessage(l, msg)
	}
	f.numbering.showExample()
	if len(pending) == 0 {
		setMessage(f.summary, "")
		f.save.Enable()
		return
	}
	setMessage(f.summary, "Mentés előtt javítandó: "+strings.Join(pending, ", "))
	f.save.Disable()
}

func (f *sellerForm) onSaveTapped() {
	if f.save.Disabled() {
		return
	}
	s := f.seller()
	settings, _ := f.numbering.read()
	if err := f.onSave(&s, settings); err != nil {
		// Keep what was typed and say what the service refused.
		setMessage(f.summary, domain.ErrorMessage(err))
		fyne.LogError("save seller", err)
		return
	}
	f.dialog.Hide()
}
