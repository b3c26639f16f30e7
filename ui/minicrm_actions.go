package ui

import (
	"context"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// pendingKey is the new key typed or pasted into the form ("" for none).
func (s *miniCRMScreen) pendingKey() string { return strings.TrimSpace(s.apiKey.Text) }

// onPasteChanged fills the form when a whole URL arrives at once. A paste
// is one change of many characters; typing adds one at a time, and parsing
// every keystroke would fill the fields from a half-typed URL (Enter or
// Kitöltés parses typed text).
func (s *miniCRMScreen) onPasteChanged(text string) {
	prev := s.lastPaste
	s.lastPaste = text
	if s.filling {
		return
	}
	if utf8.RuneCountInString(text)-utf8.RuneCountInString(prev) > 1 {
		s.onPaste(text)
	}
}

// onPaste reads a pasted API URL into the system id, the key and the host.
func (s *miniCRMScreen) onPaste(text string) {
	if strings.TrimSpace(text) == "" {
		s.hidePasteMsg()
		return
	}
	u, err := s.conn.ParseAPIURL(text)
	if err != nil {
		// The message says what form is expected and never repeats the input.
		s.showPasteMsg(domain.ErrorMessage(err), widget.DangerImportance)
		return
	}
	// The URL holds the key in clear text: it must not stay on screen.
	s.filling = true
	s.paste.SetText("")
	s.lastPaste = ""
	s.filling = false

	s.systemID.SetText(u.SystemID)
	s.apiKey.SetText(u.APIKey)
	if u.BaseURL != "" {
		s.baseURL.SetText(u.BaseURL)
	}
	s.touched["systemId"], s.touched["apiKey"], s.touched["baseUrl"] = true, true, true
	msg := "Kitöltve: rendszerazonosító " + u.SystemID + " és az API kulcs. A kulcs a Mentés után a kulcstartóba kerül."
	if s.keyState != domain.KeyMissing && s.keySystem == u.SystemID {
		// The screen never reads the stored key, so it cannot tell whether
		// this one differs; the service can, and skips the test if not.
		msg = "Kitöltve: rendszerazonosító " + u.SystemID + " és az API kulcs. Ha ez nem a tárolt kulcs, " +
			"mentéskor először kipróbáljuk, és csak akkor cseréljük le vele a tárolt kulcsot, ha működik."
	}
	s.showPasteMsg(msg, widget.SuccessImportance)
	s.validate()
}

func (s *miniCRMScreen) showPasteMsg(text string, imp widget.Importance) {
	if minicrmMessage(s.pasteMsg, text, imp, true) {
		s.relayout()
	}
}

func (s *miniCRMScreen) hidePasteMsg() {
	if minicrmMessage(s.pasteMsg, "", widget.MediumImportance, false) {
		s.relayout()
	}
}

// onSave stores the settings, and a new key in the keyring (tested first
// when it replaces one), in the background.
func (s *miniCRMScreen) onSave() {
	if s.save.Disabled() {
		return
	}
	settings, _ := s.formSettings()
	key := s.pendingKey()
	card := s.selectedCardStatus()
	mapping, saveMapping := s.mapping.toSave(settings.InvoicesModule)
	s.startJob("Mentés…")
	s.async(func() {
		ctx := context.Background()
		err := s.svc.Save(ctx, &settings, key)
		if err == nil && s.cardStore != nil {
			err = s.cardStore.SetCardStatus(ctx, card)
		}
		if err == nil && saveMapping {
			// Set by the user: the worker keeps it and derives none.
			mapping.Auto = false
			err = s.mapping.store.SaveUploadMapping(ctx, mapping)
		}
		state, keyErr := domain.KeyMissing, error(nil)
		if err == nil {
			state, keyErr = s.svc.KeyStatus(ctx, settings.SystemID)
		}
		fyne.Do(func() {
			s.busy = false
			if err != nil {
				fyne.LogError("save minicrm settings", err)
				s.setStatus(domain.ErrorMessage(err), widget.DangerImportance)
				s.validate()
				return
			}
			if s.cardStore != nil {
				s.cardStatusID = card
			}
			if saveMapping {
				s.mapping.stored(mapping)
			}
			s.fill(settings, state)
			msg := "A MiniCRM beállítások mentve. "
			switch {
			case keyErr != nil:
				fyne.LogError("read minicrm key status", keyErr)
				msg += domain.ErrorMessage(keyErr)
			case state == domain.KeyInKeyring:
				msg += "Az API kulcs el van mentve a kulcstartóban."
			case state == domain.KeyFromEnvironment:
				msg += "Az API kulcs a KONNYUSZAMLA_MINICRM_API_KEY környezeti változóból jön."
			default:
				msg += "Még nincs API kulcs megadva."
			}
			s.setStatus(msg, widget.SuccessImportance)
			s.validate()
		})
	})
}

// onTest checks the connection with the form's settings and the new key
// (or the stored one), and fills the module pickers from the live list.
func (s *miniCRMScreen) onTest() {
	if s.test.Disabled() {
		return
	}
	settings, _ := s.formSettings()
	key := s.pendingKey()
	s.startJob("Kapcsolat tesztelése…")
	s.async(func() {
		mods, err := s.svc.Test(context.Background(), settings, key)
		fyne.Do(func() {
			s.busy = false
			if err != nil {
				fyne.LogError("test minicrm connection", err)
				s.setStatus(domain.ErrorMessage(err), widget.DangerImportance)
				s.validate()
				return
			}
			s.setModules(mods)
			s.setStatus(s.successText("A kapcsolat működik.", mods), widget.SuccessImportance)
			s.validate()
			s.loadStatuses(settings, key)
			s.mapping.load(settings, key)
		})
	})
}

// setModules offers the live modules in the pickers, shows the chosen ids
// by name, and proposes Értékesítés when no customers module is chosen.
func (s *miniCRMScreen) setModules(mods []domain.MiniCRMModule) {
	s.modules = mods
	options := make([]string, len(mods))
	for i, m := range mods {
		options[i] = moduleOption(m)
	}
	s.options = options
	s.customers.SetOptions(options)
	s.invoices.SetOptions(options)
	s.filling = true
	for _, e := range []*widget.SelectEntry{s.customers, s.invoices} {
		if id, msg := s.parseModule(e.Text); msg == "" && id != 0 {
			e.SetText(s.moduleText(id))
		}
	}
	s.filling = false
	if strings.TrimSpace(s.customers.Text) == "" {
		if id, ok := domain.DefaultCustomersModule(mods); ok {
			s.customers.SetText(s.moduleText(id)) // a change to save: Mentés
		}
	}
}

// successText lists the module names and any stale module setting.
func (s *miniCRMScreen) successText(head string, mods []domain.MiniCRMModule) string {
	names := make([]string, len(mods))
	for i, m := range mods {
		names[i] = m.Name
	}
	text := head + " Modulok: " + strings.Join(names, ", ") + "."
	if len(mods) == 0 {
		text = head + " A rendszerben nincs egy modul sem."
	}
	settings, _ := s.formSettings()
	if w := settings.ModuleWarnings(mods); len(w) > 0 {
		text += " " + strings.Join(w, " ")
	}
	return text
}

// startJob marks the screen busy: the buttons wait until the job ends.
func (s *miniCRMScreen) startJob(status string) {
	s.busy = true
	s.setStatus(status, widget.MediumImportance)
	s.validate()
}
