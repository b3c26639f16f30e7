package domain

import (
	"strings"
	"testing"
)

// fieldMessages maps field names to their joined messages.
func fieldMessages(err error) map[string]string {
	out := map[string]string{}
	for _, fe := range FieldErrors(err) {
		if out[fe.Field] != "" {
			out[fe.Field] += "; "
		}
		out[fe.Field] += fe.Message
	}
	return out
}

func TestMiniCRMSettingsNormalize(t *testing.T) {
	s := MiniCRMSettings{SystemID: " 0 98 ", Company: " 0 ", BaseURL: " https://r3-test.minicrm.hu/Api/R3/ ",
		AllowedIPs: []string{" 203.0.113.7 ", "", "2001:DB8::1", "203.0.113.7", "10.0.0.0/8"}}
	s.Normalize()
	if s.SystemID != "98" || s.Company != "0" || s.BaseURL != "https://r3-test.minicrm.hu" {
		t.Errorf("Normalize: %+v", s)
	}
	if got := strings.Join(s.AllowedIPs, ","); got != "203.0.113.7,2001:db8::1,10.0.0.0/8" {
		t.Errorf("AllowedIPs = %q", got)
	}
	if err := s.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
	var empty MiniCRMSettings
	empty.Normalize()
	if empty.BaseURL != DefaultMiniCRMBaseURL || empty.AllowedIPs == nil {
		t.Errorf("defaults: %+v", empty)
	}
}

func TestMiniCRMSettingsValidate(t *testing.T) {
	valid := func() MiniCRMSettings { return MiniCRMSettings{SystemID: "98", BaseURL: DefaultMiniCRMBaseURL} }
	cases := []struct {
		name   string
		edit   func(*MiniCRMSettings)
		field  string // "" for valid settings
		substr string
	}{
		{"valid", func(*MiniCRMSettings) {}, "", ""},
		{"five digit id", func(s *MiniCRMSettings) { s.SystemID = "51546" }, "", ""},
		{"spaces in id", func(s *MiniCRMSettings) { s.SystemID = "51 546" }, "", ""},
		{"missing id", func(s *MiniCRMSettings) { s.SystemID = "" }, "systemId", "kötelező"},
		{"letters in id", func(s *MiniCRMSettings) { s.SystemID = "98a" }, "systemId", "csak számjegyekből"},
		{"negative id", func(s *MiniCRMSettings) { s.SystemID = "-98" }, "systemId", "csak számjegyekből"},
		{"zero id", func(s *MiniCRMSettings) { s.SystemID = "000" }, "systemId", "nulla"},
		{"leading zero id", func(s *MiniCRMSettings) { s.SystemID = "098" }, "", ""},
		{"huge id", func(s *MiniCRMSettings) { s.SystemID = "1234567890123" }, "systemId", "legfeljebb 12"},
		{"pasted url as id", func(s *MiniCRMSettings) { s.SystemID = "98:abc@r3.minicrm.hu" }, "systemId", "csak számjegyekből"},
		{"company zero", func(s *MiniCRMSettings) { s.Company = "0" }, "", ""},
		{"company letters", func(s *MiniCRMSettings) { s.Company = "x1" }, "company", "csak számjegyekből"},
		{"http loopback", func(s *MiniCRMSettings) { s.BaseURL = "http://127.0.0.1:8080" }, "", ""},
		{"http localhost", func(s *MiniCRMSettings) { s.BaseURL = "http://localhost:9" }, "", ""},
		{"http ipv6 loopback", func(s *MiniCRMSettings) { s.BaseURL = "http://[::1]:9" }, "", ""},
		{"http remote", func(s *MiniCRMSettings) { s.BaseURL = "http://r3.minicrm.hu" }, "baseUrl", "http://"},
		{"http lan", func(s *MiniCRMSettings) { s.BaseURL = "http://192.168.1.10" }, "baseUrl", "localhost"},
		{"ftp", func(s *MiniCRMSettings) { s.BaseURL = "ftp://r3.minicrm.hu" }, "baseUrl", "https://"},
		{"no scheme", func(s *MiniCRMSettings) { s.BaseURL = "r3.minicrm.hu" }, "baseUrl", "nem érvényes"},
		{"path", func(s *MiniCRMSettings) { s.BaseURL = "https://r3.minicrm.hu/51546" }, "baseUrl", "útvonal nélkül"},
		{"query", func(s *MiniCRMSettings) { s.BaseURL = "https://r3.minicrm.hu?x=1" }, "baseUrl", "útvonal nélkül"},
		{"credentials", func(s *MiniCRMSettings) { s.BaseURL = "https://98:d9cbsecret@r3.minicrm.hu" }, "baseUrl", "beillesztés mezőbe"},
		{"bad port", func(s *MiniCRMSettings) { s.BaseURL = "https://r3.minicrm.hu:99999" }, "baseUrl", ""},
		{"ipv4", func(s *MiniCRMSettings) { s.AllowedIPs = []string{"195.228.75.210"} }, "", ""},
		{"ipv6", func(s *MiniCRMSettings) { s.AllowedIPs = []string{"2001:db8::7"} }, "", ""},
		{"cidr4", func(s *MiniCRMSettings) { s.AllowedIPs = []string{"195.228.75.0/24"} }, "", ""},
		{"cidr6", func(s *MiniCRMSettings) { s.AllowedIPs = []string{"2001:db8::/32"} }, "", ""},
		{"host /32", func(s *MiniCRMSettings) { s.AllowedIPs = []string{"195.228.75.210/32"} }, "", ""},
		{"octet too big", func(s *MiniCRMSettings) { s.AllowedIPs = []string{"300.1.1.1"} }, "allowedIps", "1. elem („300.1.1.1”) nem érvényes IP-cím"},
		{"three octets", func(s *MiniCRMSettings) { s.AllowedIPs = []string{"1.2.3.4", "10.0.0"} }, "allowedIps", "2. elem"},
		{"prefix too long", func(s *MiniCRMSettings) { s.AllowedIPs = []string{"10.0.0.0/33"} }, "allowedIps", "CIDR"},
		{"host bits set", func(s *MiniCRMSettings) { s.AllowedIPs = []string{"10.1.2.3/8"} }, "allowedIps", "10.0.0.0/8"},
		{"hostname", func(s *MiniCRMSettings) { s.AllowedIPs = []string{"example.hu"} }, "allowedIps", "nem érvényes"},
		{"zone", func(s *MiniCRMSettings) { s.AllowedIPs = []string{"fe80::1%eth0"} }, "allowedIps", "nem érvényes"},
		{"negative module", func(s *MiniCRMSettings) { s.CustomersModule = -1 }, "customersModule", "pozitív"},
		{"modules", func(s *MiniCRMSettings) { s.CustomersModule, s.InvoicesModule = 23, 9 }, "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := valid()
			tc.edit(&s)
			s.Normalize()
			err := s.Validate()
			msgs := fieldMessages(err)
			if tc.field == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if ErrorCode(err) != EInvalid || !strings.Contains(msgs[tc.field], tc.substr) {
				t.Fatalf("field %s: got %v, want a message with %q", tc.field, msgs, tc.substr)
			}
		})
	}
}

