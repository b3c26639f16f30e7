package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

const (
	kindCompanyLabel = "Cég"
	kindPersonLabel  = "Magánszemély"
)

// customerForm is the add/edit dialog of a customer. It validates on every
// keystroke, shows each field's message under the field once the user has
// touched it, and keeps Mentés disabled until the whole customer is valid.
type customerForm struct {
	original domain.Customer
	onSave   func(*domain.Customer) error

	kind       *widget.RadioGroup
	entries    map[string]*widget.Entry // by domain field name
	errLabels  map[string]*widget.Label
	touched    map[string]bool
	hasMailing *widget.Check
	mailingBox *fyne.Container
	summary    *widget.Label
	save       *widget.Button
	dialog     *dialog.CustomDialog
	buttons    *fyne.Container // Mégse, Mentés; histAttach puts Előzmények in front
	history    *histDialog     // the open Előzmények dialog, for tests
}

var (
	customerFields = []formField{
		{"name", "Név", "pl. Minta Kft."},
		{"taxNumber", "Adószám", "12345676-2-42"},
		{"euVatNumber", "Közösségi adószám", "HU12345676"},
		{"email", "E-mail", "info@minta.hu"},
		{"phone", "Telefon", "+36 1 234 5678"},
		{"bankAccount", "Bankszámlaszám", "11773016-11111018 vagy IBAN"},
	}
	billingFields = addressFields("billingAddress")
	mailingFields = addressFields("mailingAddress")
)

func addressFields(prefix string) []formField {
	return []formField{
		{prefix + ".country", "Ország", "HU"},
		{prefix + ".postalCode", "Irányítószám", "1111"},
		{prefix + ".city", "Város", "Budapest"},
		{prefix + ".street", "Utca, házszám", "Fő utca 1."},
	}
}

func newCustomerForm(c domain.Customer, onSave func(*domain.Customer) error) *customerForm {
	f := &customerForm{
		original:  c,
		onSave:    onSave,
		entries:   map[string]*widget.Entry{},
		errLabels: map[string]*widget.Label{},
		touched:   map[string]bool{},
	}
	f.kind = widget.NewRadioGroup([]string{kindCompanyLabel, kindPersonLabel}, func(string) { f.validate() })
	f.kind.Horizontal = true
	f.kind.Required = true
	f.summary = widget.NewLabel("")
	f.summary.Wrapping = fyne.TextWrapWord
	f.summary.Importance = widget.DangerImportance
	f.save = widget.NewButton("Mentés", f.onSaveTapped)
	f.save.Importance = widget.HighImportance
	f.hasMailing = widget.NewCheck("Eltérő levelezési cím", func(on bool) {
		if on {
			f.mailingBox.Show()
		} else {
			f.mailingBox.Hide()
		}
		f.validate()
	})
	return f
}

// buildUI returns the form's content; fill must run after it.
func (f *customerForm) buildUI() fyne.CanvasObject {
	note := widget.NewMultiLineEntry()
	note.SetMinRowsVisible(2)
	f.entries["note"] = note
	f.errLabels["note"] = newErrLabel()

	main := f.grid(customerFields)
	main.Objects = append([]fyne.CanvasObject{widget.NewLabel("Típus"), f.kind}, main.Objects...)
	f.mailingBox = container.NewVBox(f.grid(mailingFields))
	note.OnChanged = func(string) { f.touched["note"] = true; f.validate() }
	body := container.NewVBox(
		main,
		widget.NewCard("", "Számlázási cím", f.grid(billingFields)),
		f.hasMailing, f.mailingBox,
		container.New(layout.NewFormLayout(), widget.NewLabel("Megjegyzés"), container.NewVBox(note, f.errLabels["note"])),
	)
	if f.original.MiniCRMID != 0 {
		body.Add(widget.NewLabel("MiniCRM azonosító: " + itoa64(f.original.MiniCRMID)))
	}
	f.buttons = container.NewHBox(layout.NewSpacer(), widget.NewButton("Mégse", func() { f.dialog.Hide() }), f.save)
	return container.NewBorder(nil, container.NewVBox(f.summary, f.buttons), nil, nil, container.NewVScroll(body))
}

func (f *customerForm) grid(fields []formField) *fyne.Container {
	return labelledEntries(fields, f.entries, f.errLabels, f.fieldChanged, f.onSaveTapped)
}

// fieldChanged marks the field key touched and validates the form.
func (f *customerForm) fieldChanged(key string) { f.touched[key] = true; f.validate() }

