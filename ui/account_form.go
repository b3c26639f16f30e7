package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// acctField is one entry of a credentials form, keyed by the domain's
// field name ("userName", "password", "passwordAgain", "currentPassword").
type acctField struct {
	key, label string
	secret     bool
}

// acctForm is the small form the account dialogs share. Like the customer
// form it checks on every keystroke, shows a field's message once the user
// has typed in it, and keeps the submit button disabled until check finds
// nothing wrong. result shows the service's answer (wrong password, lock).
type acctForm struct {
	fields  []acctField
	entries map[string]*widget.Entry
	errs    map[string]*widget.Label
	touched map[string]bool
	result  *widget.Label
	submit  *widget.Button
	check   func(*acctForm) []domain.FieldError
	busy    bool // the submitted values are being checked
}

func acctNewForm(fields []acctField, submitLabel string, check func(*acctForm) []domain.FieldError, onSubmit func()) *acctForm {
	f := &acctForm{fields: fields, entries: map[string]*widget.Entry{}, errs: map[string]*widget.Label{},
		touched: map[string]bool{}, result: newErrLabel(), check: check}
	f.submit = widget.NewButton(submitLabel, func() {
		if !f.submit.Disabled() {
			onSubmit()
		}
	})
	f.submit.Importance = widget.HighImportance
	for _, fd := range fields {
		e := widget.NewEntry()
		if fd.secret {
			e = widget.NewPasswordEntry()
		}
		key := fd.key
		e.OnChanged = func(string) { f.touched[key] = true; f.validate() }
		e.OnSubmitted = func(string) { f.submit.OnTapped() }
		f.entries[key] = e
		f.errs[key] = newErrLabel()
	}
	f.validate()
	return f
}

// grid lays the fields out with their messages under them.
func (f *acctForm) grid() *fyne.Container {
	g := container.New(layout.NewFormLayout())
	for _, fd := range f.fields {
		g.Add(widget.NewLabel(fd.label))
		g.Add(container.NewVBox(f.entries[fd.key], f.errs[fd.key]))
	}
	return g
}

func (f *acctForm) text(key string) string { return f.entries[key].Text }

// validate shows the touched fields' problems and enables the submit
// button only when there are none and nothing is running.
func (f *acctForm) validate() {
	byField := map[string]string{}
	for _, fe := range f.check(f) {
		byField[fe.Field] = fe.Message
	}
	for key, l := range f.errs {
		if msg := byField[key]; msg != "" && f.touched[key] {
			l.SetText(msg)
			l.Show()
		} else {
			l.Hide()
		}
	}
	if len(byField) == 0 && !f.busy {
		f.submit.Enable()
	} else {
		f.submit.Disable()
	}
}

// setBusy disables the form's button while the service works.
func (f *acctForm) setBusy(busy bool) {
	f.busy = busy
	f.validate()
}

// showResult shows the service's refusal under the form; nil hides it.
func (f *acctForm) showResult(err error) {
	if err == nil {
		f.result.Hide()
		return
	}
	fyne.LogError("account", err)
	f.result.SetText(domain.ErrorMessage(err))
	f.result.Show()
}

// acctRequired reports the empty ones of keys as "kötelező".
func acctRequired(f *acctForm, keys ...string) []domain.FieldError {
	var out []domain.FieldError
	for _, k := range keys {
		if strings.TrimSpace(f.text(k)) == "" {
			out = append(out, domain.FieldError{Field: k, Message: "kötelező"})
		}
	}
	return out
}
