package domain

import "testing"

func TestValidTaxpayerID(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"12892312", true},
		{"12892313", false},
		{"12345676", true},
		{"24686324", false},
		{"1289231", false},
		{"1289231x", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := ValidTaxpayerID(tt.in); got != tt.want {
			t.Errorf("ValidTaxpayerID(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestParseTaxNumber(t *testing.T) {
	tests := []struct {
		in, want string
		wantErr  bool
	}{
		{"12345676-2-42", "12345676-2-42", false},
		{"12345676242", "12345676-2-42", false},
		{" 12345676 2 42 ", "12345676-2-42", false},
		{"12892312-1-02", "12892312-1-02", false},
		{"12892312-5-51", "12892312-5-51", false},
		{"12345675-2-42", "", true}, // wrong check digit
		{"12345676-6-42", "", true}, // VAT code 6
		{"12345676-0-42", "", true}, // VAT code 0
		{"12345676-2-21", "", true}, // county 21 does not exist
		{"12345676-2-01", "", true}, // county 01 does not exist
		{"12345676-2-45", "", true}, // county 45 does not exist
		{"12345676-2-4", "", true},  // too short
		{"12345676-2-4a", "", true}, // not a digit
	}
	for _, tt := range tests {
		got, msg := ParseTaxNumber(tt.in)
		if (msg != "") != tt.wantErr || got != tt.want {
			t.Errorf("ParseTaxNumber(%q) = %q, %q; want %q, error %v", tt.in, got, msg, tt.want, tt.wantErr)
		}
	}
}

func TestParseTaxNumberMessages(t *testing.T) {
	tests := map[string]string{
		"12345675-2-42": "az első 8 számjegy (törzsszám) ellenőrző számjegye hibás",
		"12345676-7-42": "a 9. számjegy (ÁFA-kód) csak 1–5 lehet",
		"12345676-2-99": "az utolsó két számjegy (területi kód) nem létező megyekód",
	}
	for in, want := range tests {
		if _, msg := ParseTaxNumber(in); msg != want {
			t.Errorf("ParseTaxNumber(%q) message = %q, want %q", in, msg, want)
		}
	}
}

func TestParseEUVATNumber(t *testing.T) {
	tests := []struct {
		in, want string
		wantErr  bool
	}{
		{"HU12345676", "HU12345676", false},
		{"hu 1234 5676", "HU12345676", false},
		{"HU12345675", "", true}, // check digit
		{"HU1234567", "", true},
		{"DE123456789", "DE123456789", false},
		{"DE12345678", "", true},
		{"ATU12345678", "ATU12345678", false},
		{"AT12345678", "", true},
		{"NL123456789B01", "NL123456789B01", false},
		{"GR123456789", "EL123456789", false},
		{"XX123456", "", true},
		{"HU", "", true},
	}
	for _, tt := range tests {
		got, msg := ParseEUVATNumber(tt.in)
		if (msg != "") != tt.wantErr || got != tt.want {
			t.Errorf("ParseEUVATNumber(%q) = %q, %q; want %q, error %v", tt.in, got, msg, tt.want, tt.wantErr)
		}
	}
}

func TestParseBankAccount(t *testing.T) {
	tests := []struct {
		in, want string
		wantErr  bool
	}{
		{"11773016-11111018", "11773016-11111018", false},
		{"11773016 11111018 00000000", "11773016-11111018-00000000", false},
		{"117730161111101800000000", "11773016-11111018-00000000", false},
		{"11773017-11111018", "", true}, // first block check digit
		{"11773016-11111019", "", true}, // second block check digit
		{"11773016-1111101", "", true},  // 15 digits
		{"HU42 1177 3016 1111 1018 0000 0000", "HU42117730161111101800000000", false},
		{"HU43117730161111101800000000", "", true}, // mod 97
		{"DE89 3704 0044 0532 0130 00", "DE89370400440532013000", false},
		{"GB82WEST12345698765432", "GB82WEST12345698765432", false},
		{"HU4211773016", "", true}, // too short
	}
	for _, tt := range tests {
		got, msg := ParseBankAccount(tt.in)
		if (msg != "") != tt.wantErr || got != tt.want {
			t.Errorf("ParseBankAccount(%q) = %q, %q; want %q, error %v", tt.in, got, msg, tt.want, tt.wantErr)
		}
	}
}

func TestValidEmailAndPhone(t *testing.T) {
	emails := map[string]bool{
		"info@minta.hu": true, "a.b+c@sub.minta.example": true,
		"info@minta": false, "info minta.hu": false, "Info <info@minta.hu>": false, "@minta.hu": false, "info@.hu": false,
		"a@b@minta.hu": false, ".info@minta.hu": false, "in..fo@minta.hu": false, "info@-minta.hu": false, "info@minta.hu.": false,
		"árvíz@tükör.hu": true,
	}
	for in, want := range emails {
		if got := validEmail(in); got != want {
			t.Errorf("validEmail(%q) = %v, want %v", in, got, want)
		}
	}
	phones := map[string]bool{
		"+36 1 234 5678": true, "06-30/123-4567": true, "(1) 234 5678": true,
		"12345": false, "+36 1 234 567a": false, "1+2345678": false,
	}
	for in, want := range phones {
		if got := phoneMessage(in) == ""; got != want {
			t.Errorf("phoneMessage(%q) ok = %v, want %v", in, got, want)
		}
	}
}

func TestFold(t *testing.T) {
	tests := map[string]string{
		"Árvíztűrő Tükörfúrógép Kft.": "arvizturo tukorfurogep kft.",
		"  ŐŰ  őű ":                   "ou ou",
		"Cafe\u0301":                  "cafe", // decomposed é
		"Straße":                      "strasse",
	}
	for in, want := range tests {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