// fill puts the customer's data into the fields without marking them touched.
func (f *customerForm) fill() {
	c := f.original
	if c.Kind == domain.KindPerson {
		f.kind.SetSelected(kindPersonLabel)
	} else {
		f.kind.SetSelected(kindCompanyLabel)
	}
	values := map[string]string{
		"name": c.Name, "taxNumber": c.TaxNumber, "euVatNumber": c.EUVATNumber, "email": c.Email,
		"phone": c.Phone, "bankAccount": c.BankAccount, "note": c.Note,
	}
	putAddress(values, "billingAddress", c.BillingAddress)
	if c.MailingAddress != nil {
		putAddress(values, "mailingAddress", *c.MailingAddress)
	}
	for key, v := range values {
		f.entries[key].SetText(v)
	}
	f.hasMailing.SetChecked(c.MailingAddress != nil)
	if c.MailingAddress == nil {
		f.mailingBox.Hide()
	}
	f.touched = map[string]bool{}
	f.validate()
}

func putAddress(values map[string]string, prefix string, a domain.Address) {
	if a.Country == "" {
		a.Country = "HU"
	}
	values[prefix+".country"] = a.Country
	values[prefix+".postalCode"] = a.PostalCode
	values[prefix+".city"] = a.City
	values[prefix+".street"] = a.Street
}

// customer reads the fields into a normalised customer.
func (f *customerForm) customer() domain.Customer {
	c := f.original
	c.Kind = domain.KindCompany
	if f.kind.Selected == kindPersonLabel {
		c.Kind = domain.KindPerson
	}
	text := func(key string) string { return f.entries[key].Text }
	c.Name, c.TaxNumber, c.EUVATNumber = text("name"), text("taxNumber"), text("euVatNumber")
	c.Email, c.Phone, c.BankAccount, c.Note = text("email"), text("phone"), text("bankAccount"), text("note")
	c.BillingAddress = f.address("billingAddress")
	c.MailingAddress = nil
	if f.hasMailing.Checked {
		m := f.address("mailingAddress")
		c.MailingAddress = &m
	}
	c.Normalize()
	return c
}

func (f *customerForm) address(prefix string) domain.Address {
	return domain.Address{
		Country: f.entries[prefix+".country"].Text, PostalCode: f.entries[prefix+".postalCode"].Text,
		City: f.entries[prefix+".city"].Text, Street: f.entries[prefix+".street"].Text,
	}
}

// validate shows the messages of the touched fields, lists the remaining
// problems in the summary and enables Mentés only when nothing is wrong.
func (f *customerForm) validate() {
	if f.mailingBox == nil {
		return // called while the widgets are being built
	}
	c := f.customer()
	if f.hasMailing.Checked && c.MailingAddress == nil {
		// An empty mailing address would be dropped by Normalize; while the
		// box is ticked, ask for it instead.
		c.MailingAddress = &domain.Address{Country: "HU"}
	}
	byField := map[string]string{}
	var pending []string
	for _, fe := range domain.FieldErrors(c.Validate()) {
		byField[fe.Field] = fe.Message
		pending = append(pending, fe.Label)
	}
	for key, l := range f.errLabels {
		if msg := byField[key]; msg != "" && f.touched[key] {
			l.SetText(msg)
			l.Show()
		} else {
			l.Hide()
		}
	}
	if len(pending) == 0 {
		f.summary.SetText("")
		f.summary.Hide()
		f.save.Enable()
		return
	}
	f.summary.SetText("Mentés előtt javítandó: " + strings.Join(pending, ", "))
	f.summary.Show()
	f.save.Disable()
}

func (f *customerForm) onSaveTapped() {
	if f.save.Disabled() {
		return
	}
	c := f.customer()
	if err := f.onSave(&c); err != nil {
		// A field error found by storage (e.g. a taken MiniCRM id) is shown
		// in the summary; anything else too, so the typed data stays.
		f.summary.SetText(domain.ErrorMessage(err))
		f.summary.Show()
		fyne.LogError("save customer", err)
		return
	}
	f.dialog.Hide()
}

// showCustomerForm opens the dialog for c (ID 0: a new customer).
func showCustomerForm(w fyne.Window, c domain.Customer, onSave func(*domain.Customer) error) *customerForm {
	f := newCustomerForm(c, onSave)
	title := "Új vevő"
	if c.ID != 0 {
		title = "Vevő szerkesztése"
	}
	f.dialog = dialog.NewCustomWithoutButtons(title, f.buildUI(), w)
	f.fill()
	f.dialog.Resize(fyne.NewSize(640, 680))
	f.dialog.Show()
	w.Canvas().Focus(f.entries["name"])
	return f
}
