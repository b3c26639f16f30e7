package ui

import (
	"context"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// navFakeSettings is a domain.NAVSettingsStore in memory.
type navFakeSettings struct {
	mu sync.Mutex
	s  domain.NAVSettings
}

func (f *navFakeSettings) NAVSettings(context.Context) (domain.NAVSettings, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.s, nil
}

func (f *navFakeSettings) SaveNAVSettings(_ context.Context, s *domain.NAVSettings) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.s = *s
	return nil
}

// navFakeConnector accepts one password.
type navFakeConnector struct{ tested []domain.NAVSecrets }

func (c *navFakeConnector) TestConnection(_ context.Context, _ domain.NAVSettings, sec domain.NAVSecrets) error {
	c.tested = append(c.tested, sec)
	if sec.Password != "Jelszo123" {
		return domain.Errorf(domain.EUnavailable, "A NAV nem fogadta el a technikai felhasználót.")
	}
	return nil
}

type navFixture struct {
	s        *navSettingsScreen
	w        fyne.Window
	settings *navFakeSettings
	secrets  *fakeSecrets
	conn     *navFakeConnector
}

func navNewFixture(t *testing.T) *navFixture {
	t.Helper()
	test.NewTempApp(t)
	if err := UseHungarian(); err != nil {
		t.Fatal(err)
	}
	f := &navFixture{w: test.NewTempWindow(t, nil), settings: &navFakeSettings{}, secrets: newFakeSecrets(), conn: &navFakeConnector{}}
	f.s = navNewSettingsScreen(f.w, &domain.NAVService{Settings: f.settings, Secrets: f.secrets, Connector: f.conn})
	f.s.async = func(fn func()) { fn() }
	f.w.SetContent(f.s.buildUI())
	f.s.load()
	f.w.Resize(fyne.NewSize(900, 800))
	return f
}

func TestNAVSettingsNotSetUpByDefault(t *testing.T) {
	f := navNewFixture(t)
	if f.s.production.Checked || !strings.Contains(f.s.envLabel.Text, "Tesztrendszer") {
		t.Error("the live system is not off by default")
	}
	if f.s.status.Text != domain.NAVNotSetUpMessage {
		t.Errorf("status %q", f.s.status.Text)
	}
}

func TestNAVSettingsSaveKeepsSecretsInTheKeyring(t *testing.T) {
	f := navNewFixture(t)
	s := f.s
	test.Type(s.login, "tesztuser01")
	test.Type(s.taxNumber, "12345676242")
	test.Type(s.password, "Jelszo123")
	test.Type(s.sign, "ce-8f5e-215119fa7dd621DLMRHRLH2S")
	test.Type(s.exchange, "rövid")
	test.Tap(s.save)
	if s.errLabels[domain.NAVSecretExchangeKey].Hidden || f.settings.s.Login != "" {
		t.Fatalf("a short exchange key was accepted: %q", s.status.Text)
	}
	s.exchange.SetText("FA481F0C5F5A1EE3")
	test.Tap(s.save)
	if f.settings.s.Login != "tesztuser01" || f.settings.s.TaxNumber != "12345676-2-42" || f.settings.s.Production {
		t.Fatalf("saved %+v; status %q", f.settings.s, s.status.Text)
	}
	if got := f.secrets.m["nav:test:tesztuser01:password"]; got != "Jelszo123" {
		t.Errorf("password in the keyring: %q", got)
	}
	if s.password.Text != "" || s.password.PlaceHolder != navStoredText || !s.password.Password {
		t.Errorf("the stored password is shown or not marked: %q %q", s.password.Text, s.password.PlaceHolder)
	}
	if s.status.Importance != widget.SuccessImportance {
		t.Errorf("status %q", s.status.Text)
	}
	markup := test.RenderToMarkup(f.w.Canvas())
	for _, secret := range []string{"Jelszo123", "ce-8f5e-215119fa7dd621DLMRHRLH2S", "FA481F0C5F5A1EE3"} {
		if strings.Contains(markup, secret) {
			t.Errorf("a secret is shown: %s", secret)
		}
	}
	// The test uses the stored secrets when the entries are empty.
	test.Tap(s.test)
	if len(f.conn.tested) != 1 || f.conn.tested[0].Password != "Jelszo123" || s.status.Importance != widget.SuccessImportance {
		t.Errorf("connection test: %+v, %q", f.conn.tested, s.status.Text)
	}
	s.password.SetText("rossz")
	test.Tap(s.test)
	if s.status.Importance != widget.DangerImportance {
		t.Errorf("a wrong password tested fine: %q", s.status.Text)
	}
}

