package cli

import (
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"konnyuszamla/domain"
)

const cliKey = "d9cb5e1f0a7b4c3d8e2f6a1b9c0d4a572"

func TestMiniCRMSetStoresKeyOnlyInKeyring(t *testing.T) {
	r := newMiniCRMRig()
	code, out, errOut := r.run(t, cliKey+"\n", "set", "--system-id", "98", "--company", "0", "--demo=true",
		"--allowed-ips", "195.228.75.210, 10.0.0.0/8", "--customers-module", "23", "--api-key-stdin")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if r.secrets.m["minicrm:98"] != cliKey {
		t.Fatalf("keyring %v", r.secrets.m)
	}
	s := r.settings.saved
	if s.SystemID != "98" || s.Company != "0" || !s.Demo || len(s.AllowedIPs) != 2 || s.CustomersModule != 23 {
		t.Fatalf("saved %+v", s)
	}
	if !strings.Contains(out, "mentve") || strings.Contains(out+errOut, cliKey) {
		t.Errorf("out %q err %q", out, errOut)
	}
	// Only the flags given change; --demo=false turns the flag off.
	if code, _, errOut := r.run(t, "", "set", "--demo=false", "--invoices-module", "9"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if s := r.settings.saved; s.Demo || s.InvoicesModule != 9 || s.CustomersModule != 23 || s.Company != "0" {
		t.Errorf("after second set %+v", s)
	}
}

func TestMiniCRMSetFromAPIURL(t *testing.T) {
	r := newMiniCRMRig()
	code, _, errOut := r.run(t, "https://98:"+cliKey+"@r3-test.minicrm.hu/Api/R3\n", "set", "--api-url-stdin")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if s := r.settings.saved; s.SystemID != "98" || s.BaseURL != "https://r3-test.minicrm.hu" || r.secrets.m["minicrm:98"] != cliKey {
		t.Fatalf("saved %+v", s)
	}
	code, _, errOut = r.run(t, "https://98:"+cliKey+"@r3.minicrm.hu\n", "set", "--api-url-stdin", "--system-id", "99")
	if code != 1 || !strings.Contains(errOut, "eltér") {
		t.Errorf("mismatch: exit %d %q", code, errOut)
	}
	code, _, errOut = r.run(t, "nem url\n", "set", "--api-url-stdin")
	if code != 1 || !strings.Contains(errOut, "Ilyen formát várunk") {
		t.Errorf("bad URL: exit %d %q", code, errOut)
	}
}

func TestMiniCRMSetErrors(t *testing.T) {
	cases := []struct {
		name  string
		stdin string
		args  []string
		code  int
		want  string
	}{
		{"no flags", "", []string{"set"}, 2, "legalább egy"},
		{"both stdin flags", "x", []string{"set", "--api-key-stdin", "--api-url-stdin"}, 2, "csak az egyiket"},
		{"positional", "", []string{"set", "98"}, 2, "minicrm set"},
		{"bad module", "", []string{"set", "--customers-module", "abc"}, 2, "customers-module"},
		{"bad system id", "", []string{"set", "--system-id", "98a"}, 1, "Rendszerazonosító: csak számjegyekből"},
		{"bad ip", "", []string{"set", "--system-id", "98", "--allowed-ips", "1.2.3.4,300.0.0.1"}, 1, "2. elem („300.0.0.1”)"},
		{"remote http", "", []string{"set", "--system-id", "98", "--base-url", "http://r3.minicrm.hu"}, 1, "localhost"},
		{"empty key", "\n\n", []string{"set", "--system-id", "98", "--api-key-stdin"}, 1, "Üres a szabványos bemenet"},
		{"key with space", "abc def\n", []string{"set", "--system-id", "98", "--api-key-stdin"}, 1, "API kulcs"},
		{"unknown sub", "", []string{"delete"}, 2, "ismeretlen minicrm alparancs"},
		{"no sub", "", nil, 2, "set, show vagy test"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := newMiniCRMRig()
			code, _, errOut := r.run(t, tc.stdin, tc.args...)
			if code != tc.code || !strings.Contains(errOut, tc.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errOut, tc.code, tc.want)
			}
			if tc.code != 0 && (r.settings.saved != nil || len(r.secrets.m) != 0) {
				t.Errorf("a failed set stored something: %+v %v", r.settings.saved, r.secrets.m)
			}
		})
	}
}

