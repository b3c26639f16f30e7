package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// newKeyDialog is the Új kulcs dialog: the user pastes a key made in
// MiniCRM; it replaces the stored one only after it worked against the API.
type newKeyDialog struct {
	entry  *widget.Entry
	msg    *widget.Label
	ok     *widget.Button
	dialog *dialog.CustomDialog
}

func (s *miniCRMScreen) onNewKey() {
	k := &newKeyDialog{entry: widget.NewPasswordEntry(), msg: newMessageLabel()}
	k.entry.SetPlaceHolder("az új API kulcs")
	k.entry.OnSubmitted = func(string) { s.onReplaceKey(k) }
	k.ok = widget.NewButton("Ellenőrzés és csere", func() { s.onReplaceKey(k) })
	k.ok.Importance = widget.HighImportance
	help := widget.NewLabel("Készítsen új API kulcsot a MiniCRM-ben (Beállítások → Rendszer → Új API kulcs készítése), " +
		"és másolja ide. A program először kipróbálja, és csak akkor cseréli le vele a kulcstartóban tárolt kulcsot, ha működik.")
	help.Wrapping = fyne.TextWrapWord
	cancel := widget.NewButton("Mégse", func() { k.dialog.Hide() })
	content := container.NewVBox(help, k.entry, messageLine(k.msg, 2), container.NewHBox(layout.NewSpacer(), cancel, k.ok))
	k.dialog = dialog.NewCustomWithoutButtons("Új API kulcs", content, s.win)
	s.newKey = k
	k.dialog.Show()
	fitDialog(k.dialog, 560)
	s.win.Canvas().Focus(k.entry)
}

// onReplaceKey tests the dialog's key with the form's connection settings
// and stores it when it works; the dialog stays open with the cause when
// it does not.
func (s *miniCRMScreen) onReplaceKey(k *newKeyDialog) {
	if k.ok.Disabled() {
		return
	}
	key := strings.TrimSpace(k.entry.Text)
	if msg := domain.ValidateMiniCRMAPIKey(key); msg != "" {
		k.show(strings.ToUpper(msg[:1])+msg[1:]+".", widget.DangerImportance)
		return
	}
	settings, _ := s.formSettings()
	if err := settings.ValidateConnection(); err != nil {
		k.show(domain.ErrorMessage(err), widget.DangerImportance)
		return
	}
	k.ok.Disable()
	k.show("Az új kulcs kipróbálása…", widget.MediumImportance)
	s.startJob("Az új kulcs kipróbálása…")
	s.async(func() {
		mods, unchanged, err := s.svc.ReplaceKey(context.Background(), settings, key)
		fyne.Do(func() {
			s.busy = false
			k.ok.Enable()
			if err != nil {
				fyne.LogError("replace minicrm key", err)
				k.show(domain.ErrorMessage(err)+" A tárolt kulcs nem változott.", widget.DangerImportance)
				s.setStatus("", widget.MediumImportance)
				s.validate()
				return
			}
			k.entry.SetText("")
			k.dialog.Hide()
			if unchanged {
				s.setStatus("Ez a kulcs már el van mentve a kulcstartóban, nem kellett lecserélni.", widget.MediumImportance)
				s.validate()
				return
			}
			if s.keyState != domain.KeyFromEnvironment {
				s.keyState = domain.KeyInKeyring
			}
			s.keySystem = settings.SystemID
			s.setModules(mods)
			s.setStatus(s.successText("Az új kulcs működik, és a kulcstartóba mentettük a régi helyére.", mods), widget.SuccessImportance)
			s.validate()
		})
	})
}

// show writes the dialog's message line; the dialog grows when the text
// needs more than the lines kept for it.
func (k *newKeyDialog) show(text string, imp widget.Importance) {
	if k.msg.Text == text && k.msg.Importance == imp {
		return
	}
	k.msg.Importance = imp
	k.msg.SetText(text)
	fitDialog(k.dialog, 560)
}
