package ui

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// Texts of the Számlák modul mezői section.
const (
	mappingTitle   = "Számlák modul mezői"
	mappingNone    = "– nincs –"
	mappingLoadBtn = "Mezők betöltése"
	mappingNote    = "Itt állíthatja be, hogy a kiállított bizonylatok adatai a Számlák modul adatlapjának mely mezőibe " +
		"kerüljenek, és milyen státuszt kapjon az adatlap. Amihez „" + mappingNone + "” tartozik, az nem kerül fel " +
		"(státusznál: a MiniCRM alapértelmezése marad). A mezők a kapcsolat tesztelése után vagy a „" + mappingLoadBtn +
		"” gombbal töltődnek be; a hozzárendelést a Mentés menti el."
	mappingErrKey = "uploadMapping"
)

// mappingStatusLabels name the three status pickers.
var mappingStatusLabels = map[domain.UploadStatusKind]string{
	domain.UploadUnpaid:    "Státusz, ha kifizetetlen",
	domain.UploadPaidState: "Státusz, ha kifizetve",
	domain.UploadCancelled: "Státusz, ha sztornózva",
}

// mappingSection is the Számlák modul mezői part of the MiniCRM
// beállítások tab: for each document value a picker of the Számlák
// module's card fields, and the card's status for unpaid, paid and
// cancelled documents. It is shown while a Számlák modul is chosen and
// something keeps the mapping; its pickers once the module's schema is
// loaded. Mentés saves what they show as the user's mapping.
type mappingSection struct {
	s     *miniCRMScreen
	store domain.UploadMappingStore // nil: the section is left out

	box     *fyne.Container // the whole section
	msg     *widget.Label   // what was loaded, or why not
	loadBtn *widget.Button
	grid    *fyne.Container // the pickers; shown once loaded for the chosen module
	fields  map[domain.UploadField]*widget.Select
	status  map[domain.UploadStatusKind]*widget.Select

	schema     *domain.UploadModuleSchema // the loaded one (nil: none yet)
	fieldOpt   map[string]string          // picker text → API name
	statusOpt  map[string]string          // picker text → status id
	saved      domain.UploadMapping       // the stored mapping, as last read
	savedFound bool
	loading    bool
}

func newMappingSection(s *miniCRMScreen, store domain.UploadMappingStore) *mappingSection {
	return &mappingSection{s: s, store: store, fields: map[domain.UploadField]*widget.Select{},
		status: map[domain.UploadStatusKind]*widget.Select{}}
}

// build makes the section's widgets; the section starts hidden.
func (m *mappingSection) build() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(mappingTitle, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	m.msg = widget.NewLabel("")
	m.msg.Wrapping = fyne.TextWrapWord
	m.msg.Hide()
	m.loadBtn = widget.NewButton(mappingLoadBtn, m.onLoad)
	var rows []fyne.CanvasObject
	for _, f := range domain.UploadFields() {
		sel := m.newSelect()
		m.fields[f] = sel
		rows = append(rows, widget.NewLabel(f.Label()), sel)
	}
	for _, k := range domain.UploadStatusKinds() {
		sel := m.newSelect()
		m.status[k] = sel
		rows = append(rows, widget.NewLabel(mappingStatusLabels[k]), sel)
	}
	m.grid = container.New(layout.NewFormLayout(), rows...)
	m.grid.Hide()
	m.box = container.NewVBox(widget.NewSeparator(), title, minicrmNote(mappingNote),
		container.NewHBox(m.loadBtn), m.msg, m.s.field(mappingErrKey, m.grid))
	m.box.Hide()
	return m.box
}

func (m *mappingSection) newSelect() *widget.Select {
	sel := widget.NewSelect([]string{mappingNone}, func(string) { m.s.onChanged(mappingErrKey) })
	sel.PlaceHolder = mappingNone
	return sel
}

// module is the Számlák modul chosen in the form (0: none or not valid).
func (m *mappingSection) module() int64 {
	id, msg := m.s.parseModule(m.s.invoices.Text)
	if msg != "" {
		return 0
	}
	return id
}

// loaded reports whether the pickers show the fields of the chosen module.
func (m *mappingSection) loaded() bool {
	return m.schema != nil && m.schema.Module != 0 && m.schema.Module == m.module()
}