// A new key replaces a stored one only after it worked.
func TestMiniCRMSetReplacesKeyOnlyWhenItWorks(t *testing.T) {
	r := newMiniCRMRig()
	r.secrets.m["minicrm:98"] = cliKey
	r.settings.saved = &domain.MiniCRMSettings{SystemID: "98", BaseURL: domain.DefaultMiniCRMBaseURL}
	code, _, errOut := r.run(t, "ffffffff\n", "set", "--api-key-stdin", "--company", "5")
	if code != 1 || r.secrets.m["minicrm:98"] != cliKey || r.settings.saved.Company != "" ||
		errOut != "Hiba: A kulcsot és a beállításokat nem mentettük. "+wrongKeyText+"\n" {
		t.Fatalf("exit %d %q, stored %q", code, errOut, r.secrets.m["minicrm:98"])
	}
}

// Giving the stored key again needs no connection test (no network).
func TestMiniCRMSetSameKeyOffline(t *testing.T) {
	r := newMiniCRMRig()
	r.secrets.m["minicrm:98"] = cliKey
	r.settings.saved = &domain.MiniCRMSettings{SystemID: "98", BaseURL: domain.DefaultMiniCRMBaseURL}
	r.conn.good = "" // every test would fail, as offline
	code, _, errOut := r.run(t, cliKey+"\n", "set", "--api-key-stdin", "--company", "5")
	if code != 0 || r.secrets.m["minicrm:98"] != cliKey || r.settings.saved.Company != "5" {
		t.Fatalf("exit %d %q, saved %+v", code, errOut, r.settings.saved)
	}
}