func TestMiniCRMSettingsValidateReportsEveryField(t *testing.T) {
	s := MiniCRMSettings{SystemID: "x", Company: "y", BaseURL: "http://example.hu", AllowedIPs: []string{"nope"}, InvoicesModule: -2}
	s.Normalize()
	msgs := fieldMessages(s.Validate())
	for _, f := range []string{"systemId", "company", "baseUrl", "allowedIps", "invoicesModule"} {
		if msgs[f] == "" {
			t.Errorf("no message for %s: %v", f, msgs)
		}
	}
}

func TestMiniCRMMessagesNeverEchoAKey(t *testing.T) {
	const key = "d9cb5e1f0a7b4c3d8e2f6a1b9c0d4a572"
	s := MiniCRMSettings{SystemID: "98:" + key, Company: key, BaseURL: "https://98:" + key + "@r3.minicrm.hu/Api/R3",
		AllowedIPs: []string{key, "98:" + key + "@r3.minicrm.hu", "1.2.3.4/" + key}}
	s.Normalize()
	err := s.Validate()
	if err == nil || strings.Contains(err.Error(), key) {
		t.Fatalf("error %v", err)
	}
	for _, bad := range []string{key + " x", key + "@", strings.Repeat("a", 300)} {
		if msg := ValidateMiniCRMAPIKey(bad); msg == "" || strings.Contains(msg, key) {
			t.Errorf("ValidateMiniCRMAPIKey(%.10q…) = %q", bad, msg)
		}
	}
	if msg := ValidateMiniCRMAPIKey(key); msg != "" {
		t.Errorf("a hex key is valid: %q", msg)
	}
	u := MiniCRMAPIURL{SystemID: "98", APIKey: key}
	if strings.Contains(u.String(), key) || strings.Contains(u.GoString(), key) {
		t.Error("MiniCRMAPIURL prints its key")
	}
}

func TestSplitIPList(t *testing.T) {
	got := SplitIPList(" 1.2.3.4,5.6.7.8;\n10.0.0.0/8 \r\n\t2001:db8::1 ")
	if strings.Join(got, "|") != "1.2.3.4|5.6.7.8|10.0.0.0/8|2001:db8::1" {
		t.Errorf("SplitIPList = %q", got)
	}
	if got := SplitIPList("  "); got == nil || len(got) != 0 {
		t.Errorf("empty = %#v", got)
	}
}

func TestDefaultCustomersModule(t *testing.T) {
	mods := []MiniCRMModule{{5, "Ügyfélszolgálat"}, {23, "Értékesítés"}, {9, "Számlázó"}}
	if id, ok := DefaultCustomersModule(mods); !ok || id != 23 {
		t.Errorf("got %d %v", id, ok)
	}
	if id, ok := DefaultCustomersModule([]MiniCRMModule{{3, "Projects"}, {4, " sales "}}); !ok || id != 4 {
		t.Errorf("English system: %d %v", id, ok)
	}
	if _, ok := DefaultCustomersModule(mods[:1]); ok {
		t.Error("no sales module must report false")
	}
	s := MiniCRMSettings{CustomersModule: 99, InvoicesModule: 9}
	if w := s.ModuleWarnings(mods); len(w) != 1 || !strings.Contains(w[0], "Vevők modul (99)") {
		t.Errorf("warnings %q", w)
	}
}
