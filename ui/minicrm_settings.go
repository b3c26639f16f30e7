package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// Texts of the tab that tests and other screens refer to.
const (
	keyStoredText = "a kulcs el van mentve a kulcstartóban"
	keyEnvText    = "a kulcs a KONNYUSZAMLA_MINICRM_API_KEY környezeti változóból jön (ezt nem mentjük el)"
	ipNoteText    = "Ezt a listát a MiniCRM a saját oldalán érvényesíti: az API csak ezekről a címekről lesz elérhető. " +
		"Ha üresen hagyja, bárhonnan elérhető. Egy sorba egy IP-cím vagy CIDR-tartomány kerüljön (pl. 203.0.113.7 vagy 203.0.113.0/24)."
	demoNoteText = "Demó rendszerrel csak letölteni lehet a vevőket: a program semmit nem ír a MiniCRM-be " +
		"(új vevőt, díjbekérőt és számlát sem tölt fel)."
	introText = "A MiniCRM rendszer számát és API kulcsát a MiniCRM-be belépve, a Beállítások → Rendszer képernyőn találja. " +
		"A legegyszerűbb, ha a teljes API URL-t (pl. https://98:d9cb…a572@r3.minicrm.hu/Api/R3) bemásolja az első mezőbe."
)

// miniCRMScreen is the MiniCRM beállítások tab: the connection settings,
// the API key (kept only in the OS keyring; the form never shows a stored
// key), the live connection test and the module pickers. Every service
// call may block (the keyring up to its timeout, the network longer), so
// each one runs through async and reports back with fyne.Do.
type miniCRMScreen struct {
	win   fyne.Window
	svc   *domain.MiniCRMService
	conn  domain.MiniCRMConnector
	async func(func()) // runs service calls off the UI goroutine; tests run them inline

	paste      *widget.Entry
	pasteMsg   *widget.Label
	systemID   *widget.Entry
	apiKey     *widget.Entry // a new key typed or pasted here, stored on Mentés
	keyEntry   *fyne.Container
	keyStored  *fyne.Container
	keyLabel   *widget.Label
	newKeyBtn  *widget.Button
	company    *widget.Entry
	allowedIPs *widget.Entry
	demo       *widget.Check
	customers  *widget.SelectEntry
	invoices   *widget.SelectEntry
	baseURL    *widget.Entry
	advanced   *widget.Accordion
	errLabels  map[string]*widget.Label
	touched    map[string]bool
	summary    *widget.Label
	status     *widget.Label
	save, test *widget.Button

	keyState  domain.KeyStatus
	keySystem string // the system id keyState was read for
	modules   []domain.MiniCRMModule
	options   []string // the pickers' choices, "Név (id)"
	loading   bool     // settings are being read
	busy      bool     // a save, test or key replacement is running
	filling   bool     // fill is writing the widgets: nothing is "touched"
	lastPaste string
	newKey    *newKeyDialog // the open (or last) Új kulcs dialog
}

// newMiniCRMScreen builds the tab's logic over the settings store, the
// keyring and the MiniCRM connector; buildUI makes its widgets.
func newMiniCRMScreen(w fyne.Window, settings domain.MiniCRMSettingsStore, secrets domain.SecretStore, conn domain.MiniCRMConnector) *miniCRMScreen {
	return &miniCRMScreen{
		win:       w,
		svc:       &domain.MiniCRMService{Settings: settings, Secrets: secrets, Connector: conn},
		conn:      conn,
		async:     func(f func()) { go f() },
		errLabels: map[string]*widget.Label{},
		touched:   map[string]bool{},
	}
}

// buildUI returns the tab's content and starts loading the saved settings.
func (s *miniCRMScreen) buildUI() fyne.CanvasObject {
	s.makeWidgets()
	intro := widget.NewLabel(introText)
	intro.Wrapping = fyne.TextWrapWord

	form := container.New(layout.NewFormLayout(),
		widget.NewLabel("API URL beillesztése"), container.NewVBox(
			container.NewBorder(nil, nil, nil, widget.NewButton("Kitöltés", func() { s.onPaste(s.paste.Text) }), s.paste),
			s.pasteMsg),
		widget.NewLabel("Rendszer azonosító"), s.field("systemId", s.systemID),
		widget.NewLabel("API kulcs"), container.NewStack(s.keyEntry, s.keyStored),
		widget.NewLabel("Vállalat száma"), s.field("company", s.company),
		widget.NewLabel("API Engedélyezett IP címek"), s.field("allowedIps", s.allowedIPs, minicrmNote(ipNoteText)),
		widget.NewLabel("Demó rendszer"), container.NewVBox(s.demo, minicrmNote(demoNoteText)),
		widget.NewLabel("Vevők modul"), s.field("customersModule", s.customers,
			minicrmNote("A MiniCRM modul, amelynek sikeresen lezárt („Vevők” státuszú) adatlapjai a vevők. "+
				"A kapcsolat tesztelése után a listából választhat; addig a modul számát is beírhatja.")),
		widget.NewLabel("Számlák modul"), s.field("invoicesModule", s.invoices,
			minicrmNote("Nem kötelező: a modul, amelynek adatlapjaihoz a kiállított számlák kerülnek.")),
	)
	s.advanced = widget.NewAccordion(widget.NewAccordionItem("Speciális beállítások", container.New(layout.NewFormLayout(),
		widget.NewLabel("API cím"), s.field("baseUrl", s.baseURL,
			minicrmNote("Csak tesztrendszerhez kell módosítani (pl. https://r3-test.minicrm.hu). "+
				"Titkosítatlan http:// cím csak a saját gépen futó tesztkiszolgálóhoz adható meg.")),
	)))
	buttons := container.NewHBox(layout.NewSpacer(), s.test, s.save)
	bottom := container.NewVBox(widget.NewSeparator(), s.summary, s.status, buttons)
	s.load()
	return container.NewBorder(nil, bottom, nil, nil, container.NewVScroll(container.NewVBox(intro, form, s.advanced)))
}

