package ui

import (
	"context"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// Texts of the account dialogs that tests refer to.
const (
	acctCreateLabel = "Fiók létrehozása"
	acctAskLabel    = "Jelszó kérése a program indításakor"
	acctSetupIntro  = "Üdvözöljük! Első indításkor hozza létre a fiókját. A felhasználónevet és a jelszót " +
		"az előfizetések aktiválásakor kéri a program, és ha bekapcsolja, minden indításkor is. " +
		"A jelszót nem tároljuk, csak egy visszafejthetetlen lenyomatát."
)

var acctSetupFields = []acctField{
	{"userName", "Felhasználónév", false},
	{"password", "Jelszó (legalább 8 karakter)", true},
	{"passwordAgain", "Jelszó még egyszer", true},
}

// acctSetup is the first-start dialog that creates the owner account.
type acctSetup struct {
	form   *acctForm
	ask    *widget.Check
	dialog *dialog.CustomDialog
}

// acctShowSetup opens the first-start dialog: user name, password twice
// (at least 8 characters) and whether to ask for the password at every
// start. It cannot be dismissed; onDone (may be nil) runs after the
// account is stored.
func acctShowSetup(w fyne.Window, accounts *domain.AccountService, async func(func()), onDone func()) *acctSetup {
	s := &acctSetup{ask: widget.NewCheck(acctAskLabel, nil)}
	s.form = acctNewForm(acctSetupFields, acctCreateLabel, func(f *acctForm) []domain.FieldError {
		return domain.FieldErrors(domain.ValidateCredentials(f.text("userName"), f.text("password"), f.text("passwordAgain")))
	}, func() {
		f := s.form
		user, pass, again, ask := f.text("userName"), f.text("password"), f.text("passwordAgain"), s.ask.Checked
		f.setBusy(true)
		async(func() {
			err := accounts.Create(context.Background(), user, pass, again, ask)
			fyne.Do(func() {
				f.setBusy(false)
				if err != nil {
					f.showResult(err)
					return
				}
				s.dialog.Hide()
				if onDone != nil {
					onDone()
				}
			})
		})
	})
	intro := widget.NewLabel(acctSetupIntro)
	intro.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(intro, s.form.grid(), s.ask, s.form.message(2))
	s.dialog = dialog.NewCustomWithoutButtons("Fiók létrehozása", body, w)
	s.dialog.SetButtons([]fyne.CanvasObject{s.form.submit})
	s.dialog.Show()
	fitDialog(s.dialog, 560)
	w.Canvas().Focus(s.form.entries["userName"])
	return s
}

var acctLoginFields = []acctField{
	{"userName", "Felhasználónév", false},
	{"password", "Jelszó", true},
}

// acctLogin is the start-up login screen.
type acctLogin struct {
	form *acctForm
}

// StartWithAccount puts content into w once the owner may see it: at
// once, or after the start-up login when the owner asked for one, and then
// calls onShown (main.go enables the menu and shortcuts there, so that no
// shortcut reaches the data past the login). With no account yet it shows
// content, and the Előfizetések tab asks for the account at once. If the
// account cannot be read, w shows the error: the data stays hidden rather
// than unprotected.
func StartWithAccount(w fyne.Window, accounts *domain.AccountService, content fyne.CanvasObject, onShown func()) {
	acctStart(w, accounts, content, onShown, func(f func()) { go f() })
}

func acctStart(w fyne.Window, accounts *domain.AccountService, content fyne.CanvasObject, onShown func(), async func(func())) *acctLogin {
	show := func() {
		w.SetContent(content)
		if onShown != nil {
			onShown()
		}
	}
	ask, err := accounts.AskAtStart(context.Background())
	switch {
	case domain.ErrorCode(err) == domain.ENotFound:
		show()
		return nil
	case err != nil:
		fyne.LogError("read account", err)
		ShowFatal(w, domain.ErrorMessage(err))
		return nil
	case !ask:
		show()
		return nil
	}
	return acctShowLogin(w, accounts, async, show)
}

// acctShowLogin fills w with the login and calls onSuccess after a good
// one. Wrong attempts count towards the lockout like at activation.
func acctShowLogin(w fyne.Window, accounts *domain.AccountService, async func(func()), onSuccess func()) *acctLogin {
	l := &acctLogin{}
	l.form = acctNewForm(acctLoginFields, subLoginLabel, func(f *acctForm) []domain.FieldError {
		return acctRequired(f, "userName", "password")
	}, func() {
		f := l.form
		user, pass := f.text("userName"), f.text("password")
		f.setBusy(true)
		async(func() {
			err := accounts.Login(context.Background(), user, pass)
			fyne.Do(func() {
				f.setBusy(false)
				if err != nil {
					f.showResult(err)
					f.clear("password")
					w.Canvas().Focus(f.entries["password"])
					return
				}
				onSuccess()
			})
		})
	})
	title := widget.NewLabelWithStyle(Title+" – Belépés", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	quit := widget.NewButtonWithIcon("Kilépés", theme.CancelIcon(), w.Close)
	buttons := container.NewHBox(layout.NewSpacer(), quit, l.form.submit)
	box := container.NewVBox(title, l.form.grid(), l.form.message(2), buttons)
	// The transparent rectangle gives the box a width, which the wrapping
	// error label needs; Center keeps the form compact in a big window.
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(460, 0))
	w.SetContent(container.NewCenter(container.NewStack(width, box)))
	w.Canvas().Focus(l.form.entries["userName"])
	return l
}