func TestMiniCRMShowJSON(t *testing.T) {
	r := newMiniCRMRig()
	code, out, errOut := r.run(t, "", "show", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var fresh map[string]any
	if err := json.Unmarshal([]byte(out), &fresh); err != nil {
		t.Fatal(err)
	}
	keys := slices.Sorted(maps.Keys(fresh))
	want := []string{"allowedIps", "baseUrl", "company", "customersModule", "demo", "invoicesModule", "keySource", "keyStored", "systemId"}
	if !reflect.DeepEqual(keys, want) {
		t.Errorf("keys %v", keys)
	}
	if fresh["keyStored"] != false || fresh["customersModule"] != nil || fresh["baseUrl"] != domain.DefaultMiniCRMBaseURL {
		t.Errorf("fresh %v", fresh)
	}

	r.run(t, cliKey, "set", "--system-id", "98", "--customers-module", "23", "--allowed-ips", "10.0.0.0/8", "--api-key-stdin")
	_, out, _ = r.run(t, "", "show", "--json")
	var got struct {
		SystemID        string   `json:"systemId"`
		AllowedIPs      []string `json:"allowedIps"`
		CustomersModule *int64   `json:"customersModule"`
		KeyStored       *bool    `json:"keyStored"`
		KeySource       *string  `json:"keySource"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.SystemID != "98" || *got.CustomersModule != 23 || !*got.KeyStored || *got.KeySource != "keyring" || got.AllowedIPs[0] != "10.0.0.0/8" {
		t.Errorf("show %s", out)
	}
	if strings.Contains(out, cliKey) {
		t.Error("show prints the key")
	}
	_, text, _ := r.run(t, "", "show")
	if !strings.Contains(text, "el van mentve a kulcstartóban") || !strings.Contains(text, "Rendszerazonosító:") || strings.Contains(text, cliKey) {
		t.Errorf("text show %q", text)
	}
}

func TestMiniCRMShowWhenKeyringFails(t *testing.T) {
	r := newMiniCRMRig()
	r.settings.saved = &domain.MiniCRMSettings{SystemID: "98", BaseURL: domain.DefaultMiniCRMBaseURL}
	r.secrets.err = &domain.Error{Code: domain.EUnavailable, Message: "A rendszer kulcstartója nem érhető el."}
	code, out, errOut := r.run(t, "", "show", "--json")
	if code != 0 || !strings.Contains(errOut, "kulcstartója nem érhető el") || !strings.Contains(out, `"keyStored": false`) ||
		!strings.Contains(out, `"keySource": null`) {
		t.Errorf("exit %d, out %q, err %q", code, out, errOut)
	}
}

// With the environment variable in use, keyStored still tells whether the
// keyring holds a key: docs/cli.md has it as a boolean.
func TestMiniCRMShowWithEnvironmentKey(t *testing.T) {
	r := newMiniCRMRig()
	r.settings.saved = &domain.MiniCRMSettings{SystemID: "98", BaseURL: domain.DefaultMiniCRMBaseURL}
	r.secrets.override = cliKey
	show := func() (map[string]any, string, string) {
		t.Helper()
		code, out, errOut := r.run(t, "", "show", "--json")
		var got map[string]any
		if err := json.Unmarshal([]byte(out), &got); err != nil || code != 0 {
			t.Fatalf("exit %d, %v: %s %s", code, err, out, errOut)
		}
		if strings.Contains(out, cliKey) {
			t.Fatal("show prints the key")
		}
		return got, out, errOut
	}

	got, _, errOut := show()
	if got["keyStored"] != false || got["keySource"] != "environment" || errOut != "" {
		t.Errorf("environment, empty keyring: %v, stderr %q", got, errOut)
	}
	r.secrets.m["minicrm:98"] = "0123456789abcdef0123456789abcdef"
	got, _, _ = show()
	if got["keyStored"] != true || got["keySource"] != "environment" {
		t.Errorf("environment, key in the keyring: %v", got)
	}
	_, text, _ := r.run(t, "", "show")
	if !strings.Contains(text, "környezeti változóból (a kulcstartóban is van egy elmentett kulcs)") {
		t.Errorf("text show %q", text)
	}
	r.secrets.err = &domain.Error{Code: domain.EUnavailable, Message: "A rendszer kulcstartója nem érhető el."}
	got, _, errOut = show()
	if got["keyStored"] != false || got["keySource"] != "environment" || !strings.Contains(errOut, "Figyelem: A rendszer kulcstartója nem érhető el.") {
		t.Errorf("environment, keyring down: %v, stderr %q", got, errOut)
	}
}

func TestMiniCRMTest(t *testing.T) {
	r := newMiniCRMRig()
	code, _, errOut := r.run(t, "", "test")
	if code != 1 || !strings.Contains(errOut, "Nincs beállítva a MiniCRM rendszerazonosítója") {
		t.Fatalf("unconfigured: exit %d %q", code, errOut)
	}
	r.run(t, cliKey, "set", "--system-id", "98", "--api-key-stdin")
	code, out, errOut := r.run(t, "", "test")
	if code != 0 || !strings.Contains(out, "A kapcsolat működik") || !strings.Contains(out, "Értékesítés") {
		t.Fatalf("exit %d, out %q, err %q", code, out, errOut)
	}
	if !strings.Contains(errOut, "--customers-module 23") {
		t.Errorf("no hint for the customers module: %q", errOut)
	}
	r.secrets.m["minicrm:98"] = "ffffffff"
	code, _, errOut = r.run(t, "", "test")
	if code != 1 || !strings.Contains(errOut, "Hiba: "+wrongKeyText) {
		t.Errorf("wrong key: exit %d %q", code, errOut)
	}
	if code, _, _ := r.run(t, "", "test", "--json"); code != 2 {
		t.Errorf("unknown flag: exit %d", code)
	}
}
