package crm_test

import (
	"strings"
	"testing"

	"konnyuszamla/crm"
	"konnyuszamla/domain"
)

func TestParseAPIURL(t *testing.T) {
	const key = "d9cb5e1f0a7b4c3d8e2f6a1b9c0da572"
	tests := []struct {
		in      string
		id      int64
		key     string
		errPart string // part of the Hungarian message when it fails
	}{
		{"https://98:" + key + "@r3.minicrm.hu/Api/R3/Contact?Email=x", 98, key, ""},
		{"98:" + key + "@r3.minicrm.hu", 98, key, ""},
		{"  \thttps://51546:" + key + "@r3.minicrm.hu/Api/R3\n", 51546, key, ""},
		{"https://98:" + key + "@r3-test.minicrm.hu", 98, key, ""},
		{"http://98:abc@r3.minicrm.io/", 98, "abc", ""},
		{"", 0, "", "üres"},
		{"https://r3.minicrm.hu/Api/R3", 0, "", "rendszerazonosító:API kulcs@"},
		{"https://98@r3.minicrm.hu", 0, "", "hiányzik az API kulcs"},
		{"https://98:@r3.minicrm.hu", 0, "", "hiányzik az API kulcs"},
		{"https://abc:" + key + "@r3.minicrm.hu", 0, "", "csak számjegyekből"},
		{"https://-98:" + key + "@r3.minicrm.hu", 0, "", "csak számjegyekből"},
		{"https://0:" + key + "@r3.minicrm.hu", 0, "", "pozitív"},
		{"https://99999999999999999999:" + key + "@r3.minicrm.hu", 0, "", "pozitív"},
		{"https://98:" + key + "@", 0, "", "kiszolgáló"},
		{"ftp://98:" + key + "@r3.minicrm.hu", 0, "", "https://"},
		{"https://98:a%40b@r3.minicrm.hu", 0, "", "csak betűket"},
		{"https://98:a:b@r3.minicrm.hu", 0, "", "csak betűket"},
		{"https://98:ab/cd@r3.minicrm.hu", 0, "", "nem értelmezhető"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			id, k, err := crm.ParseAPIURL(tt.in)
			if tt.errPart == "" {
				if err != nil || id != tt.id || k != tt.key {
					t.Fatalf("= %d, %q, %v; want %d, %q", id, k, err, tt.id, tt.key)
				}
				return
			}
			if err == nil {
				t.Fatalf("accepted: %d, %q", id, k)
			}
			msg := domain.ErrorMessage(err)
			if domain.ErrorCode(err) != domain.EInvalid || !strings.Contains(msg, tt.errPart) || !strings.Contains(msg, "Ilyen formát várunk") {
				t.Errorf("message %q (code %q) should contain %q and the expected form", msg, domain.ErrorCode(err), tt.errPart)
			}
		})
	}
}

func FuzzParseAPIURL(f *testing.F) {
	for _, s := range []string{
		"https://98:d9cb5e1f0a7b4c3d8e2f6a1b9c0da572@r3.minicrm.hu/Api/R3/Contact",
		"98:d9cb@r3.minicrm.hu",
		" 98:k@h ",
		"https://98:a%40b@h",
		"https://98:ab/cd@h",
		"http://[::1]:80@x",
		"98:k@",
		"@",
		"://",
		"https://9223372036854775808:k@h",
		"https://98:k@h@i",
		"https://98%3A:k@h",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, key, err := crm.ParseAPIURL(s)
		if err != nil {
			if id != 0 || key != "" {
				t.Errorf("error with values %d, %q", id, key)
			}
			if domain.ErrorCode(err) != domain.EInvalid {
				t.Errorf("error is not a domain EInvalid: %v", err)
			}
			return
		}
		if id <= 0 {
			t.Errorf("id %d is not positive", id)
		}
		if key == "" || strings.ContainsAny(key, ":@/") {
			t.Errorf("bad key %q", key)
		}
	})
}