// update shows the section while a Számlák modul is chosen, and its
// pickers while they belong to that module; it enables Mezők betöltése
// when a connection can be tried. It reports whether anything visible
// changed.
func (m *mappingSection) update(canTest bool) bool {
	if m.box == nil {
		return false
	}
	show := m.store != nil && m.module() != 0
	changed := minicrmShown(m.box, show)
	changed = minicrmShown(m.grid, show && m.loaded()) || changed
	enableButton(m.loadBtn, canTest && !m.loading)
	return changed
}

// problem is what is wrong with the pickers: two values into one field.
func (m *mappingSection) problem() string {
	if !m.loaded() {
		return ""
	}
	by := map[string][]string{}
	for _, f := range domain.UploadFields() {
		if api := m.fieldOpt[m.fields[f].Selected]; api != "" {
			by[api] = append(by[api], f.Label())
		}
	}
	var msgs []string
	for api, labels := range by {
		if len(labels) > 1 {
			msgs = append(msgs, "a(z) "+api+" mezőbe egyszerre csak egy adat kerülhet ("+strings.Join(labels, ", ")+")")
		}
	}
	sort.Strings(msgs)
	return strings.Join(msgs, "; ")
}

// readSaved reads the stored mapping (off the UI goroutine).
func (m *mappingSection) readSaved(ctx context.Context) (domain.UploadMapping, bool, error) {
	saved, err := m.store.UploadMapping(ctx)
	if domain.ErrorCode(err) == domain.ENotFound {
		return domain.UploadMapping{}, false, nil
	}
	return saved, err == nil, err
}

// loadSaved reads the stored mapping when the tab opens and says what it
// holds (the pickers need the module's fields first).
func (m *mappingSection) loadSaved() {
	if m.store == nil {
		return
	}
	m.s.async(func() {
		saved, found, err := m.readSaved(context.Background())
		fyne.Do(func() {
			if err != nil {
				fyne.LogError("read upload mapping", err)
				m.setMsg("A mentett hozzárendelés nem olvasható: "+domain.ErrorMessage(err), widget.DangerImportance)
				return
			}
			m.saved, m.savedFound = saved, found
			if m.schema == nil {
				m.setMsg(m.savedText(), widget.MediumImportance)
			}
		})
	})
}

// savedText describes the stored mapping before the fields are loaded.
func (m *mappingSection) savedText() string {
	if !m.savedFound {
		return "Még nincs mentett hozzárendelés: az első feltöltés a mezők neve alapján maga párosítja őket."
	}
	n := 0
	for _, api := range m.saved.Fields {
		if api != "" {
			n++
		}
	}
	how := "Ön állította be"
	if m.saved.Auto {
		how = "a mezők neve alapján készült"
	}
	return "A mentett hozzárendelés (" + how + ") " + strconv.Itoa(n) + " mezőt tölt ki. Módosításához töltse be a modul mezőit."
}

// onLoad is Mezők betöltése: the form's settings and the new (or the
// stored) key.
func (m *mappingSection) onLoad() {
	if m.loadBtn.Disabled() {
		return
	}
	settings, _ := m.s.formSettings()
	m.load(settings, m.s.pendingKey())
}

// load reads the chosen Számlák module's schema and the stored mapping in
// the background and fills the pickers.
func (m *mappingSection) load(settings domain.MiniCRMSettings, key string) {
	module := m.module()
	if m.store == nil || module == 0 || m.loading {
		return
	}
	m.loading = true
	m.setMsg("A Számlák modul mezőinek betöltése…", widget.MediumImportance)
	m.s.validate()
	m.s.async(func() {
		ctx := context.Background()
		sc, ok, err := m.s.svc.InvoiceModuleSchema(ctx, settings, key, module)
		var (
			saved   domain.UploadMapping
			found   bool
			saveErr error
		)
		if err == nil && ok {
			saved, found, saveErr = m.readSaved(ctx)
		}
		fyne.Do(func() {
			m.loading = false
			defer m.s.validate()
			switch {
			case err != nil:
				fyne.LogError("read invoices module schema", err)
				m.setMsg("A Számlák modul mezői nem tölthetők be: "+domain.ErrorMessage(err), widget.DangerImportance)
			case !ok:
				m.setMsg("Ez a kapcsolat nem tudja betölteni a modul mezőit.", widget.WarningImportance)
			case saveErr != nil:
				fyne.LogError("read upload mapping", saveErr)
				m.setMsg("A mentett hozzárendelés nem olvasható: "+domain.ErrorMessage(saveErr), widget.DangerImportance)
			default:
				m.saved, m.savedFound = saved, found
				m.fill(sc)
			}
		})
	})
}

