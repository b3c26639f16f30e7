package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"konnyuszamla/domain"
)

// cardSettings is a settings store that also keeps the card status, as
// *storage.DB does.
type cardSettings struct {
	*fakeMiniCRMSettings
	card int64
}

func (c *cardSettings) CardStatus(context.Context) (int64, error)       { return c.card, nil }
func (c *cardSettings) SetCardStatus(_ context.Context, id int64) error { c.card = id; return nil }

// statusConnector lists the statuses of module 23 (Értékesítés).
type statusConnector struct {
	*fakeConnector
	asked int64
}

func (c *statusConnector) ModuleStatuses(_ context.Context, _ domain.MiniCRMSettings, key string, module int64) ([]domain.MiniCRMStatus, error) {
	c.asked = module
	if key != uiTestKey || module != 23 {
		return nil, errFakeUnauthorized
	}
	return []domain.MiniCRMStatus{{ID: 2501, Name: "Érdeklődő"}, {ID: 2503, Name: "Vevő"}, {ID: 2504, Name: "Elveszett"}}, nil
}

func TestMiniCRMCardStatusPicker(t *testing.T) {
	test.NewTempApp(t)
	if err := UseHungarian(); err != nil {
		t.Fatal(err)
	}
	settings := &cardSettings{fakeMiniCRMSettings: &fakeMiniCRMSettings{saved: &domain.MiniCRMSettings{SystemID: "98",
		BaseURL: domain.DefaultMiniCRMBaseURL, AllowedIPs: []string{}, CustomersModule: 23}}, card: 2504}
	secrets := newFakeSecrets()
	secrets.m["minicrm:98"] = uiTestKey
	conn := &statusConnector{fakeConnector: &fakeConnector{goodKey: uiTestKey, mods: testModules}}
	w := test.NewTempWindow(t, nil)
	s := newMiniCRMScreen(w, settings, secrets, conn)
	s.async = func(fn func()) { fn() }
	w.SetContent(s.buildUI())
	s.open()
	w.Resize(fyne.NewSize(1000, 900))

	if s.cardStatus.Selected != "Státusz #2504" {
		t.Errorf("before a test the saved status shows by id: %q", s.cardStatus.Selected)
	}
	test.Tap(s.test)
	if conn.asked != 23 {
		t.Fatalf("statuses asked of module %d", conn.asked)
	}
	want := []string{cardStatusAuto, "Elveszett (2504)", "Érdeklődő (2501)", "Vevő (2503)"} // by name, accents folded
	if strings.Join(s.cardStatus.Options, "|") != strings.Join(want, "|") {
		t.Errorf("options %q", s.cardStatus.Options)
	}
	if s.cardStatus.Selected != "Elveszett (2504)" {
		t.Errorf("selected %q", s.cardStatus.Selected)
	}
	s.cardStatus.SetSelected("Vevő (2503)")
	test.Tap(s.save)
	if settings.card != 2503 || !strings.Contains(s.status.Text, "mentve") {
		t.Fatalf("saved card status %d, status %q", settings.card, s.status.Text)
	}
	s.cardStatus.SetSelected(cardStatusAuto)
	test.Tap(s.save)
	if settings.card != 0 {
		t.Errorf("Automatikus saved as %d", settings.card)
	}
}

func TestMiniCRMCardStatusWithoutAStore(t *testing.T) {
	f := newMiniCRMFixture(t, withSavedKey)
	if !f.s.cardStatus.Disabled() {
		t.Error("the picker is enabled though nothing keeps the card status")
	}
	test.Tap(f.s.test) // a connector without statuses: no change, no error
	if !strings.Contains(f.s.status.Text, "A kapcsolat működik") {
		t.Errorf("status %q", f.s.status.Text)
	}
}
