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

// Texts of the NAV tab that tests refer to.
const (
	navIntroText = "A kiállított számlákat és sztornó számlákat a program automatikusan beküldi a NAV Online Számla " +
		"rendszerébe. Ehhez a NAV Online Számla felületén (onlineszamla.nav.gov.hu) létrehozott technikai felhasználó " +
		"adatai kellenek. A jelszót és a kulcsokat csak az operációs rendszer kulcstartója őrzi."
	navStoredText  = "el van mentve a kulcstartóban – üresen hagyva megmarad"
	navProdWarning = "Éles rendszerben minden beküldött számla valódi adatszolgáltatás a NAV felé, és nem vonható vissza. " +
		"Csak akkor kapcsolja be, ha a tesztrendszerben minden rendben működött, és a technikai felhasználót az éles " +
		"Online Számla felületen hozta létre (a teszt- és az éles kulcsok különböznek)."
	navTestEnvText = "Tesztrendszer (api-test.onlineszamla.nav.gov.hu): a beküldött számlák nem számítanak adatszolgáltatásnak."
	navProdEnvText = "ÉLES rendszer: a beküldött számlák valódi adatszolgáltatásnak számítanak."
)

// navSettingsScreen is the NAV beállítások tab: the technical user, the
// seller's tax number, the secrets (kept only in the OS keyring; a stored
// secret is never shown) and the test/live switch. Service calls may block
// (keyring, network), so they run through async and report with fyne.Do.
type navSettingsScreen struct {
	win   fyne.Window
	svc   *domain.NAVService
	async func(func())

	login, taxNumber         *widget.Entry
	password, sign, exchange *widget.Entry
	production               *widget.Check
	envLabel                 *widget.Label
	errLabels                map[string]*widget.Label
	status                   *widget.Label
	save, test               *widget.Button

	setup   domain.NAVSetup
	busy    bool
	filling bool
}

// navNewSettingsScreen builds the tab's logic; buildUI makes its widgets.
func navNewSettingsScreen(w fyne.Window, svc *domain.NAVService) *navSettingsScreen {
	return &navSettingsScreen{win: w, svc: svc, async: func(f func()) { go f() }, errLabels: map[string]*widget.Label{}}
}

// buildUI returns the tab's content and starts loading the saved settings.
func (s *navSettingsScreen) buildUI() fyne.CanvasObject {
	s.login = widget.NewEntry()
	s.login.SetPlaceHolder("a technikai felhasználó neve")
	s.taxNumber = widget.NewEntry()
	s.taxNumber.SetPlaceHolder("12345676-2-42")
	s.password, s.sign, s.exchange = widget.NewPasswordEntry(), widget.NewPasswordEntry(), widget.NewPasswordEntry()
	s.production = widget.NewCheck("Éles rendszer", s.onProduction)
	s.envLabel = widget.NewLabel(navTestEnvText)
	s.envLabel.Wrapping = fyne.TextWrapWord
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.test = widget.NewButton("Kapcsolat tesztelése", s.onTest)
	s.save = widget.NewButton("Mentés", s.onSave)
	s.save.Importance = widget.HighImportance

	intro := widget.NewLabel(navIntroText)
	intro.Wrapping = fyne.TextWrapWord
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel("Technikai felhasználó"), s.navField("login", s.login),
		widget.NewLabel("Jelszó"), s.navField(domain.NAVSecretPassword, s.password),
		widget.NewLabel("Aláírókulcs"), s.navField(domain.NAVSecretSignKey, s.sign),
		widget.NewLabel("Cserekulcs"), s.navField(domain.NAVSecretExchangeKey, s.exchange),
		widget.NewLabel("Eladó adószáma"), s.navField("taxNumber", s.taxNumber),
		widget.NewLabel("Rendszer"), container.NewVBox(s.production, s.envLabel),
	)
	buttons := container.NewHBox(layout.NewSpacer(), s.test, s.save)
	bottom := container.NewVBox(widget.NewSeparator(), s.status, buttons)
	return container.NewBorder(nil, bottom, nil, nil, container.NewVScroll(container.NewVBox(intro, form)))
}

func (s *navSettingsScreen) navField(key string, o fyne.CanvasObject) *fyne.Container {
	s.errLabels[key] = newErrLabel()
	return container.NewVBox(o, s.errLabels[key])
}

// load reads the settings and which secrets are stored.
func (s *navSettingsScreen) load() {
	s.setBusy(true, "A beállítások betöltése…", widget.MediumImportance)
	s.async(func() {
		setup, err := s.svc.Setup(context.Background())
		fyne.Do(func() {
			s.setBusy(false, "", widget.MediumImportance)
			s.setStatus("", widget.MediumImportance)
			if err != nil {
				fyne.LogError("load nav settings", err)
				s.setStatus(domain.ErrorMessage(err), widget.DangerImportance)
			}
			s.fill(setup)
		})
	})
}

