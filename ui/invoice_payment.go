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

// paymentForm records a payment against an issued document. It checks the
// payment as the user types by applying it to a copy of the document with
// the domain's own rule (Invoice.AddPayment), so partial payments, dates
// before the issue date and overpayments get the domain's messages inline.
type paymentForm struct {
	doc    *domain.Invoice
	onSave func(domain.Payment) error

	date, amount *widget.Entry
	method       *widget.Select
	errLabels    map[string]*widget.Label // by domain field: date, amount, method
	summary      *widget.Label
	save         *widget.Button
	dialog       *dialog.CustomDialog
}

// showPaymentForm opens the payment dialog of doc with the date set to
// today and the amount to what is outstanding.
func showPaymentForm(w fyne.Window, doc *domain.Invoice, today domain.Date, onSave func(domain.Payment) error) *paymentForm {
	f := &paymentForm{doc: doc, onSave: onSave, errLabels: map[string]*widget.Label{}}
	for _, key := range []string{"date", "amount", "method"} {
		f.errLabels[key] = newErrLabel()
	}
	f.date = widget.NewEntry()
	f.date.SetText(today.FormatHU())
	f.amount = widget.NewEntry()
	if left, err := doc.Outstanding(); err == nil {
		f.amount.SetText(decimalInput(left, doc.Currency.Decimals()))
	}
	var methods []string
	for _, m := range domain.PaymentMethods() {
		methods = append(methods, m.Label())
	}
	f.method = widget.NewSelect(methods, func(string) { f.validate() })
	f.method.SetSelected(doc.PaymentMethod.Label())
	f.date.OnChanged = func(string) { f.validate() }
	f.amount.OnChanged = func(string) { f.validate() }
	f.summary = newErrLabel()
	f.save = widget.NewButton("Rögzítés", f.onSaveTapped)
	f.save.Importance = widget.HighImportance

	f.dialog = dialog.NewCustomWithoutButtons("Fizetés rögzítése – "+doc.Number, f.buildUI(), w)
	f.validate()
	f.dialog.Resize(fyne.NewSize(520, 0))
	f.dialog.Show()
	w.Canvas().Focus(f.amount)
	return f
}

func (f *paymentForm) buildUI() fyne.CanvasObject {
	info := widget.NewLabel(f.doc.Buyer.Name + "\n" + f.amountsText())
	info.Wrapping = fyne.TextWrapWord
	amount := container.NewBorder(nil, nil, nil, widget.NewLabel(f.doc.Currency.Symbol()), f.amount)
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel("Dátum"), container.NewVBox(f.date, f.errLabels["date"]),
		widget.NewLabel("Összeg"), container.NewVBox(amount, f.errLabels["amount"]),
		widget.NewLabel("Fizetési mód"), container.NewVBox(f.method, f.errLabels["method"]),
	)
	buttons := container.NewHBox(layout.NewSpacer(), widget.NewButton("Mégse", func() { f.dialog.Hide() }), f.save)
	return container.NewVBox(info, form, f.summary, buttons)
}

// amountsText tells what is payable, what is paid and what is left.
func (f *paymentForm) amountsText() string {
	t, err := f.doc.Totals()
	if err != nil {
		return ""
	}
	c := f.doc.Currency
	paid := domain.FormatDecimalHU(f.doc.PaidAmount(), c.Decimals()) + domain.HUSpace + c.Symbol()
	left, _ := f.doc.Outstanding()
	return "Fizetendő: " + t.Payable.String() + ", eddig fizetve: " + paid +
		", hátralék: " + domain.FormatDecimalHU(left, c.Decimals()) + domain.HUSpace + c.Symbol()
}

// payment reads the fields; msgs holds the fields that are not even a date
// or a number.
func (f *paymentForm) payment() (p domain.Payment, msgs map[string]string) {
	msgs = map[string]string{}
	var msg string
	if p.Date, msg = parseDateField(f.date.Text); msg != "" {
		msgs["date"] = msg
	}
	if p.Amount, msg = parseDecimalField(f.amount.Text); msg != "" {
		msgs["amount"] = msg
	}
	if i := f.method.SelectedIndex(); i >= 0 {
		p.Method = domain.PaymentMethods()[i]
	}
	return p, msgs
}

func (f *paymentForm) validate() {
	if f.save == nil {
		return // called while the widgets are being built
	}
	p, msgs := f.payment()
	trial := *f.doc
	trial.Payments = slices.Clone(f.doc.Payments)
	err := trial.AddPayment(p)
	for _, fe := range domain.FieldErrors(err) {
		if msgs[fe.Field] == "" {
			msgs[fe.Field] = fe.Message
		}
	}
	for key, l := range f.errLabels {
		setMessage(l, msgs[key])
	}
	switch {
	case len(msgs) > 0:
		f.summary.Hide()
		f.save.Disable()
	case err != nil: // not about a field: the document cannot be paid
		f.summary.SetText(domain.ErrorMessage(err))
		f.summary.Show()
		f.save.Disable()
	default:
		f.summary.Hide()
		f.save.Enable()
	}
}

func (f *paymentForm) onSaveTapped() {
	if f.save.Disabled() {
		return
	}
	p, _ := f.payment()
	if err := f.onSave(p); err != nil {
		fyne.LogError("add payment", err)
		msg := domain.ErrorMessage(err)
		if fes := domain.FieldErrors(err); len(fes) > 0 {
			parts := make([]string, len(fes))
			for i, fe := range fes {
				parts[i] = fe.String()
			}
			msg = strings.Join(parts, "\n")
		}
		f.summary.SetText(msg)
		f.summary.Show()
		return
	}
	f.dialog.Hide()
}
