package ui

import (
	"context"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// Texts of the tab that tests and other screens refer to.
const (
	keyStoredText = "a kulcs el van mentve a kulcstartóban"
	keyEnvText    = "a kulcs a KONNYUSZAMLA_MINICRM_API_KEY környezeti változóból jön (ezt nem mentjük el)"
	// ipNoteText: the app only records the list; MiniCRM enforces it.
	ipNoteText = "Ide azt írja be, amit a MiniCRM-ben a Beállítások → API képernyőn megadott: a listát a MiniCRM " +
		"a saját oldalán érvényesíti, és ha nem üres, az API-t csak ezekről az IP-címekről lehet elérni (üres lista: bárhonnan). " +
		"A program a listát csak megjegyzi, sehova nem küldi el. Soronként egy IP-cím vagy CIDR-tartomány " +
		"(pl. 203.0.113.7 vagy 203.0.113.0/24)."
	demoNoteText = "Demó rendszerrel csak letölteni lehet a vevőket: a program semmit nem ír a MiniCRM-be " +
		"(új vevőt, díjbekérőt és számlát sem tölt fel)."
	introText = "A MiniCRM rendszerazonosítóját és API kulcsát a MiniCRM-be belépve, a Beállítások → Rendszer képernyőn találja. " +
		"A legegyszerűbb, ha a teljes API URL-t (pl. https://98:d9cb…a572@r3.minicrm.hu/Api/R3) bemásolja az első mezőbe."
	advancedLabel = "Speciális beállítások"
	// pendingNeutral starts the summary while no wrong field was touched:
	// a fresh form is not an error, it is only not finished yet.
	pendingNeutral = "A mentéshez adja meg: "
	pendingError   = "Mentés előtt javítandó: "
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
	// cardStatus is the Új vevő kártyájának státusza picker: the status
	// the sync gives the cards of new MiniCRM customers. Its options are
	// the statuses of the Vevők module, listed after a connection test.
	cardStatus *widget.Select
	baseURL    *widget.Entry
	// The Speciális beállítások section: a toggle and the API cím row.
	// Unlike widget.Accordion the toggle tells the screen when it opens,
	// so that the scroll can grow with it.
	advancedBtn  *widget.Button
	advancedBox  *fyne.Container
	advancedOpen bool
	content      *fyne.Container   // what scroll shows
	scroll       *container.Scroll // the form above the buttons
	root         *fyne.Container   // the tab's content: scroll and the bottom area
	errLabels    map[string]*widget.Label
	touched      map[string]bool
	summary      *widget.Label
	status       *widget.Label
	save, test   *widget.Button

	cardStore    domain.CardStatusStore // nil: the settings store keeps no card status
	cardStatusID int64                  // the saved card status (0: automatic)
	statuses     []domain.MiniCRMStatus // the Vevők module's, from the last test

	mapping *mappingSection // Számlák modul mezői

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
	cards, _ := settings.(domain.CardStatusStore)
	mappings, _ := settings.(domain.UploadMappingStore)
	s := &miniCRMScreen{
		cardStore: cards,
		win:       w,
		svc:       &domain.MiniCRMService{Settings: settings, Secrets: secrets, Connector: conn},
		conn:      conn,
		async:     func(f func()) { go f() },
		errLabels: map[string]*widget.Label{},
		touched:   map[string]bool{},
	}
	s.mapping = newMappingSection(s, mappings)
	return s
}

// buildUI returns the tab's content and starts loading the saved settings.
// open fills the form from the settings and the keyring. The window calls
// it when the tab is first selected, not while the tabs are built: the
// keyring may show its unlock prompt, which must not come before the app's
// own login, nor at all for a user who never opens the tab.
func (s *miniCRMScreen) open() {
	s.load()
	s.mapping.loadSaved()
}

func (s *miniCRMScreen) buildUI() fyne.CanvasObject {
	s.makeWidgets()
	intro := widget.NewLabel(introText)
	intro.Wrapping = fyne.TextWrapWord

	labels := map[string]*widget.Label{}
	label := func(text string) *widget.Label {
		labels[text] = widget.NewLabel(text)
		return labels[text]
	}
	form := container.New(layout.NewFormLayout(),
		label("API URL beillesztése"), container.NewVBox(
			container.NewBorder(nil, nil, nil, widget.NewButton("Kitöltés", func() { s.onPaste(s.paste.Text) }), s.paste),
			s.pasteMsg),
		label(domain.MiniCRMSystemIDLabel), s.field("systemId", s.systemID),
		label("API kulcs"), container.NewStack(s.keyEntry, s.keyStored),
		label("Vállalat száma"), s.field("company", s.company),
		label(domain.MiniCRMAllowedIPsLabel), s.field("allowedIps", s.allowedIPs, minicrmNote(ipNoteText)),
		label("Demó rendszer"), container.NewVBox(s.demo, minicrmNote(demoNoteText)),
		label("Vevők modul"), s.field("customersModule", s.customers,
			minicrmNote("A MiniCRM modul, amelynek sikeresen lezárt („Vevők” státuszú) adatlapjai a vevők. "+
				"A kapcsolat tesztelése után a listából választhat; addig a modul számát is beírhatja.")),
		label("Számlák modul"), s.field("invoicesModule", s.invoices,
			minicrmNote("Nem kötelező: a modul, amelynek adatlapjaihoz a kiállított számlák kerülnek.")),
		label(domain.CardStatusLabel), s.field("cardStatus", s.cardStatus, minicrmNote(cardStatusNote)),
	)
	// The API cím row is a form of its own; its label column is as wide
	// as the main form's, so that the two line up.
	var labelWidth float32
	for _, l := range labels {
		labelWidth = max(labelWidth, l.MinSize().Width)
	}
	strut := canvas.NewRectangle(color.Transparent)
	strut.SetMinSize(fyne.NewSize(labelWidth, 0))
	s.advancedBox = container.New(layout.NewFormLayout(),
		container.NewStack(strut, widget.NewLabel("API cím")), s.field("baseUrl", s.baseURL,
			minicrmNote("Csak tesztrendszerhez kell módosítani (pl. https://r3-test.minicrm.hu). "+
				"Titkosítatlan http:// cím csak a saját gépen futó tesztkiszolgálóhoz adható meg.")),
	)
	s.advancedBox.Hide()
	s.content = container.NewVBox(intro, form, s.mapping.build(), container.NewHBox(s.advancedBtn), s.advancedBox)
	s.scroll = container.NewVScroll(s.content)
	buttons := container.NewHBox(layout.NewSpacer(), s.test, s.save)
	bottom := container.NewVBox(widget.NewSeparator(), s.summary, s.status, buttons)
	s.root = container.NewBorder(nil, bottom, nil, nil, s.scroll)
	return s.root
}

// relayout lays the whole tab out again after a widget was shown or
// hidden, or a message changed. Fyne does not re-layout a container when a
// child's visibility changes, and the canvas' own minimum size check does
// not reliably reach the scroll through the nested boxes: without this the
// paste confirmation stays 0×0, a hidden error leaves its gap and the
// opened API cím row cannot be scrolled into view until the window is
// resized. The second pass settles the wrapped labels, whose height
// depends on the width the first pass gave them.
func (s *miniCRMScreen) relayout() {
	if s.root == nil {
		return // the widgets are being built
	}
	s.root.Refresh()
	s.root.Refresh()
}

// setAdvanced opens or closes Speciális beállítások.
func (s *miniCRMScreen) setAdvanced(open bool) {
	if s.advancedOpen == open {
		return
	}
	s.advancedOpen = open
	if open {
		s.advancedBtn.SetIcon(theme.MenuDropUpIcon())
		s.advancedBox.Show()
	} else {
		s.advancedBtn.SetIcon(theme.MenuDropDownIcon())
		s.advancedBox.Hide()
	}
	s.relayout()
}

// onAdvanced is the Speciális beállítások toggle: opening it also scrolls
// the API cím row into view, since it opens below the fold.
func (s *miniCRMScreen) onAdvanced() {
	s.setAdvanced(!s.advancedOpen)
	if s.advancedOpen {
		s.scrollIntoView(s.advancedBox)
	}
}

// scrollIntoView scrolls the form so that o, a child of content, is
// wholly visible (its top when it is taller than the view).
func (s *miniCRMScreen) scrollIntoView(o fyne.CanvasObject) {
	view := s.scroll.Size().Height
	top, bottom := o.Position().Y, o.Position().Y+o.Size().Height
	off := s.scroll.Offset
	switch {
	case top < off.Y || bottom-top > view:
		off.Y = top
	case bottom > off.Y+view:
		off.Y = bottom - view
	default:
		return
	}
	s.scroll.ScrollToOffset(off)
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
	s.cardStatus = widget.NewSelect([]string{cardStatusAuto}, func(string) { s.onChanged("cardStatus") })
	s.cardStatus.PlaceHolder = cardStatusAuto
	if s.cardStore == nil {
		s.cardStatus.Disable()
	}
	s.baseURL = s.entry("baseUrl", domain.DefaultMiniCRMBaseURL)
	s.advancedBtn = widget.NewButtonWithIcon(advancedLabel, theme.MenuDropDownIcon(), s.onAdvanced)
	s.advancedBtn.Importance = widget.LowImportance
	s.advancedBtn.Alignment = widget.ButtonAlignLeading

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
		var card int64
		if err == nil && s.cardStore != nil {
			card, err = s.cardStore.CardStatus(ctx)
		}
		fyne.Do(func() {
			s.loading = false
			s.cardStatusID = card
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
	s.fillCardStatus()
	if settings.BaseURL != domain.DefaultMiniCRMBaseURL {
		s.setAdvanced(true) // a non-default host should not be a hidden surprise
	}
	s.apiKey.SetText("")
	s.keyState, s.keySystem = state, settings.SystemID
	s.touched = map[string]bool{}
	// What a paste filled in is now saved (or replaced by what was saved):
	// its "Kitöltve… a Mentés után" line no longer applies.
	s.hidePasteMsg()
}

func (s *miniCRMScreen) setStatus(text string, imp widget.Importance) {
	if minicrmMessage(s.status, text, imp, text != "") {
		s.relayout()
	}
}

// minicrmMessage shows text in l (or hides l) and reports whether anything
// visible changed, which calls for a relayout.
func minicrmMessage(l *widget.Label, text string, imp widget.Importance, show bool) bool {
	if !show {
		if !l.Visible() {
			return false
		}
		l.Hide()
		return true
	}
	if l.Visible() && l.Text == text && l.Importance == imp {
		return false
	}
	l.Importance = imp
	l.SetText(text)
	l.Show()
	return true
}

// minicrmShown shows or hides o and reports whether that changed anything.
func minicrmShown(o fyne.CanvasObject, show bool) bool {
	if o.Visible() == show {
		return false
	}
	if show {
		o.Show()
	} else {
		o.Hide()
	}
	return true
}