// fill offers the module's fields and statuses in the pickers and selects
// the stored mapping of the module (or the automatic one). Pickers the
// user already changed for the same module keep their choice.
func (m *mappingSection) fill(sc domain.UploadModuleSchema) {
	keep := m.schema != nil && m.schema.Module == sc.Module && m.s.touched[mappingErrKey]
	prev := m.current()
	m.schema = &sc
	m.fieldOpt, m.statusOpt = map[string]string{}, map[string]string{}
	fieldOpts, apiOpt := []string{mappingNone}, map[string]string{}
	for _, f := range sc.Fields {
		text := f.Name
		switch {
		case f.Type == "Enum":
			text += " (lista)"
		case f.Type != "":
			text += " (" + f.Type + ")"
		}
		fieldOpts = append(fieldOpts, text)
		m.fieldOpt[text], apiOpt[f.Name] = f.Name, text
	}
	statusOpts, idOpt := []string{mappingNone}, map[string]string{}
	for _, st := range sc.Statuses {
		text := cardStatusOption(st)
		id := strconv.FormatInt(st.ID, 10)
		statusOpts = append(statusOpts, text)
		m.statusOpt[text], idOpt[id] = id, text
	}
	want := sc.Prefill(m.saved, m.savedFound)
	if keep {
		want = sc.Prefill(prev, true)
	}
	filling := m.s.filling
	m.s.filling = true
	for f, sel := range m.fields {
		sel.SetOptions(fieldOpts)
		sel.SetSelected(optionOr(apiOpt, want.Fields[f]))
	}
	for k, sel := range m.status {
		sel.SetOptions(statusOpts)
		sel.SetSelected(optionOr(idOpt, want.Status[k]))
	}
	m.s.filling = filling
	if !keep {
		delete(m.s.touched, mappingErrKey)
	}
	text := "Betöltve: a(z) " + m.s.moduleText(sc.Module) + " modul " + strconv.Itoa(len(sc.Fields)) + " mezője."
	switch {
	case len(sc.Fields) == 0:
		text = "A Számlák modulnak nincs saját mezője: csak az adatlap neve és státusza kerül fel."
	case keep:
	case m.savedFound && m.saved.Module == sc.Module && !m.saved.Auto:
		text += " A mentett hozzárendelés látszik."
	default:
		text += " A párosítást a mezők neve alapján javasoltuk; ellenőrizze, majd mentse."
	}
	m.setMsg(text, widget.MediumImportance)
}

func optionOr(opts map[string]string, key string) string {
	if text, ok := opts[key]; ok && key != "" {
		return text
	}
	return mappingNone
}

// current is the mapping the pickers show, as the user's (not Auto).
func (m *mappingSection) current() domain.UploadMapping {
	out := domain.UploadMapping{Fields: map[domain.UploadField]string{}, Status: map[domain.UploadStatusKind]string{}}
	if m.schema == nil {
		return out
	}
	out.Module = m.schema.Module
	for f, sel := range m.fields {
		if api := m.fieldOpt[sel.Selected]; api != "" {
			out.Fields[f] = api
		}
	}
	for k, sel := range m.status {
		if id := m.statusOpt[sel.Selected]; id != "" {
			out.Status[k] = id
		}
	}
	return out
}

// toSave is the mapping Mentés stores, when the pickers show the fields
// of the module being saved.
func (m *mappingSection) toSave(module int64) (domain.UploadMapping, bool) {
	if m.store == nil || !m.loaded() || module != m.schema.Module {
		return domain.UploadMapping{}, false
	}
	return m.current(), true
}

// stored records a mapping Mentés stored.
func (m *mappingSection) stored(mp domain.UploadMapping) {
	m.saved, m.savedFound = mp, true
	delete(m.s.touched, mappingErrKey)
	m.setMsg("A Számlák modul mezőinek hozzárendelése mentve.", widget.SuccessImportance)
}

func (m *mappingSection) setMsg(text string, imp widget.Importance) {
	if m.msg != nil && minicrmMessage(m.msg, text, imp, text != "") {
		m.s.relayout()
	}
}
