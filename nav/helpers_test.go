package nav_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"konnyuszamla/domain"
)

// xsdPath returns the path of a schema in testdata.
func xsdPath(t testing.TB, name string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// validateXSD checks every document against the schema with xmllint, in one
// run, and reports each invalid one with xmllint's messages. Without
// xmllint it skips the test, except under make test
// (KONNYUSZAMLA_REQUIRE_TOOLS=1), where a missing tool is a failure.
func validateXSD(t *testing.T, schema string, docs map[string][]byte) {
	t.Helper()
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("KONNYUSZAMLA_REQUIRE_TOOLS") == "1" {
			t.Fatal("xmllint is not installed (Debian: libxml2-utils), and make test requires it")
		}
		t.Skip("xmllint is not installed (Debian: libxml2-utils); make test installs it")
	}
	dir := t.TempDir()
	args := []string{"--noout", "--schema", xsdPath(t, schema)}
	for name, data := range docs {
		p := filepath.Join(dir, name+".xml")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err == nil {
		return
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if !strings.HasSuffix(line, " validates") {
			t.Error(strings.TrimPrefix(line, dir+"/"))
		}
	}
	if !t.Failed() {
		t.Fatalf("xmllint: %v\n%s", err, out)
	}
}

func dec(s string) domain.Decimal { return domain.MustParseDecimal(s) }

func testSeller() domain.Seller {
	return domain.Seller{
		Name: "Értékesítő Kft.", TaxNumber: "12345676-2-42", EUVATNumber: "HU12345676",
		Address:     domain.Address{Country: "HU", PostalCode: "1234", City: "Budapest", Street: "Hármas utca 1."},
		BankAccount: "11773016-11111018-00000000",
	}
}

// Buyers of every kind the app supports.
var (
	buyerDomestic = domain.Buyer{Kind: domain.KindCompany, Name: "Beszerző Kft.", TaxNumber: "12892312-2-02",
		Address: domain.Address{Country: "HU", PostalCode: "7600", City: "Pécs", Street: "Északi sugárút 123."}}
	buyerSoleTrader = domain.Buyer{Kind: domain.KindPerson, Name: "Kiss Péter e.v.", TaxNumber: "24686327-1-13",
		Address: domain.Address{Country: "HU", PostalCode: "2000", City: "Szentendre", Street: "Fő tér 2."}}
	buyerPerson = domain.Buyer{Kind: domain.KindPerson, Name: "Nagy Anna",
		Address: domain.Address{Country: "HU", PostalCode: "6720", City: "Szeged", Street: "Kárász utca 2."}}
	buyerEU = domain.Buyer{Kind: domain.KindCompany, Name: "Käufer GmbH", EUVATNumber: "DE123456789",
		Address: domain.Address{Country: "DE", PostalCode: "10115", City: "Berlin", Street: "Invalidenstraße 1"}}
	buyerThird = domain.Buyer{Kind: domain.KindCompany, Name: "Buyer Ltd.",
		Address: domain.Address{Country: "US", PostalCode: "ny 10001", City: "New York", Street: "5th Avenue 1"}}
)

// issued completes, validates and numbers a draft as storage would; the
// test fails if the app would refuse to issue it.
func issued(t testing.TB, number string, inv *domain.Invoice) *domain.Invoice {
	t.Helper()
	today := domain.NewDate(2026, 11, 27)
	inv.Normalize()
	inv.ApplyDefaults(today, 8)
	if err := inv.Validate(); err != nil {
		t.Fatalf("%s: the app would not issue it: %v", number, err)
	}
	inv.Number, inv.Status = number, inv.IssuedStatus()
	return inv
}

func draft(buyer domain.Buyer, currency domain.Currency, rate string, lines ...domain.InvoiceLine) *domain.Invoice {
	issue := domain.NewDate(2026, 11, 20)
	inv := &domain.Invoice{Type: domain.DocInvoice, CustomerID: 1, Buyer: buyer, Seller: testSeller(),
		IssueDate: issue, FulfilmentDate: issue.AddDays(-3), DueDate: issue.AddDays(10),
		PaymentMethod: domain.PayTransfer, Currency: currency, Lines: lines}
	if rate != "" {
		inv.ExchangeRate = dec(rate)
	}
	return inv
}

func line(desc, qty, unit, price string, vat domain.VATCode) domain.InvoiceLine {
	return domain.InvoiceLine{Description: desc, Quantity: dec(qty), Unit: unit, UnitPrice: dec(price), VAT: vat}
}

// stornoOf issues the sztornó of an issued invoice.
func stornoOf(t testing.TB, number string, orig *domain.Invoice) *domain.Invoice {
	t.Helper()
	s, err := domain.NewStorno(orig, number, domain.NewDate(2026, 11, 25))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(); err != nil {
		t.Fatalf("sztornó %s: %v", number, err)
	}
	return s
}