// fill shows the settings; secret entries stay empty, their placeholder
// tells whether one is stored.
func (s *navSettingsScreen) fill(setup domain.NAVSetup) {
	s.filling = true
	defer func() { s.filling = false }()
	s.setup = setup
	s.login.SetText(setup.Settings.Login)
	s.taxNumber.SetText(setup.Settings.TaxNumber)
	s.production.SetChecked(setup.Settings.Production)
	s.showEnvironment()
	for kind, e := range map[string]*widget.Entry{domain.NAVSecretPassword: s.password, domain.NAVSecretSignKey: s.sign, domain.NAVSecretExchangeKey: s.exchange} {
		e.SetText("")
		switch {
		case setup.Stored[kind]:
			e.SetPlaceHolder(navStoredText)
		case kind == domain.NAVSecretExchangeKey:
			e.SetPlaceHolder("16 karakter, a NAV felületén kapott XML-cserekulcs")
		default:
			e.SetPlaceHolder("")
		}
	}
	if !setup.Ready() && s.status.Importance != widget.DangerImportance {
		s.setStatus(domain.NAVNotSetUpMessage, widget.WarningImportance)
	}
}

// onProduction asks before switching to the live system.
func (s *navSettingsScreen) onProduction(on bool) {
	if s.filling || !on {
		s.showEnvironment()
		return
	}
	dialog.ShowCustomConfirm("Éles NAV rendszer", "Bekapcsolom", "Mégse", messageLabel(navProdWarning), func(ok bool) {
		if !ok {
			s.filling = true
			s.production.SetChecked(false)
			s.filling = false
		}
		s.showEnvironment()
	}, s.win)
}

func (s *navSettingsScreen) showEnvironment() {
	if s.production.Checked {
		s.envLabel.SetText(navProdEnvText)
		s.envLabel.Importance = widget.DangerImportance
	} else {
		s.envLabel.SetText(navTestEnvText)
		s.envLabel.Importance = widget.MediumImportance
	}
	s.envLabel.Refresh()
}

func (s *navSettingsScreen) values() (domain.NAVSettings, domain.NAVSecrets) {
	return domain.NAVSettings{Login: s.login.Text, TaxNumber: s.taxNumber.Text, Production: s.production.Checked},
		domain.NAVSecrets{Password: s.password.Text, SignKey: s.sign.Text, ExchangeKey: s.exchange.Text}
}

func (s *navSettingsScreen) onSave() {
	settings, secrets := s.values()
	s.setBusy(true, "Mentés…", widget.MediumImportance)
	s.async(func() {
		ctx := context.Background()
		err := s.svc.Save(ctx, &settings, secrets)
		var setup domain.NAVSetup
		if err == nil {
			setup, err = s.svc.Setup(ctx)
		}
		fyne.Do(func() {
			s.setBusy(false, "", widget.MediumImportance)
			if s.showErrors(err) {
				return
			}
			s.fill(setup)
			if setup.Ready() {
				s.setStatus("Elmentve. A program a "+setup.Settings.Environment()+"be küldi a számlákat.", widget.SuccessImportance)
			}
		})
	})
}

func (s *navSettingsScreen) onTest() {
	settings, secrets := s.values()
	s.setBusy(true, "Kapcsolódás a NAV-hoz…", widget.MediumImportance)
	s.async(func() {
		err := s.svc.Test(context.Background(), settings, secrets)
		fyne.Do(func() {
			s.setBusy(false, "", widget.MediumImportance)
			if !s.showErrors(err) {
				s.setStatus("A kapcsolat működik: a NAV elfogadta a technikai felhasználót ("+settings.Environment()+").", widget.SuccessImportance)
			}
		})
	})
}

// showErrors shows err's field errors under the fields and its message in
// the status line; it reports whether there was an error.
func (s *navSettingsScreen) showErrors(err error) bool {
	for _, l := range s.errLabels {
		l.SetText("")
		l.Hide()
	}
	if err == nil {
		return false
	}
	for _, f := range domain.FieldErrors(err) {
		if l, ok := s.errLabels[f.Field]; ok {
			l.SetText(f.Message)
			l.Show()
		}
	}
	s.setStatus(domain.ErrorMessage(err), widget.DangerImportance)
	return true
}

func (s *navSettingsScreen) setBusy(busy bool, text string, imp widget.Importance) {
	s.busy = busy
	if busy {
		s.save.Disable()
		s.test.Disable()
		s.setStatus(text, imp)
	} else {
		s.save.Enable()
		s.test.Enable()
	}
}

func (s *navSettingsScreen) setStatus(text string, imp widget.Importance) {
	s.status.Importance = imp
	s.status.SetText(text)
	s.status.Refresh()
}
