package ui

import (
	"context"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"konnyuszamla/domain"
)

// mappingSettings is a settings store that also keeps the upload mapping,
// as *storage.DB does.
type mappingSettings struct {
	*fakeMiniCRMSettings
	mu    sync.Mutex
	m     *domain.UploadMapping
	saves int
}

func (s *mappingSettings) UploadMapping(context.Context) (domain.UploadMapping, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		return domain.UploadMapping{}, domain.Errorf(domain.ENotFound, "nincs")
	}
	return *s.m, nil
}

func (s *mappingSettings) SaveUploadMapping(_ context.Context, m domain.UploadMapping) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m, s.saves = &m, s.saves+1
	return nil
}

// schemaConnector reads the schema of the Számlázó module (9).
type schemaConnector struct {
	*fakeConnector
	asked []int64
}

func (c *schemaConnector) InvoiceModuleSchema(_ context.Context, _ domain.MiniCRMSettings, key string, module int64) (domain.UploadModuleSchema, error) {
	c.asked = append(c.asked, module)
	if key != uiTestKey || module != 9 {
		return domain.UploadModuleSchema{}, errFakeUnauthorized
	}
	return domain.UploadModuleSchema{Module: 9,
		Fields: []domain.UploadModuleField{
			{Name: "Id", Type: "Int"}, // built in: never offered
			{Name: "SzamlaSorszama", Type: "Text(512)"},
			{Name: "Brutto", Type: "Int"},
			{Name: "Netto", Type: "Int"},
			{Name: "FizetesiHatarido", Type: "DateTime"},
			{Name: "Megjegyzes", Type: "Text(1024)"},
			{Name: "FizetesiMod", Type: "Enum", Options: []string{"átutalás", "készpénz"}},
		},
		Statuses: []domain.MiniCRMStatus{{ID: 3001, Name: "Kifizetetlen"}, {ID: 3002, Name: "Kifizetve"}, {ID: 3003, Name: "Sztornózva"}},
	}, nil
}

func newMappingFixture(t *testing.T, saved *domain.UploadMapping) (*miniCRMScreen, *mappingSettings, *schemaConnector) {
	t.Helper()
	test.NewTempApp(t)
	if err := UseHungarian(); err != nil {
		t.Fatal(err)
	}
	settings := &mappingSettings{fakeMiniCRMSettings: &fakeMiniCRMSettings{saved: &domain.MiniCRMSettings{SystemID: "98",
		BaseURL: domain.DefaultMiniCRMBaseURL, AllowedIPs: []string{}, CustomersModule: 23, InvoicesModule: 9}}, m: saved}
	secrets := newFakeSecrets()
	secrets.m["minicrm:98"] = uiTestKey
	conn := &schemaConnector{fakeConnector: &fakeConnector{goodKey: uiTestKey, mods: testModules}}
	w := test.NewTempWindow(t, nil)
	s := newMiniCRMScreen(w, settings, secrets, conn)
	s.async = func(fn func()) { fn() }
	w.SetContent(s.buildUI())
	s.open()
	w.Resize(fyne.NewSize(1000, 900))
	return s, settings, conn
}

