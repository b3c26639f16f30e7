package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// acctCard is the Fiók section of the Előfizetések tab: the user name, the
// start-up password setting and Jelszó módosítása. On the first start,
// when there is no account yet, it opens the account setup.
type acctCard struct {
	win      fyne.Window
	accounts *domain.AccountService
	async    func(func())

	user     *widget.Label
	ask      *widget.Check
	change   *widget.Button
	filling  bool // refresh is setting the check: not the user's choice
	asked    bool // the setup was opened once; it cannot be dismissed
	lastPass *acctPassword
	setup    *acctSetup
}

func acctNewCard(w fyne.Window, accounts *domain.AccountService, async func(func())) *acctCard {
	return &acctCard{win: w, accounts: accounts, async: async}
}

func (c *acctCard) buildUI() fyne.CanvasObject {
	c.user = widget.NewLabel("")
	c.ask = widget.NewCheck(acctAskLabel, c.onAskChanged)
	c.change = widget.NewButton("Jelszó módosítása", c.onChange)
	info := container.New(layout.NewFormLayout(), widget.NewLabel("Felhasználónév"), c.user)
	return widget.NewCard("Fiók", "", container.NewVBox(info, c.ask, container.NewHBox(c.change)))
}

// refresh reads the account; with none yet it asks for one (once).
func (c *acctCard) refresh() {
	c.async(func() {
		ctx := context.Background()
		name, err := c.accounts.UserName(ctx)
		ask := false
		if err == nil {
			ask, err = c.accounts.AskAtStart(ctx)
		}
		fyne.Do(func() {
			switch {
			case domain.ErrorCode(err) == domain.ENotFound:
				c.user.SetText("még nincs fiók")
				c.ask.Disable()
				c.change.Disable()
				if !c.asked {
					c.asked = true
					c.setup = acctShowSetup(c.win, c.accounts, c.async, c.refresh)
				}
			case err != nil:
				showError(c.win, "read account", err)
			default:
				c.user.SetText(name)
				c.filling = true
				c.ask.SetChecked(ask)
				c.filling = false
				c.ask.Enable()
				c.change.Enable()
			}
		})
	})
}

func (c *acctCard) onAskChanged(on bool) {
	if c.filling {
		return
	}
	c.async(func() {
		err := c.accounts.SetAskAtStart(context.Background(), on)
		fyne.Do(func() {
			if err != nil {
				showError(c.win, "save start-up login", err)
				c.refresh()
			}
		})
	})
}

func (c *acctCard) onChange() { c.lastPass = acctShowPasswordChange(c.win, c.accounts, c.async) }

var acctPasswordFields = []acctField{
	{"currentPassword", "Jelenlegi jelszó", true},
	{"password", "Új jelszó (legalább 8 karakter)", true},
	{"passwordAgain", "Új jelszó még egyszer", true},
}

// acctPassword is the Jelszó módosítása dialog.
type acctPassword struct {
	form   *acctForm
	dialog *dialog.CustomDialog
}

// acctShowPasswordChange opens the Jelszó módosítása dialog: the current
// password (a wrong one counts towards the lockout) and the new one twice.
func acctShowPasswordChange(w fyne.Window, accounts *domain.AccountService, async func(func())) *acctPassword {
	d := &acctPassword{}
	d.form = acctNewForm(acctPasswordFields, "Mentés", func(f *acctForm) []domain.FieldError {
		fes := acctRequired(f, "currentPassword")
		return append(fes, domain.FieldErrors(domain.ValidateNewPassword(f.text("password"), f.text("passwordAgain")))...)
	}, func() {
		f := d.form
		cur, pass, again := f.text("currentPassword"), f.text("password"), f.text("passwordAgain")
		f.setBusy(true)
		async(func() {
			err := accounts.ChangePassword(context.Background(), cur, pass, again)
			fyne.Do(func() {
				f.setBusy(false)
				if err != nil {
					f.showResult(err)
					return
				}
				d.dialog.Hide()
				showInfo(w, "Jelszó módosítása", "Az új jelszót elmentettük. Ezentúl ezzel léphet be és aktiválhat.")
			})
		})
	})
	body := container.NewVBox(d.form.grid(), d.form.message(2))
	d.dialog = dialog.NewCustomWithoutButtons("Jelszó módosítása", body, w)
	d.dialog.SetButtons([]fyne.CanvasObject{widget.NewButton("Mégse", d.dialog.Hide), d.form.submit})
	d.dialog.Show()
	fitDialog(d.dialog, 520)
	w.Canvas().Focus(d.form.entries["currentPassword"])
	return d
}
