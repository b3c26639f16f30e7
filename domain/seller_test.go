package domain

import (
	"strings"
	"testing"
)

func TestSellerValidate(t *testing.T) {
	s := Seller{Name: " Minta  Kft. ", TaxNumber: "12345676242", EUVATNumber: "hu 1234 5676",
		Address: Address{PostalCode: "1111", City: "Budapest", Street: "Fő utca 1."}, BankAccount: "11773016 11111018"}
	s.Normalize()
	if err := s.Validate(); err != nil {
		t.Fatalf("valid seller: %v", err)
	}
	if s.Name != "Minta Kft." || s.TaxNumber != "12345676-2-42" || s.EUVATNumber != "HU12345676" ||
		s.BankAccount != "11773016-11111018" || s.Address.Country != "HU" {
		t.Errorf("Normalize: %+v", s)
	}
	if s.DefaultVATCode() != VAT27 {
		t.Error("a VAT-registered seller's lines must default to 27%")
	}
	s.VATExempt = true
	if s.DefaultVATCode() != VATAAM {
		t.Error("an alanyi adómentes seller's lines must default to AAM")
	}
}

func TestSellerValidateListsEverythingMissing(t *testing.T) {
	var s Seller
	s.Normalize()
	err := s.Validate()
	if err == nil || !strings.HasPrefix(err.Error(), "Amíg az eladó (saját cég) adatai hiányosak, nem állítható ki bizonylat.") {
		t.Fatalf("empty seller: %v", err)
	}
	got := invFieldErrors(t, err)
	for _, want := range []string{"Név: kötelező", "Adószám: kötelező", "Cím – irányítószám: kötelező",
		"Cím – város: kötelező", "Cím – utca, házszám: kötelező"} {
		if !invHas(got, want) {
			t.Errorf("missing %q in %q", want, got)
		}
	}
	if len(got) != 5 {
		t.Errorf("optional fields reported as missing: %q", got)
	}
}

func TestSellerValidateWrongFields(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*Seller)
		want string
	}{
		{"EU VAT of another company", func(s *Seller) { s.EUVATNumber = "HU12892312" }, "Közösségi adószám: nem egyezik"},
		{"foreign EU VAT", func(s *Seller) { s.EUVATNumber = "DE123456789" }, "Közösségi adószám: magyar eladónál HU-val"},
		{"bank account check digit", func(s *Seller) { s.BankAccount = "11773016-11111019" }, "Bankszámlaszám:"},
		{"e-mail", func(s *Seller) { s.Email = "info@" }, "E-mail: nem érvényes"},
		{"phone", func(s *Seller) { s.Phone = "hívjon" }, "Telefon:"},
		{"logo not an image", func(s *Seller) { s.Logo = []byte("GIF89a...") }, "Logó: PNG vagy JPEG"},
		{"logo too big", func(s *Seller) { s.Logo = make([]byte, MaxLogoBytes+1) }, "Logó: legfeljebb 1 MB"},
	} {
		s := invTestSeller()
		tc.edit(&s)
		if got := invFieldErrors(t, s.Validate()); !invHas(got, tc.want) {
			t.Errorf("%s: missing %q in %q", tc.name, tc.want, got)
		}
	}
	s := invTestSeller()
	s.Logo = []byte("\x89PNG\r\n\x1a\n....")
	if err := s.Validate(); err != nil {
		t.Errorf("PNG logo refused: %v", err)
	}
}
