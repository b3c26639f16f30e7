package domain

import (
	"strings"
	"unicode/utf8"
)

// CustomerKind tells a company from a private person.
type CustomerKind string

// The kinds of customer.
const (
	KindCompany CustomerKind = "company"
	KindPerson  CustomerKind = "person"
)

// Field length limits, in characters.
const (
	MaxNameLen   = 200
	MaxCityLen   = 100
	MaxStreetLen = 200
	MaxEmailLen  = 254
	MaxNoteLen   = 2000
)

// Address is a postal address. Country is an ISO 3166-1 alpha-2 code.
type Address struct {
	Country    string `json:"country"`
	PostalCode string `json:"postalCode"`
	City       string `json:"city"`
	Street     string `json:"street"`
}

// IsZero reports whether no part of the address is filled in (the country
// alone, which has a default, does not count).
func (a Address) IsZero() bool {
	return a.PostalCode == "" && a.City == "" && a.Street == ""
}

// Customer is a buyer in the local register (vevő).
type Customer struct {
	ID             int64        `json:"id,omitempty"`
	Kind           CustomerKind `json:"kind"`
	Name           string       `json:"name"`
	TaxNumber      string       `json:"taxNumber"`
	EUVATNumber    string       `json:"euVatNumber"`
	Email          string       `json:"email"`
	Phone          string       `json:"phone"`
	BankAccount    string       `json:"bankAccount"`
	BillingAddress Address      `json:"billingAddress"`
	MailingAddress *Address     `json:"mailingAddress,omitempty"`
	Note           string       `json:"note"`
	MiniCRMID      int64        `json:"minicrmId,omitempty"`
	Archived       bool         `json:"archived,omitempty"`
}

// IsForeign reports whether the customer's billing address is outside Hungary.
func (c *Customer) IsForeign() bool { return c.BillingAddress.Country != "HU" }

// Normalize trims every text field, collapses white space in names and
// addresses, fills the default country, and writes the tax number, EU VAT
// number and bank account in canonical form when they are valid (invalid
// ones are left as typed, so that Validate can say what is wrong).
func (c *Customer) Normalize() {
	if c.Kind == "" {
		c.Kind = KindCompany
	}
	c.Name = CollapseSpace(c.Name)
	c.Email = strings.TrimSpace(c.Email)
	c.Phone = CollapseSpace(c.Phone)
	c.Note = strings.TrimSpace(c.Note)
	if v, msg := ParseTaxNumber(c.TaxNumber); msg == "" {
		c.TaxNumber = v
	} else {
		c.TaxNumber = strings.TrimSpace(c.TaxNumber)
	}
	if v, msg := ParseEUVATNumber(c.EUVATNumber); msg == "" {
		c.EUVATNumber = v
	} else {
		c.EUVATNumber = strings.TrimSpace(c.EUVATNumber)
	}
	if v, msg := ParseBankAccount(c.BankAccount); msg == "" {
		c.BankAccount = v
	} else {
		c.BankAccount = strings.TrimSpace(c.BankAccount)
	}
	c.BillingAddress.normalize()
	if c.MailingAddress != nil {
		c.MailingAddress.normalize()
		if c.MailingAddress.IsZero() {
			c.MailingAddress = nil
		}
	}
}

func (a *Address) normalize() {
	a.Country = strings.ToUpper(strings.TrimSpace(a.Country))
	if a.Country == "" {
		a.Country = "HU"
	}
	a.PostalCode = CollapseSpace(a.PostalCode)
	a.City = CollapseSpace(a.City)
	a.Street = CollapseSpace(a.Street)
}

// Validate checks a normalised customer and returns every wrong field at once
// as an *Error with code EInvalid.
func (c *Customer) Validate() error {
	var fe fieldErrors
	switch c.Kind {
	case KindCompany, KindPerson:
	default:
		fe.add("kind", "Típus", "cég (company) vagy magánszemély (person) lehet")
	}
	checkText(&fe, "name", "Név", c.Name, MaxNameLen, true)
	switch {
	case c.TaxNumber != "":
		if _, msg := ParseTaxNumber(c.TaxNumber); msg != "" {
			fe.add("taxNumber", "Adószám", msg)
		}
	case c.Kind == KindCompany && !c.IsForeign():
		fe.add("taxNumber", "Adószám", "belföldi cégnél kötelező")
	}
	if c.EUVATNumber != "" {
		if v, msg := ParseEUVATNumber(c.EUVATNumber); msg != "" {
			fe.add("euVatNumber", "Közösségi adószám", msg)
		} else if strings.HasPrefix(v, "HU") && len(c.TaxNumber) >= 8 && c.TaxNumber[:8] != v[2:] {
			fe.add("euVatNumber", "Közösségi adószám", "nem egyezik az adószám első 8 számjegyével")
		}
	}
	if c.Email != "" && (utf8.RuneCountInString(c.Email) > MaxEmailLen || !validEmail(c.Email)) {
		fe.add("email", "E-mail", "nem érvényes e-mail-cím (pl. info@minta.hu)")
	}
	if c.Phone != "" {
		if msg := phoneMessage(c.Phone); msg != "" {
			fe.add("phone", "Telefon", msg)
		}
	}
	if c.BankAccount != "" {
		if _, msg := ParseBankAccount(c.BankAccount); msg != "" {
			fe.add("bankAccount", "Bankszámlaszám", msg)
		}
	}
	c.BillingAddress.validate(&fe, "billingAddress", "Számlázási cím", true)
	if c.MailingAddress != nil {
		c.MailingAddress.validate(&fe, "mailingAddress", "Levelezési cím", false)
	}
	checkText(&fe, "note", "Megjegyzés", c.Note, MaxNoteLen, false)
	return fe.err("A vevő adatai hibásak.")
}

func (a *Address) validate(fe *fieldErrors, field, label string, required bool) {
	if !validCountryCode(a.Country) {
		fe.add(field+".country", label+" – ország", "kétbetűs országkód kell (pl. HU, AT, DE)")
	}
	switch {
	case a.PostalCode == "" && (required || !a.IsZero()):
		fe.add(field+".postalCode", label+" – irányítószám", "kötelező")
	case a.PostalCode == "":
	case a.Country == "HU" && (len(a.PostalCode) != 4 || !allDigits(a.PostalCode) || a.PostalCode[0] == '0'):
		fe.add(field+".postalCode", label+" – irányítószám", "magyar irányítószám: 4 számjegy, 1000–9999")
	case len(a.PostalCode) > 10:
		fe.add(field+".postalCode", label+" – irányítószám", "legfeljebb 10 karakter")
	}
	mandatory := required || !a.IsZero()
	checkText(fe, field+".city", label+" – város", a.City, MaxCityLen, mandatory)
	checkText(fe, field+".street", label+" – utca, házszám", a.Street, MaxStreetLen, mandatory)
}

func checkText(fe *fieldErrors, field, label, value string, max int, required bool) {
	n := utf8.RuneCountInString(value)
	switch {
	case n == 0 && required:
		fe.add(field, label, "kötelező")
	case n > max:
		fe.add(field, label, "legfeljebb "+itoa(max)+" karakter lehet (most "+itoa(n)+")")
	}
}

// SearchText is what the customer search matches against: name, tax number
// (with and without hyphens), city and e-mail, folded.
func (c *Customer) SearchText() string {
	return Fold(strings.Join([]string{
		c.Name, c.TaxNumber, stripSeparators(c.TaxNumber), c.EUVATNumber, c.BillingAddress.City, c.Email,
	}, " "))
}
