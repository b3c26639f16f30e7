package domain

import (
	"strings"
	"testing"
)

func validCustomer() Customer {
	return Customer{
		Kind: KindCompany, Name: "  Árvíztűrő   Kft. ", TaxNumber: "12345676242", EUVATNumber: "hu12345676",
		Email: "info@arviz.hu", Phone: "+36 1 234 5678", BankAccount: "11773016 11111018",
		BillingAddress: Address{PostalCode: "1111", City: "Budapest", Street: "Fő utca 1."},
	}
}

func TestCustomerNormalizeValid(t *testing.T) {
	c := validCustomer()
	c.Normalize()
	if err := c.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	if c.Name != "Árvíztűrő Kft." || c.TaxNumber != "12345676-2-42" || c.EUVATNumber != "HU12345676" ||
		c.BankAccount != "11773016-11111018" || c.BillingAddress.Country != "HU" {
		t.Errorf("not canonical: %+v", c)
	}
}

func TestCustomerValidateReportsEveryField(t *testing.T) {
	c := Customer{
		Kind: KindCompany, Name: strings.Repeat("x", MaxNameLen+1), TaxNumber: "12345675-2-42",
		Email: "nem-email", BillingAddress: Address{PostalCode: "123", City: "", Street: "Fő u. 1."},
		MailingAddress: &Address{City: "Debrecen"},
	}
	c.Normalize()
	err := c.Validate()
	if ErrorCode(err) != EInvalid {
		t.Fatalf("code = %q, want invalid (%v)", ErrorCode(err), err)
	}
	got := map[string]string{}
	for _, f := range FieldErrors(err) {
		got[f.Field] = f.Label + ": " + f.Message
	}
	want := map[string]string{
		"name":                      "Név: legfeljebb 200 karakter lehet (most 201)",
		"taxNumber":                 "Adószám: az első 8 számjegy (törzsszám) ellenőrző számjegye hibás",
		"email":                     "E-mail: nem érvényes e-mail-cím (pl. info@minta.hu)",
		"billingAddress.postalCode": "Számlázási cím – irányítószám: magyar irányítószám: 4 számjegy, 1000–9999",
		"billingAddress.city":       "Számlázási cím – város: kötelező",
		"mailingAddress.postalCode": "Levelezési cím – irányítószám: kötelező",
		"mailingAddress.street":     "Levelezési cím – utca, házszám: kötelező",
	}
	for field, msg := range want {
		if got[field] != msg {
			t.Errorf("field %s: got %q, want %q", field, got[field], msg)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d field errors, want %d: %v", len(got), len(want), got)
	}
}

func TestCompanyNeedsTaxNumberUnlessForeign(t *testing.T) {
	c := validCustomer()
	c.TaxNumber, c.EUVATNumber = "", ""
	c.Normalize()
	if fe := FieldErrors(c.Validate()); len(fe) != 1 || fe[0].Field != "taxNumber" || fe[0].Message != "belföldi cégnél kötelező" {
		t.Errorf("domestic company without tax number: %v", fe)
	}
	c.BillingAddress = Address{Country: "AT", PostalCode: "1010", City: "Wien", Street: "Ring 1"}
	if err := c.Validate(); err != nil {
		t.Errorf("foreign company without tax number: %v", err)
	}
	p := Customer{Kind: KindPerson, Name: "Kiss Anna", BillingAddress: Address{PostalCode: "4024", City: "Debrecen", Street: "Piac u. 2."}}
	p.Normalize()
	if err := p.Validate(); err != nil {
		t.Errorf("private person without tax number: %v", err)
	}
}

func TestEUVATMustMatchTaxNumber(t *testing.T) {
	c := validCustomer()
	c.EUVATNumber = "HU12892312"
	c.Normalize()
	fe := FieldErrors(c.Validate())
	if len(fe) != 1 || fe[0].Field != "euVatNumber" {
		t.Fatalf("got %v, want one euVatNumber error", fe)
	}
}

func TestSearchTextFindsAccentlessAndDigits(t *testing.T) {
	c := validCustomer()
	c.Normalize()
	s := c.SearchText()
	for _, q := range []string{"arviz", "kft.", "12345676242", "12345676-2-42", "budapest", "info@arviz.hu"} {
		if !strings.Contains(s, Fold(q)) {
			t.Errorf("search text %q does not contain %q", s, q)
		}
	}
}
