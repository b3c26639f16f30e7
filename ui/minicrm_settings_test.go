package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

const uiTestKey = "d9cb5e1f0a7b4c3d8e2f6a1b9c0d4a572"

var testModules = []domain.MiniCRMModule{{ID: 23, Name: "Értékesítés"}, {ID: 38, Name: "Projektek"}, {ID: 9, Name: "Számlázó"}}

type miniCRMFixture struct {
	s        *miniCRMScreen
	w        fyne.Window
	settings *fakeMiniCRMSettings
	secrets  *fakeSecrets
	conn     *fakeConnector
}

// newMiniCRMFixture builds the tab over fakes, with background work run
// inline. prepare may seed the fakes before the tab loads.
func newMiniCRMFixture(t *testing.T, prepare func(*miniCRMFixture)) *miniCRMFixture {
	t.Helper()
	test.NewTempApp(t)
	if err := UseHungarian(); err != nil {
		t.Fatal(err)
	}
	f := &miniCRMFixture{
		w:        test.NewTempWindow(t, nil),
		settings: &fakeMiniCRMSettings{},
		secrets:  newFakeSecrets(),
		conn:     &fakeConnector{goodKey: uiTestKey, mods: testModules},
	}
	if prepare != nil {
		prepare(f)
	}
	f.s = newMiniCRMScreen(f.w, f.settings, f.secrets, f.conn)
	f.s.async = func(fn func()) { fn() }
	f.w.SetContent(f.s.buildUI())
	f.s.open()
	f.w.Resize(fyne.NewSize(1000, 900))
	return f
}

// withSavedKey seeds settings for system 98 and its key in the keyring.
func withSavedKey(f *miniCRMFixture) {
	f.settings.saved = &domain.MiniCRMSettings{SystemID: "98", BaseURL: domain.DefaultMiniCRMBaseURL, AllowedIPs: []string{}}
	f.secrets.m["minicrm:98"] = uiTestKey
}

// assertKeyNotShown fails if the key is in any entry (but the masked key
// entry), label or in what the window renders (dialogs included).
func (f *miniCRMFixture) assertKeyNotShown(t *testing.T, key string) {
	t.Helper()
	s := f.s
	if !s.apiKey.Password {
		t.Fatal("the key entry is not a password entry")
	}
	texts := []string{s.paste.Text, s.pasteMsg.Text, s.systemID.Text, s.keyLabel.Text, s.company.Text,
		s.allowedIPs.Text, s.customers.Text, s.invoices.Text, s.baseURL.Text, s.summary.Text, s.status.Text,
		test.RenderToMarkup(f.w.Canvas())}
	for _, l := range s.errLabels {
		texts = append(texts, l.Text)
	}
	for i, text := range texts {
		if strings.Contains(text, key) {
			t.Fatalf("the key is shown (text %d): %.200q", i, text)
		}
	}
}

func TestMiniCRMBadSystemIDDisablesSave(t *testing.T) {
	f := newMiniCRMFixture(t, nil)
	s := f.s
	test.Type(s.systemID, "98a")
	l := s.errLabels["systemId"]
	if !l.Visible() || !strings.Contains(l.Text, "csak számjegyekből állhat") {
		t.Fatalf("system id message %q (visible %v)", l.Text, l.Visible())
	}
	if !s.save.Disabled() || s.summary.Text != "Mentés előtt javítandó: Rendszerazonosító" || s.summary.Importance != widget.DangerImportance {
		t.Errorf("Mentés enabled %v, summary %q", !s.save.Disabled(), s.summary.Text)
	}
	s.systemID.SetText("98")
	if l.Visible() || s.save.Disabled() {
		t.Errorf("after fixing: message %q, Mentés disabled %v", l.Text, s.save.Disabled())
	}
	test.Type(s.allowedIPs, "10.0.0.1\n300.1.1.1")
	if l := s.errLabels["allowedIps"]; !l.Visible() || !strings.Contains(l.Text, "2. elem („300.1.1.1”)") || !s.save.Disabled() {
		t.Errorf("IP message %q, Mentés disabled %v", l.Text, s.save.Disabled())
	}
	s.allowedIPs.SetText("10.0.0.1\n10.0.0.0/8")
	test.Tap(s.advancedBtn)
	s.baseURL.SetText("http://r3.minicrm.hu")
	if l := s.errLabels["baseUrl"]; !l.Visible() || !strings.Contains(l.Text, "localhost") || !s.save.Disabled() {
		t.Errorf("base URL message %q", l.Text)
	}
	s.baseURL.SetText("http://127.0.0.1:8080")
	if s.save.Disabled() {
		t.Errorf("loopback http refused: %q", s.summary.Text)
	}
}

