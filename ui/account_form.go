package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
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
// form it checks on every keystroke and keeps the submit button disabled
// until check finds nothing wrong. Its messages go to one line below the
// fields, whose space is kept even while it is empty, so that nothing
// jumps as messages come and go: the first problem of a field the user
// has typed in ("Jelszó: legalább 8 karakter legyen"), or the service's
// answer to the last submit (wrong password, lock) until a field changes.
type acctForm struct {
	fields  []acctField
	entries map[string]*widget.Entry
	touched map[string]bool
	msg     *widget.Label // the message line
	submit  *widget.Button
	check   func(*acctForm) []domain.FieldError
	result  string // the service's answer to the last submit, "" for none
	busy    bool   // the submitted values are being checked
	filling bool   // the form itself is changing a field: not the user
}

func acctNewForm(fields []acctField, submitLabel string, check func(*acctForm) []domain.FieldError, onSubmit func()) *acctForm {
	f := &acctForm{fields: fields, entries: map[string]*widget.Entry{}, touched: map[string]bool{}, check: check,
		msg: newMessageLabel()}
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
		e.OnChanged = func(string) {
			if f.filling {
				return
			}
			f.touched[key] = true
			f.result = ""
			f.validate()
		}
		e.OnSubmitted = func(string) { f.submit.OnTapped() }
		f.entries[key] = e
	}
	f.validate()
	return f
}

// grid lays the fields out; the message line goes below it (f.msg).
func (f *acctForm) grid() *fyne.Container {
	g := container.New(layout.NewFormLayout())
	for _, fd := range f.fields {
		g.Add(widget.NewLabel(fd.label))
		g.Add(f.entries[fd.key])
	}
	return g
}

// message is the form's message line (see messageLine).
func (f *acctForm) message(lines int) fyne.CanvasObject { return messageLine(f.msg, lines) }

// newMessageLabel is a label for messageLine: wrapping, red by default,
// and always shown (an empty label still takes its line).
func newMessageLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.DangerImportance
	return l
}

// messageLine keeps the height of lines lines of text for l even while it
// is empty or shorter. Dialogs are centred, so a message that appeared or
// grew would move the fields as well; with its room kept nothing moves.
func messageLine(l *widget.Label, lines int) fyne.CanvasObject {
	sample := widget.NewLabel(strings.Repeat("\n", lines-1))
	strut := canvas.NewRectangle(color.Transparent)
	strut.SetMinSize(fyne.NewSize(0, sample.MinSize().Height))
	return container.NewStack(strut, l)
}

func (f *acctForm) text(key string) string { return f.entries[key].Text }

// clear empties a field without counting it as the user's change, so that
// a refused password does not turn into "kötelező" at once.
func (f *acctForm) clear(key string) {
	f.filling = true
	f.entries[key].SetText("")
	f.filling = false
	f.touched[key] = false
	f.validate()
}

// validate writes the message line and enables the submit button only
// when nothing is wrong and nothing is running.
func (f *acctForm) validate() {
	byField := map[string]string{}
	for _, fe := range f.check(f) {
		if byField[fe.Field] == "" {
			byField[fe.Field] = fe.Message
		}
	}
	text := f.result
	if text == "" {
		for _, fd := range f.fields {
			if msg := byField[fd.key]; msg != "" && f.touched[fd.key] {
				text = acctFieldName(fd.label) + ": " + msg
				break
			}
		}
	}
	if f.msg.Text != text {
		f.msg.SetText(text)
	}
	if len(byField) == 0 && !f.busy {
		f.submit.Enable()
	} else {
		f.submit.Disable()
	}
}

// acctFieldName is a field's label without its hint: "Jelszó (legalább 8
// karakter)" is "Jelszó" in a message.
func acctFieldName(label string) string {
	name, _, _ := strings.Cut(label, " (")
	return name
}

// setBusy disables the form's button while the service works.
func (f *acctForm) setBusy(busy bool) {
	f.busy = busy
	f.validate()
}

// showResult shows the service's refusal in the message line; nil clears
// it.
func (f *acctForm) showResult(err error) {
	f.result = ""
	if err != nil {
		fyne.LogError("account", err)
		f.result = domain.ErrorMessage(err)
	}
	f.validate()
}

// fitDialog sizes d to width and to the height of its content, so that no
// empty band is left above the buttons. Two passes: the first gives the
// wrapping labels their width, the second measures their height. Height 0
// lets the dialog follow its content when a message takes more lines.
func fitDialog(d dialog.Dialog, width float32) {
	for range 2 {
		d.Resize(fyne.NewSize(width, 0))
	}
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