func (s *miniCRMScreen) makeWidgets() {
	s.paste = widget.NewEntry()
	s.paste.SetPlaceHolder("https://98:d9cb…a572@r3.minicrm.hu/Api/R3")
	s.paste.OnChanged = s.onPasteChanged
	s.paste.OnSubmitted = s.onPaste
	s.pasteMsg = newErrLabel()

	s.systemID = s.entry("systemId", "pl. 51546")
	s.apiKey = widget.NewPasswordEntry()
	s.apiKey.SetPlaceHolder("a MiniCRM Beállítások → Rendszer képernyőjén kapott kulcs")
	s.apiKey.OnChanged = func(string) { s.onChanged("apiKey") }
	s.keyEntry = s.field("apiKey", s.apiKey)
	s.keyLabel = widget.NewLabel(keyStoredText)
	s.keyLabel.Importance = widget.SuccessImportance
	s.newKeyBtn = widget.NewButton("Új kulcs", s.onNewKey)
	s.keyStored = container.NewBorder(nil, nil, nil, s.newKeyBtn, s.keyLabel)
	s.keyStored.Hide()

	s.company = s.entry("company", "nem kötelező, pl. 0")
	s.allowedIPs = widget.NewMultiLineEntry()
	s.allowedIPs.SetPlaceHolder("üresen: bárhonnan")
	s.allowedIPs.SetMinRowsVisible(3)
	s.allowedIPs.OnChanged = func(string) { s.onChanged("allowedIps") }
	s.demo = widget.NewCheck("Demó rendszer (csak letöltés)", func(bool) { s.onChanged("demo") })
	s.customers = s.moduleEntry("customersModule", "a modul neve a listából, vagy a száma")
	s.invoices = s.moduleEntry("invoicesModule", "nem kötelező")
	s.baseURL = s.entry("baseUrl", domain.DefaultMiniCRMBaseURL)

	s.summary = newErrLabel()
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.test = widget.NewButton("Kapcsolat tesztelése", s.onTest)
	s.save = widget.NewButton("Mentés", s.onSave)
	s.save.Importance = widget.HighImportance
}

func (s *miniCRMScreen) entry(key, placeholder string) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(placeholder)
	e.OnChanged = func(string) { s.onChanged(key) }
	return e
}

func (s *miniCRMScreen) moduleEntry(key, placeholder string) *widget.SelectEntry {
	e := widget.NewSelectEntry(nil)
	e.SetPlaceHolder(placeholder)
	e.OnChanged = func(string) { s.onChanged(key) }
	return e
}

// field stacks a widget, its error label and optional notes.
func (s *miniCRMScreen) field(key string, o fyne.CanvasObject, notes ...fyne.CanvasObject) *fyne.Container {
	s.errLabels[key] = newErrLabel()
	return container.NewVBox(append([]fyne.CanvasObject{o, s.errLabels[key]}, notes...)...)
}

func minicrmNote(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.TextStyle.Italic = true
	l.Importance = widget.LowImportance
	return l
}

// load reads the saved settings and whether a key is stored, off the UI
// goroutine: the keyring may make it wait.
func (s *miniCRMScreen) load() {
	s.loading = true
	s.setStatus("A beállítások betöltése…", widget.MediumImportance)
	s.validate()
	s.async(func() {
		ctx := context.Background()
		settings, err := s.svc.Settings.MiniCRMSettings(ctx)
		var (
			state  domain.KeyStatus
			keyErr error
		)
		if err == nil {
			state, keyErr = s.svc.KeyStatus(ctx, settings.SystemID)
		}
		fyne.Do(func() {
			s.loading = false
			switch {
			case err != nil:
				fyne.LogError("load minicrm settings", err)
				s.setStatus(domain.ErrorMessage(err), widget.DangerImportance)
			case keyErr != nil:
				fyne.LogError("read minicrm key status", keyErr)
				s.fill(settings, domain.KeyMissing)
				s.setStatus(domain.ErrorMessage(keyErr), widget.DangerImportance)
			default:
				s.fill(settings, state)
				s.setStatus("", widget.MediumImportance)
			}
			s.validate()
		})
	})
}

// fill shows settings in the widgets without marking them touched.
func (s *miniCRMScreen) fill(settings domain.MiniCRMSettings, state domain.KeyStatus) {
	s.filling = true
	defer func() { s.filling = false }()
	s.systemID.SetText(settings.SystemID)
	s.company.SetText(settings.Company)
	s.allowedIPs.SetText(strings.Join(settings.AllowedIPs, "\n"))
	s.demo.SetChecked(settings.Demo)
	s.customers.SetText(s.moduleText(settings.CustomersModule))
	s.invoices.SetText(s.moduleText(settings.InvoicesModule))
	s.baseURL.SetText(settings.BaseURL)
	if settings.BaseURL != domain.DefaultMiniCRMBaseURL {
		s.advanced.Open(0) // a non-default host should not be a hidden surprise
	}
	s.apiKey.SetText("")
	s.keyState, s.keySystem = state, settings.SystemID
	s.touched = map[string]bool{}
}

func (s *miniCRMScreen) setStatus(text string, imp widget.Importance) {
	s.status.Importance = imp
	s.status.SetText(text)
	if text == "" {
		s.status.Hide()
	} else {
		s.status.Show()
	}
}
