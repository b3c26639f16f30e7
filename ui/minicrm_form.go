package ui

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// onChanged marks a field touched (unless fill is writing it) and
// revalidates the form.
func (s *miniCRMScreen) onChanged(key string) {
	if s.filling || s.save == nil {
		return
	}
	s.touched[key] = true
	s.validate()
}

// formSettings reads the widgets into normalised settings; the module
// fields' own messages come back by field name.
func (s *miniCRMScreen) formSettings() (domain.MiniCRMSettings, map[string]string) {
	msgs := map[string]string{}
	settings := domain.MiniCRMSettings{
		SystemID:   s.systemID.Text,
		Company:    s.company.Text,
		BaseURL:    s.baseURL.Text,
		Demo:       s.demo.Checked,
		AllowedIPs: domain.SplitIPList(s.allowedIPs.Text),
	}
	var msg string
	if settings.CustomersModule, msg = s.parseModule(s.customers.Text); msg != "" {
		msgs["customersModule"] = msg
	}
	if settings.InvoicesModule, msg = s.parseModule(s.invoices.Text); msg != "" {
		msgs["invoicesModule"] = msg
	}
	settings.Normalize()
	return settings, msgs
}

// validate shows the messages of the touched fields, lists what is still
// wrong, keeps Mentés disabled until everything is valid, and shows either
// the key entry or the "stored" line. The list is a neutral hint while
// none of its fields was touched (a fresh form is unfinished, not wrong),
// and red once one was.
func (s *miniCRMScreen) validate() {
	if s.save == nil {
		return // called while the widgets are being built
	}
	settings, byField := s.formSettings()
	type pendingField struct{ key, label string }
	var pending []pendingField
	for _, f := range []pendingField{{"customersModule", "Vevők modul"}, {"invoicesModule", "Számlák modul"}} {
		if byField[f.key] != "" {
			pending = append(pending, f)
		}
	}
	for _, fe := range domain.FieldErrors(settings.Validate()) {
		if byField[fe.Field] == "" {
			byField[fe.Field] = fe.Message
			pending = append(pending, pendingField{fe.Field, fe.Label})
		} else if fe.Field == "allowedIps" {
			byField[fe.Field] += "\n" + fe.Message
		}
	}
	if key := s.pendingKey(); key != "" {
		if msg := domain.ValidateMiniCRMAPIKey(key); msg != "" {
			byField["apiKey"] = msg
			pending = append(pending, pendingField{"apiKey", "API kulcs"})
		}
	}
	if msg := s.mapping.problem(); msg != "" {
		byField[mappingErrKey] = msg
		pending = append(pending, pendingField{mappingErrKey, mappingTitle})
	}
	changed := false
	for key, l := range s.errLabels {
		msg := byField[key]
		changed = minicrmMessage(l, msg, widget.DangerImportance, msg != "" && s.touched[key]) || changed
	}
	if byField["baseUrl"] != "" && s.touched["baseUrl"] && !s.advancedOpen {
		s.setAdvanced(true)
	}
	changed = s.updateKeyArea(settings.SystemID) || changed

	labels, wrong := make([]string, len(pending)), false
	for i, p := range pending {
		labels[i] = p.label
		wrong = wrong || s.touched[p.key]
	}
	summary, imp := pendingNeutral+strings.Join(labels, ", "), widget.MediumImportance
	if wrong {
		summary, imp = pendingError+strings.Join(labels, ", "), widget.DangerImportance
	}
	changed = minicrmMessage(s.summary, summary, imp, len(pending) > 0) || changed
	if changed {
		s.relayout()
	}
	idle := !s.loading && !s.busy
	canTest := idle && byField["systemId"] == "" && byField["baseUrl"] == "" && byField["apiKey"] == ""
	if s.mapping.update(canTest) {
		s.relayout()
	}
	enableButton(s.save, idle && len(pending) == 0)
	enableButton(s.test, canTest)
	enableButton(s.newKeyBtn, idle)
}

// updateKeyArea shows "stored" (with Új kulcs) when a key is available for
// the system id in the form and no new key is being typed; the password
// entry otherwise. It reports whether the area changed.
func (s *miniCRMScreen) updateKeyArea(systemID string) bool {
	stored := s.keyState != domain.KeyMissing && s.keySystem != "" && s.keySystem == systemID && s.pendingKey() == ""
	text := keyStoredText
	if s.keyState == domain.KeyFromEnvironment {
		text = keyEnvText
	}
	changed := s.keyLabel.Text != text
	if changed {
		s.keyLabel.SetText(text)
	}
	changed = minicrmShown(s.keyEntry, !stored) || changed
	return minicrmShown(s.keyStored, stored) || changed
}

