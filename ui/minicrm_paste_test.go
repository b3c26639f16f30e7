package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// UI-level cases of pasting the API URL; the parser itself is
// crm.ParseAPIURL, tested and fuzzed in crm (the fake stands in for it).

func TestMiniCRMPasteURLFillsFields(t *testing.T) {
	cases := []struct {
		name, paste, id, base string
	}{
		{"full API URL", "https://98:" + uiTestKey + "@r3.minicrm.hu/Api/R3/", "98", "https://r3.minicrm.hu"},
		{"short form", "98:" + uiTestKey + "@r3.minicrm.hu", "98", "https://r3.minicrm.hu"},
		{"with spaces", "  https://51546:" + uiTestKey + "@r3.minicrm.hu\n", "51546", "https://r3.minicrm.hu"},
		{"test system", "https://98:" + uiTestKey + "@r3-test.minicrm.hu/Api/R3", "98", "https://r3-test.minicrm.hu"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newMiniCRMFixture(t, nil)
			s := f.s
			s.paste.SetText(tc.paste) // a paste: the whole text in one change
			if s.systemID.Text != tc.id || s.apiKey.Text != uiTestKey || s.baseURL.Text != tc.base {
				t.Fatalf("filled id %q key? %v base %q", s.systemID.Text, s.apiKey.Text == uiTestKey, s.baseURL.Text)
			}
			if s.paste.Text != "" {
				t.Error("the pasted URL (with the key) stays on screen")
			}
			if !s.pasteMsg.Visible() || !strings.Contains(s.pasteMsg.Text, "Kitöltve: rendszerazonosító "+tc.id) {
				t.Errorf("paste message %q", s.pasteMsg.Text)
			}
			if s.save.Disabled() {
				t.Errorf("Mentés disabled after a good paste: %q", s.summary.Text)
			}
			f.assertKeyNotShown(t, uiTestKey)
		})
	}
}

func TestMiniCRMPasteRejectsOtherText(t *testing.T) {
	for _, bad := range []string{"r3.minicrm.hu", "98@r3.minicrm.hu", "abc:" + uiTestKey + "@r3.minicrm.hu", "hello world"} {
		f := newMiniCRMFixture(t, nil)
		s := f.s
		s.paste.SetText(bad)
		if s.systemID.Text != "" || s.apiKey.Text != "" {
			t.Errorf("%q filled the form", bad)
		}
		if !s.pasteMsg.Visible() || !strings.Contains(s.pasteMsg.Text, "Ilyen formát várunk") {
			t.Errorf("%q: message %q", bad, s.pasteMsg.Text)
		}
	}
}

// Typing a URL by hand must not fill the form from a half-typed one; Enter
// (or Kitöltés) does.
func TestMiniCRMTypedURLFillsOnEnter(t *testing.T) {
	f := newMiniCRMFixture(t, nil)
	s := f.s
	test.Type(s.paste, "98:"+uiTestKey+"@r3.minicrm.hu")
	if s.systemID.Text != "" || s.pasteMsg.Visible() {
		t.Fatalf("filled while typing: id %q, message %q", s.systemID.Text, s.pasteMsg.Text)
	}
	s.paste.OnSubmitted(s.paste.Text)
	if s.systemID.Text != "98" || s.apiKey.Text != uiTestKey || s.paste.Text != "" {
		t.Fatalf("after Enter: id %q", s.systemID.Text)
	}
}