func TestMiniCRMSaveStoresKeyInKeyringOnly(t *testing.T) {
	f := newMiniCRMFixture(t, nil)
	s := f.s
	if s.keyStored.Visible() || !s.keyEntry.Visible() {
		t.Fatal("a fresh setup must ask for the key")
	}
	test.Type(s.systemID, "98")
	test.Type(s.apiKey, uiTestKey)
	test.Type(s.company, "0")
	test.Type(s.allowedIPs, "195.228.75.210")
	s.demo.SetChecked(true)
	test.Tap(s.save)

	if got := f.secrets.get("minicrm:98"); got != uiTestKey {
		t.Fatalf("keyring has %q", got)
	}
	saved := f.settings.saved
	if saved == nil || saved.SystemID != "98" || saved.Company != "0" || !saved.Demo || len(saved.AllowedIPs) != 1 {
		t.Fatalf("saved settings %+v", saved)
	}
	if !s.keyStored.Visible() || s.keyEntry.Visible() || s.keyLabel.Text != keyStoredText || s.apiKey.Text != "" {
		t.Errorf("key area: stored visible %v, label %q, entry kept the key %v", s.keyStored.Visible(), s.keyLabel.Text, s.apiKey.Text != "")
	}
	if !strings.Contains(s.status.Text, "mentve") {
		t.Errorf("status %q", s.status.Text)
	}
	f.assertKeyNotShown(t, uiTestKey)
	if len(f.conn.triedKeys()) != 0 {
		t.Error("a first key is saved without a network test (setting up offline must work)")
	}
}

func TestMiniCRMLoadShowsStoredKeyWithoutIt(t *testing.T) {
	f := newMiniCRMFixture(t, withSavedKey)
	s := f.s
	if s.systemID.Text != "98" || !s.keyStored.Visible() || s.keyLabel.Text != keyStoredText || s.apiKey.Text != "" {
		t.Fatalf("loaded: id %q, stored visible %v", s.systemID.Text, s.keyStored.Visible())
	}
	f.assertKeyNotShown(t, uiTestKey)
	// Another system id has no key yet: the entry comes back.
	s.systemID.SetText("99")
	if s.keyStored.Visible() || !s.keyEntry.Visible() {
		t.Error("the stored key was offered for another system")
	}
}

func TestMiniCRMTestConnectionShowsModules(t *testing.T) {
	f := newMiniCRMFixture(t, withSavedKey)
	s := f.s
	test.Tap(s.test)
	for _, name := range []string{"A kapcsolat működik", "Értékesítés", "Projektek", "Számlázó"} {
		if !strings.Contains(s.status.Text, name) {
			t.Errorf("status %q lacks %q", s.status.Text, name)
		}
	}
	if s.status.Importance != widget.SuccessImportance {
		t.Error("success is not shown as success")
	}
	if got := f.conn.triedKeys(); len(got) != 1 || got[0] != uiTestKey {
		t.Errorf("tested with the stored key? %d tries", len(got))
	}
	if len(s.options) != 3 || s.options[0] != "Értékesítés (23)" {
		t.Errorf("picker options %q", s.options)
	}
	if s.customers.Text != "Értékesítés (23)" {
		t.Errorf("default customers module %q", s.customers.Text)
	}
	s.invoices.SetText("Számlázó (9)")
	test.Tap(s.save)
	if m := f.settings.saved; m.CustomersModule != 23 || m.InvoicesModule != 9 {
		t.Errorf("saved modules %d / %d", m.CustomersModule, m.InvoicesModule)
	}
	f.assertKeyNotShown(t, uiTestKey)
}