func TestMiniCRMMappingLoadChangeSave(t *testing.T) {
	s, settings, conn := newMappingFixture(t, nil)
	m := s.mapping
	if !m.box.Visible() || m.grid.Visible() {
		t.Fatalf("with a Számlák modul chosen: section visible %v, pickers visible %v", m.box.Visible(), m.grid.Visible())
	}
	if !strings.Contains(m.msg.Text, "Még nincs mentett hozzárendelés") {
		t.Errorf("before loading: %q", m.msg.Text)
	}

	// A connection test loads the fields of the chosen module.
	test.Tap(s.test)
	if len(conn.asked) != 1 || conn.asked[0] != 9 || !m.grid.Visible() {
		t.Fatalf("after the test: asked %v, pickers visible %v, msg %q", conn.asked, m.grid.Visible(), m.msg.Text)
	}
	wantOpts := mappingNone + "|Brutto (Int)|FizetesiHatarido (DateTime)|FizetesiMod (lista)|Megjegyzes (Text(1024))|Netto (Int)|SzamlaSorszama (Text(512))"
	if got := strings.Join(m.fields[domain.UploadNumber].Options, "|"); got != wantOpts {
		t.Errorf("field options %q", got)
	}
	// Prefilled from the names: AutoUploadMapping.
	for f, want := range map[domain.UploadField]string{domain.UploadNumber: "SzamlaSorszama (Text(512))",
		domain.UploadGross: "Brutto (Int)", domain.UploadDueDate: "FizetesiHatarido (DateTime)",
		domain.UploadPaymentMethod: "FizetesiMod (lista)", domain.UploadCurrency: mappingNone} {
		if got := m.fields[f].Selected; got != want {
			t.Errorf("%s prefilled %q, want %q", f.Label(), got, want)
		}
	}
	for k, want := range map[domain.UploadStatusKind]string{domain.UploadUnpaid: "Kifizetetlen (3001)",
		domain.UploadPaidState: "Kifizetve (3002)", domain.UploadCancelled: "Sztornózva (3003)"} {
		if got := m.status[k].Selected; got != want {
			t.Errorf("status %s prefilled %q, want %q", k, got, want)
		}
	}
	if strings.Join(m.status[domain.UploadPaidState].Options, "|") != mappingNone+"|Kifizetetlen (3001)|Kifizetve (3002)|Sztornózva (3003)" {
		t.Errorf("status options %q", m.status[domain.UploadPaidState].Options)
	}
	assertLaidOut(t, s.root)

	// Two values into one field: Mentés waits.
	m.fields[domain.UploadNet].SetSelected("Brutto (Int)")
	if !s.save.Disabled() || !s.errLabels[mappingErrKey].Visible() || !strings.Contains(s.errLabels[mappingErrKey].Text, "Brutto") {
		t.Fatalf("duplicate: save disabled %v, message %q", s.save.Disabled(), s.errLabels[mappingErrKey].Text)
	}
	// Change one, skip one, pick another status; save.
	m.fields[domain.UploadNet].SetSelected("Netto (Int)")
	m.fields[domain.UploadNumber].SetSelected("Megjegyzes (Text(1024))")
	m.fields[domain.UploadDueDate].SetSelected(mappingNone)
	m.status[domain.UploadCancelled].SetSelected(mappingNone)
	if s.save.Disabled() {
		t.Fatalf("Mentés disabled: %q", s.summary.Text)
	}
	test.Tap(s.save)
	if settings.saves != 1 || settings.m == nil {
		t.Fatalf("mapping saves %d, status %q", settings.saves, s.status.Text)
	}
	got := *settings.m
	if got.Auto || got.Module != 9 || got.Fields[domain.UploadNumber] != "Megjegyzes" || got.Fields[domain.UploadNet] != "Netto" ||
		got.Fields[domain.UploadGross] != "Brutto" {
		t.Errorf("saved mapping %+v", got)
	}
	if _, ok := got.Fields[domain.UploadDueDate]; ok {
		t.Errorf("a skipped field was saved: %+v", got.Fields)
	}
	if got.Status[domain.UploadUnpaid] != "3001" || got.Status[domain.UploadPaidState] != "3002" || got.Status[domain.UploadCancelled] != "" {
		t.Errorf("saved statuses %+v", got.Status)
	}
	if !strings.Contains(s.status.Text, "mentve") || !strings.Contains(m.msg.Text, "mentve") {
		t.Errorf("after save: status %q, section %q", s.status.Text, m.msg.Text)
	}

	// Mezők betöltése again shows the saved mapping, not the automatic one.
	test.Tap(m.loadBtn)
	if m.fields[domain.UploadNumber].Selected != "Megjegyzes (Text(1024))" || m.fields[domain.UploadDueDate].Selected != mappingNone {
		t.Errorf("reloaded: number %q, due %q", m.fields[domain.UploadNumber].Selected, m.fields[domain.UploadDueDate].Selected)
	}
	if !strings.Contains(m.msg.Text, "mentett hozzárendelés látszik") {
		t.Errorf("reloaded msg %q", m.msg.Text)
	}
}

func TestMiniCRMMappingFollowsTheModule(t *testing.T) {
	saved := &domain.UploadMapping{Module: 9, Fields: map[domain.UploadField]string{domain.UploadNumber: "Megjegyzes", domain.UploadGross: "Torolt"},
		Status: map[domain.UploadStatusKind]string{domain.UploadPaidState: "3003"}}
	s, settings, conn := newMappingFixture(t, saved)
	m := s.mapping
	if !strings.Contains(m.msg.Text, "Ön állította be") || !strings.Contains(m.msg.Text, "2 mezőt") {
		t.Errorf("saved mapping described as %q", m.msg.Text)
	}
	test.Tap(m.loadBtn) // with the stored key
	if len(conn.asked) != 1 || !m.grid.Visible() {
		t.Fatalf("Mezők betöltése: asked %v, msg %q", conn.asked, m.msg.Text)
	}
	// The saved choice shows; a field the module no longer has is skipped.
	if m.fields[domain.UploadNumber].Selected != "Megjegyzes (Text(1024))" || m.fields[domain.UploadGross].Selected != mappingNone ||
		m.status[domain.UploadPaidState].Selected != "Sztornózva (3003)" {
		t.Errorf("prefilled from the saved: %q %q %q", m.fields[domain.UploadNumber].Selected,
			m.fields[domain.UploadGross].Selected, m.status[domain.UploadPaidState].Selected)
	}
	// Another module hides the pickers, no module hides the section, and
	// a save then leaves the stored mapping alone.
	s.invoices.SetText("Projektek (38)")
	if !m.box.Visible() || m.grid.Visible() {
		t.Errorf("other module: section %v, pickers %v", m.box.Visible(), m.grid.Visible())
	}
	s.invoices.SetText("")
	if m.box.Visible() {
		t.Error("the section shows without a Számlák modul")
	}
	test.Tap(s.save)
	if settings.saves != 0 || settings.fakeMiniCRMSettings.saves != 1 {
		t.Errorf("mapping saves %d, settings saves %d (status %q)", settings.saves, settings.fakeMiniCRMSettings.saves, s.status.Text)
	}
}

func TestMiniCRMMappingLeftOutWithoutAStore(t *testing.T) {
	f := newMiniCRMFixture(t, withSavedKey)
	f.s.invoices.SetText("9")
	if f.s.mapping.box.Visible() {
		t.Error("the section shows though nothing keeps the mapping")
	}
}
