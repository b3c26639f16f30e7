package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// Texts of the activation that tests refer to.
const (
	subLoginLabel = "Belépés"
	// subContinueLabel closes "Sikeres aktiválás". The original said
	// "Tovább a belépéshez" because it continued to the web login; here
	// the user is already in, so it continues to the Előfizetések tab.
	subContinueLabel = "Tovább"
	subActivateIntro = "Írja be a felhasználónevét és jelszavát, majd nyomja meg a Belépés gombot!"
)

// subActivation is the activation dialog the Aktiválás link opens: the
// page of the original service where the user logged in to activate.
type subActivation struct {
	p      *subPanel
	plan   domain.Plan
	user   *widget.Entry
	pass   *widget.Entry
	errMsg *widget.Label
	login  *widget.Button
	dialog *dialog.CustomDialog
}

// showActivation opens the activation of plan id.
func (p *subPanel) showActivation(id domain.PlanID) {
	plan, err := domain.PlanByID(id)
	if err != nil {
		showError(p.win, "open activation", err)
		return
	}
	a := &subActivation{p: p, plan: plan, user: widget.NewEntry(), pass: widget.NewPasswordEntry(), errMsg: newMessageLabel()}
	a.user.SetPlaceHolder("felhasználónév")
	a.pass.SetPlaceHolder("jelszó")
	a.login = widget.NewButton(subLoginLabel, a.onLogin)
	a.login.Importance = widget.HighImportance
	a.user.OnChanged = func(string) { a.updateLogin() }
	a.pass.OnChanged = func(string) { a.updateLogin() }
	a.pass.OnSubmitted = func(string) { a.onLogin() }
	a.updateLogin()

	intro := widget.NewLabel(subActivateIntro)
	intro.Wrapping = fyne.TextWrapWord
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel("Felhasználónév"), a.user,
		widget.NewLabel("Jelszó"), a.pass,
	)
	// The message line keeps its room, so a wrong password moves nothing.
	a.dialog = dialog.NewCustomWithoutButtons("Aktiválás: "+plan.Name, container.NewVBox(intro, form, messageLine(a.errMsg, 2)), p.win)
	a.dialog.SetButtons([]fyne.CanvasObject{widget.NewButton("Mégse", a.dialog.Hide), a.login})
	a.dialog.Show()
	fitDialog(a.dialog, 520)
	p.win.Canvas().Focus(a.user)
	p.lastActivation = a
}

// updateLogin enables Belépés once both fields are filled in.
func (a *subActivation) updateLogin() {
	if a.user.Text != "" && a.pass.Text != "" {
		a.login.Enable()
	} else {
		a.login.Disable()
	}
}

func (a *subActivation) onLogin() {
	if a.login.Disabled() {
		return
	}
	a.login.Disable()
	user, pass := a.user.Text, a.pass.Text
	a.p.async(func() {
		sub, err := a.p.svc.Activate(context.Background(), a.plan.ID, user, pass)
		fyne.Do(func() { a.done(sub, err) })
	})
}

// done shows the result: a wrong login stays in the dialog, with the
// count of attempts left; anything else closes it.
func (a *subActivation) done(sub domain.Subscription, err error) {
	switch {
	case errors.Is(err, domain.ErrWrongCredentials) || errors.Is(err, domain.ErrLoginLocked):
		fyne.LogError("activate subscription", err)
		a.errMsg.SetText(domain.ErrorMessage(err))
		fitDialog(a.dialog, 520) // a longer message may need another line
		a.pass.SetText("")
		a.p.win.Canvas().Focus(a.pass)
		return
	case err != nil:
		a.dialog.Hide()
		showError(a.p.win, "activate subscription", err)
		a.p.refresh()
		return
	}
	a.dialog.Hide()
	a.p.refresh()
	a.p.showActivated(a.plan, sub)
}

// showActivated is "Sikeres aktiválás"; Tovább leads to the Előfizetések
// tab, where the user can see that the service is active.
func (p *subPanel) showActivated(plan domain.Plan, sub domain.Subscription) {
	text := "Sikeresen aktiválta: " + plan.Name + ".\nÁllapot: " + sub.StateText() + ".\n\n" +
		"Az Előfizetések lapon ellenőrizheti, hogy előfizetett a szolgáltatásra."
	d := dialog.NewCustomWithoutButtons(domain.SubjectActivated, messageLabel(text), p.win)
	next := widget.NewButton(subContinueLabel, func() {
		d.Hide()
		p.showSubscriptions()
	})
	next.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{next})
	d.Resize(fyne.NewSize(480, 240))
	d.Show()
}