func TestMiniCRMTestConnectionShowsCause(t *testing.T) {
	f := newMiniCRMFixture(t, func(f *miniCRMFixture) {
		withSavedKey(f)
		f.secrets.m["minicrm:98"] = "ffffffff" // a wrong key
	})
	s := f.s
	test.Tap(s.test)
	if s.status.Text != fakeUnauthorizedText || s.status.Importance != widget.DangerImportance {
		t.Errorf("status %q", s.status.Text)
	}
	f.conn.offline = true
	test.Tap(s.test)
	if s.status.Text != fakeOfflineText {
		t.Errorf("offline status %q", s.status.Text)
	}
	// Offline, a module is entered by its number.
	s.customers.SetText("23")
	if s.errLabels["customersModule"].Visible() || s.save.Disabled() {
		t.Errorf("a module number is refused offline: %q", s.errLabels["customersModule"].Text)
	}
	s.customers.SetText("valami")
	if !s.errLabels["customersModule"].Visible() || !s.save.Disabled() {
		t.Error("an unknown module name is accepted")
	}
}

func TestMiniCRMNewKeyIsTestedBeforeReplacing(t *testing.T) {
	f := newMiniCRMFixture(t, func(f *miniCRMFixture) {
		withSavedKey(f)
		f.conn.goodKey = "0123456789abcdef0123456789abcdef" // the old key no longer works
	})
	s := f.s
	test.Tap(s.newKeyBtn)
	k := s.newKey
	if k == nil {
		t.Fatal("no dialog")
	}
	test.Type(k.entry, "ffffffffffffffffffffffffffffffff")
	test.Tap(k.ok)
	if f.secrets.get("minicrm:98") != uiTestKey {
		t.Fatal("a failing key replaced the stored one")
	}
	if !k.msg.Visible() || k.msg.Text != "Az új kulcsot nem mentettük. "+fakeUnauthorizedText+" A tárolt kulcs nem változott." {
		t.Errorf("dialog message %q", k.msg.Text)
	}
	k.entry.SetText("0123456789abcdef0123456789abcdef")
	test.Tap(k.ok)
	if f.secrets.get("minicrm:98") != "0123456789abcdef0123456789abcdef" {
		t.Fatal("the working key was not stored")
	}
	if k.entry.Text != "" || !strings.Contains(s.status.Text, "Az új kulcs működik") || !strings.Contains(s.status.Text, "Értékesítés") {
		t.Errorf("after replacing: status %q", s.status.Text)
	}
	f.assertKeyNotShown(t, "0123456789abcdef0123456789abcdef")
}

func TestMiniCRMKeyringUnavailableIsExplained(t *testing.T) {
	const msg = "A rendszer kulcstartója nem érhető el… Telepítse és indítsa el a GNOME Kulcstartót (gnome-keyring) vagy a KWalletet."
	f := newMiniCRMFixture(t, func(f *miniCRMFixture) {
		f.settings.saved = &domain.MiniCRMSettings{SystemID: "98", BaseURL: domain.DefaultMiniCRMBaseURL}
		f.secrets.err = &domain.Error{Code: domain.EUnavailable, Message: msg}
	})
	s := f.s
	if s.status.Text != msg || s.systemID.Text != "98" {
		t.Fatalf("status %q, id %q", s.status.Text, s.systemID.Text)
	}
	test.Type(s.apiKey, uiTestKey)
	test.Tap(s.save)
	if s.status.Text != "A kulcsot és a beállításokat nem mentettük. "+msg || f.settings.saves != 0 {
		t.Errorf("save without a keyring: status %q, saves %d", s.status.Text, f.settings.saves)
	}
}

func TestMiniCRMEnvironmentKeyIsShown(t *testing.T) {
	f := newMiniCRMFixture(t, func(f *miniCRMFixture) {
		f.settings.saved = &domain.MiniCRMSettings{SystemID: "98", BaseURL: domain.DefaultMiniCRMBaseURL}
		f.secrets.override = uiTestKey
	})
	s := f.s
	if !s.keyStored.Visible() || s.keyLabel.Text != keyEnvText {
		t.Fatalf("key label %q", s.keyLabel.Text)
	}
	test.Tap(s.test)
	if !strings.Contains(s.status.Text, "A kapcsolat működik") {
		t.Errorf("status %q", s.status.Text)
	}
	f.assertKeyNotShown(t, uiTestKey)
}