// moduleText is how a module id appears in a picker: "Név (id)" when the
// live list knows it, the bare id otherwise, "" for none.
func (s *miniCRMScreen) moduleText(id int64) string {
	if id == 0 {
		return ""
	}
	for _, m := range s.modules {
		if m.ID == id {
			return moduleOption(m)
		}
	}
	return strconv.FormatInt(id, 10)
}

func moduleOption(m domain.MiniCRMModule) string {
	return m.Name + " (" + strconv.FormatInt(m.ID, 10) + ")"
}

// parseModule reads a picker: "", an id, "Név (id)" or a module name of
// the live list.
func (s *miniCRMScreen) parseModule(text string) (int64, string) {
	text = strings.TrimSpace(text)
	if text == "" {
		return 0, ""
	}
	if open := strings.LastIndex(text, "("); open >= 0 && strings.HasSuffix(text, ")") {
		text = strings.TrimSpace(text[open+1 : len(text)-1])
	}
	if id, err := strconv.ParseInt(text, 10, 64); err == nil && id > 0 {
		return id, ""
	}
	for _, m := range s.modules {
		if domain.Fold(m.Name) == domain.Fold(text) {
			return m.ID, ""
		}
	}
	if len(s.modules) == 0 {
		return 0, "adja meg a modul számát, vagy teszteljen kapcsolatot, és válasszon a listából"
	}
	return 0, "válasszon a listából, vagy adja meg a modul számát"
}

// enableButton is setEnabled of the invoice screens; its own name keeps
// the two screens' files independent.
func enableButton(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// Texts of the Új vevő kártyájának státusza picker.
const (
	cardStatusAuto = "Automatikus (a vevők adatlapjain leggyakoribb státusz)"
	cardStatusNote = "Ebben a státuszban jön létre az adatlap, amikor a szinkronizálás új vevőt visz fel a MiniCRM-be. " +
		"A Vevők modul sikeresen lezárt („Vevők” csoportba tartozó) státuszai közül válasszon, különben a következő " +
		"szinkronizálás nem látja vevőnek. A lista a kapcsolat tesztelése után töltődik be."
)

// loadStatuses lists the statuses of the chosen Vevők module after a
// successful connection test (from the module's card schema), for the
// card status picker. A failure leaves the picker as it was and says why.
func (s *miniCRMScreen) loadStatuses(settings domain.MiniCRMSettings, key string) {
	module, msg := s.parseModule(s.customers.Text)
	if s.cardStore == nil || msg != "" || module == 0 {
		return
	}
	s.async(func() {
		sts, ok, err := s.svc.Statuses(context.Background(), settings, key, module)
		fyne.Do(func() {
			switch {
			case err != nil:
				fyne.LogError("list minicrm statuses", err)
				s.setStatus(s.status.Text+"\nA Vevők modul státuszai nem tölthetők be: "+domain.ErrorMessage(err), widget.WarningImportance)
			case ok:
				s.statuses = sts
				s.fillCardStatus()
			}
		})
	})
}

// cardStatusOption is how a status appears in the picker: "Név (id)".
func cardStatusOption(st domain.MiniCRMStatus) string {
	return st.Name + " (" + strconv.FormatInt(st.ID, 10) + ")"
}

// fillCardStatus offers Automatikus and the listed statuses, and selects
// the saved one (as "Státusz #id" while the list is not loaded).
func (s *miniCRMScreen) fillCardStatus() {
	if s.cardStatus == nil {
		return
	}
	selected := s.selectedCardStatus()
	if !s.cardStatusTouched() {
		selected = s.cardStatusID
	}
	options := []string{cardStatusAuto}
	current := cardStatusAuto
	found := selected == 0
	for _, st := range s.statuses {
		options = append(options, cardStatusOption(st))
		if st.ID == selected {
			current, found = cardStatusOption(st), true
		}
	}
	if !found {
		current = "Státusz #" + strconv.FormatInt(selected, 10)
		options = append(options, current)
	}
	filling := s.filling
	s.filling = true
	s.cardStatus.SetOptions(options)
	s.cardStatus.SetSelected(current)
	s.filling = filling
}

func (s *miniCRMScreen) cardStatusTouched() bool { return s.touched["cardStatus"] }

// selectedCardStatus is the picker's status id (0: automatic).
func (s *miniCRMScreen) selectedCardStatus() int64 {
	if s.cardStatus == nil {
		return s.cardStatusID
	}
	text := s.cardStatus.Selected
	if open := strings.LastIndex(text, "("); open >= 0 && strings.HasSuffix(text, ")") {
		if id, err := strconv.ParseInt(text[open+1:len(text)-1], 10, 64); err == nil {
			return id
		}
	}
	if i := strings.LastIndex(text, "#"); i >= 0 {
		if id, err := strconv.ParseInt(text[i+1:], 10, 64); err == nil {
			return id
		}
	}
	return 0
}