func TestNAVSettingsProductionNeedsConfirmation(t *testing.T) {
	f := navNewFixture(t)
	s := f.s
	test.Tap(s.production)
	// The warning dialog is open; the check stays on only if confirmed.
	if !strings.Contains(test.RenderToMarkup(f.w.Canvas()), "valódi adatszolgáltatás") {
		t.Fatal("no warning before switching to the live system")
	}
	tapDialogButton(t, f.w, "Mégse")
	if s.production.Checked {
		t.Error("the live system stayed on after Mégse")
	}
	test.Tap(s.production)
	tapDialogButton(t, f.w, "Bekapcsolom")
	if !s.production.Checked || !strings.Contains(s.envLabel.Text, "ÉLES") {
		t.Errorf("not switched on after confirming: %q", s.envLabel.Text)
	}
}

// navFakeReports is a domain.NAVReportStore over a map.
type navFakeReports struct {
	mu      sync.Mutex
	reports map[string]domain.NAVReport
	resent  []string
}

func (f *navFakeReports) NAVReports(context.Context) ([]domain.NAVReport, error) { return nil, nil }
func (f *navFakeReports) NAVReportOf(_ context.Context, n string) (*domain.NAVReport, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	r := f.reports[n]
	return &r, nil
}
func (f *navFakeReports) NAVStates(_ context.Context, numbers []string) (map[string]domain.NAVReport, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[string]domain.NAVReport{}
	for _, n := range numbers {
		if r, ok := f.reports[n]; ok {
			out[n] = r
		}
	}
	return out, nil
}
func (f *navFakeReports) ResendNAVReport(_ context.Context, n string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.resent = append(f.resent, n)
	r := f.reports[n]
	r.State, r.Messages = domain.NAVPending, nil
	f.reports[n] = r
	return nil
}

func TestNAVColumnInTheInvoiceList(t *testing.T) {
	fx := newInvoiceFixture(t, testSeller(), domain.Customer{ID: 1, Kind: domain.KindCompany, Name: "Vevő Kft.",
		TaxNumber: "12892312-2-41", BillingAddress: domain.Address{Country: "HU", PostalCode: "6720", City: "Szeged", Street: "Fő u. 2."}})
	reports := &navFakeReports{reports: map[string]domain.NAVReport{}}
	settings := &navFakeSettings{}
	fx.s.nav = navListDeps{Reports: reports, Settings: settings}
	pending := fx.issue(t, domain.DocInvoice, testToday, testToday.AddDays(8), "1000")
	refused := fx.issue(t, domain.DocInvoice, testToday, testToday.AddDays(8), "2000")
	proforma := fx.issue(t, domain.DocProforma, testToday, testToday.AddDays(8), "3000")
	reports.reports[pending] = domain.NAVReport{Number: pending, State: domain.NAVPending}
	reports.reports[refused] = domain.NAVReport{Number: refused, State: domain.NAVAborted, Messages: []domain.NAVMessage{
		{Severity: "ERROR", Code: "SUPPLIER_TAX_NUMBER_MISMATCH", Text: "Az eladó adószáma eltér."}}}
	fx.s.reload()
	got := map[string]string{}
	for _, r := range listed(fx.s) {
		got[r.col("Sorszám")] = r.col("NAV")
	}
	if got[pending] != "vár (nincs beállítva)" || got[refused] != "hibás: SUPPLIER_TAX_NUMBER_MISMATCH" || got[proforma] != "–" {
		t.Errorf("NAV column: %q", got)
	}
	// A tap on the NAV cell shows NAV's message and offers the resend.
	for i, row := range fx.s.rows {
		if row.Number == refused {
			fx.s.table.Select(widget.TableCellID{Row: i, Col: len(invoiceColumns) - 1})
		}
	}
	if text := dialogText(t, fx.w); !strings.Contains(text, "Az eladó adószáma eltér.") || !strings.Contains(text, "újraküldhető") {
		t.Errorf("details: %q", text)
	}
	tapDialogButton(t, fx.w, "Újraküldés")
	if len(reports.resent) != 1 || reports.resent[0] != refused {
		t.Errorf("resent %v", reports.resent)
	}
	// The queue accepted it meanwhile: RefreshNAV updates the column only.
	reports.mu.Lock()
	reports.reports[refused] = domain.NAVReport{Number: refused, State: domain.NAVDone}
	reports.mu.Unlock()
	fx.m.RefreshNAV()
	for _, r := range listed(fx.s) {
		if r.col("Sorszám") == refused && r.col("NAV") != "befogadva" {
			t.Errorf("after RefreshNAV: %q", r.col("NAV"))
		}
	}
}
