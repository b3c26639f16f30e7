package domain

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// MaxLogoBytes bounds the logo so that it stays a logo and the PDF stays
// small enough to e-mail.
const MaxLogoBytes = 1 << 20

// Seller is the user's own company (eladó): the profile set once in the
// settings and copied into every document as it is issued. No document can be
// issued while Validate reports errors.
type Seller struct {
	Name        string  `json:"name"`
	TaxNumber   string  `json:"taxNumber"`
	EUVATNumber string  `json:"euVatNumber"`
	Address     Address `json:"address"`
	BankAccount string  `json:"bankAccount"`
	Email       string  `json:"email"`
	Phone       string  `json:"phone"`
	// Logo is a PNG or JPEG image printed on the documents (optional).
	Logo []byte `json:"logo,omitempty"`
	// CashAccounting: the seller chose pénzforgalmi elszámolás, so every
	// invoice must say so (Áfa tv. 169. § h).
	CashAccounting bool `json:"cashAccounting"`
	// VATExempt: the seller is alanyi adómentes, charges no VAT, and new
	// lines default to the AAM code.
	VATExempt bool `json:"vatExempt"`
}

// Normalize trims the text fields and writes the tax number, EU VAT number
// and bank account in canonical form when they are valid (invalid ones are
// left as typed so that Validate can say what is wrong).
func (s *Seller) Normalize() {
	s.Name = CollapseSpace(s.Name)
	s.Email = strings.TrimSpace(s.Email)
	s.Phone = CollapseSpace(s.Phone)
	for _, f := range []struct {
		v     *string
		parse func(string) (string, string)
	}{{&s.TaxNumber, ParseTaxNumber}, {&s.EUVATNumber, ParseEUVATNumber}, {&s.BankAccount, ParseBankAccount}} {
		if v, msg := f.parse(*f.v); msg == "" {
			*f.v = v
		} else {
			*f.v = strings.TrimSpace(*f.v)
		}
	}
	s.Address.normalize()
}

// DefaultVATCode is the VAT code of a new line: AAM for an alanyi adómentes
// seller, 27% otherwise.
func (s *Seller) DefaultVATCode() VATCode {
	if s.VATExempt {
		return VATAAM
	}
	return VAT27
}

// Validate checks a normalised seller and returns every missing or wrong
// field at once, as an *Error with code EInvalid whose message tells the user
// that nothing can be issued until the profile is complete.
func (s *Seller) Validate() error {
	var fe fieldErrors
	s.validate(&fe, "", "")
	return fe.err("Amíg az eladó (saját cég) adatai hiányosak, nem állítható ki bizonylat.")
}

// validate adds the seller's field errors with the given field and label
// prefixes, so that a document's validation can include them.
func (s *Seller) validate(fe *fieldErrors, field, label string) {
	checkText(fe, field+"name", label+"Név", s.Name, MaxNameLen, true)
	tax := ""
	if s.TaxNumber == "" {
		fe.add(field+"taxNumber", label+"Adószám", "kötelező")
	} else if v, msg := ParseTaxNumber(s.TaxNumber); msg != "" {
		fe.add(field+"taxNumber", label+"Adószám", msg)
	} else {
		tax = v
	}
	if s.EUVATNumber != "" {
		v, msg := ParseEUVATNumber(s.EUVATNumber)
		switch {
		case msg != "":
			fe.add(field+"euVatNumber", label+"Közösségi adószám", msg)
		case !strings.HasPrefix(v, "HU"):
			fe.add(field+"euVatNumber", label+"Közösségi adószám", "magyar eladónál HU-val kezdődik")
		case tax != "" && tax[:8] != v[2:]:
			fe.add(field+"euVatNumber", label+"Közösségi adószám", "nem egyezik az adószám első 8 számjegyével")
		}
	}
	s.Address.validate(fe, field+"address", label+"Cím", true)
	if s.BankAccount != "" {
		if _, msg := ParseBankAccount(s.BankAccount); msg != "" {
			fe.add(field+"bankAccount", label+"Bankszámlaszám", msg)
		}
	}
	if s.Email != "" && (utf8.RuneCountInString(s.Email) > MaxEmailLen || !validEmail(s.Email)) {
		fe.add(field+"email", label+"E-mail", "nem érvényes e-mail-cím (pl. info@minta.hu)")
	}
	if s.Phone != "" {
		if msg := phoneMessage(s.Phone); msg != "" {
			fe.add(field+"phone", label+"Telefon", msg)
		}
	}
	switch {
	case len(s.Logo) == 0:
	case len(s.Logo) > MaxLogoBytes:
		fe.add(field+"logo", label+"Logó", "legfeljebb 1 MB lehet")
	case !bytes.HasPrefix(s.Logo, []byte("\x89PNG\r\n\x1a\n")) && !bytes.HasPrefix(s.Logo, []byte("\xff\xd8\xff")):
		fe.add(field+"logo", label+"Logó", "PNG vagy JPEG kép lehet")
	}
}
