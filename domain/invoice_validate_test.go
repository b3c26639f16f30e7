package domain

import (
	"strings"
	"testing"
)

// invFieldErrors returns the "Label: message" texts of err's field errors.
func invFieldErrors(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	if ErrorCode(err) != EInvalid {
		t.Fatalf("error code %s, want invalid: %v", ErrorCode(err), err)
	}
	var out []string
	for _, f := range FieldErrors(err) {
		out = append(out, f.String())
	}
	return out
}

func invHas(list []string, want string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, want) {
			return true
		}
	}
	return false
}

func TestValidateValidDrafts(t *testing.T) {
	eur := invTestDraft(invLine("Fejlesztés", "10", "óra", "45.5", VAT27))
	eur.Currency, eur.ExchangeRate = EUR, decOf("395.12")
	cash := invTestDraft(invMixedLines()[:3]...)
	cash.PaymentMethod, cash.Seller.BankAccount = PayCash, ""
	discount := invTestDraft(invLine("Könyv", "2", "db", "5000", VAT5), invLine("Kedvezmény", "-1", "db", "1000", VAT5))
	for name, inv := range map[string]*Invoice{"HUF": invTestDraft(), "EUR": eur, "cash without bank account": cash, "discount line": discount} {
		inv.Normalize()
		if err := inv.Validate(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestValidateReportsEveryLineError(t *testing.T) {
	inv := invTestDraft(
		invLine("Tanácsadás", "2", "óra", "15000", VAT27),
		invLine("Könyv", "0", "db", "4762", VAT5),
		invLine("", "1", "", "-5", "25"),
	)
	inv.Normalize()
	err := inv.Validate()
	if err == nil || !strings.HasPrefix(err.Error(), "A számla adatai hibásak.") {
		t.Fatalf("Validate = %v", err)
	}
	got := invFieldErrors(t, err)
	for _, want := range []string{
		"2. tétel – mennyiség: nem lehet nulla",
		"3. tétel – megnevezés: kötelező",
		"3. tétel – mennyiségi egység: kötelező",
		"3. tétel – egységár: nem lehet negatív",
		"3. tétel – áfakulcs: ismeretlen: 25",
	} {
		if !invHas(got, want) {
			t.Errorf("missing %q in %q", want, got)
		}
	}
	if fe := FieldErrors(err); fe[0].Field != "lines[1].quantity" {
		t.Errorf("first field %q, want lines[1].quantity (0-based like JSON)", fe[0].Field)
	}
	if len(got) != 5 {
		t.Errorf("%d errors, want exactly the 5 above: %q", len(got), got)
	}
}

func TestValidateHeaderAndDates(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*Invoice)
		want []string
	}{
		{"no lines", func(i *Invoice) { i.Lines = nil }, []string{"Tételek: legalább egy tétel kell"}},
		{"everything missing", func(i *Invoice) { *i = Invoice{} }, []string{
			"Bizonylat típusa:", "Kiállítás dátuma: kötelező", "Teljesítés dátuma: kötelező", "Fizetési határidő: kötelező",
			"Fizetési mód:", "Pénznem:", "Vevő – név: kötelező", "Eladó – Név: kötelező", "Eladó – Adószám: kötelező",
			"Tételek: legalább egy tétel kell"}},
		{"due before issue", func(i *Invoice) { i.DueDate = i.IssueDate.AddDays(-1) }, []string{"Fizetési határidő: nem lehet korábbi"}},
		{"due two years later", func(i *Invoice) { i.DueDate = i.IssueDate.AddYears(2) }, []string{"Fizetési határidő: legfeljebb egy évvel"}},
		{"fulfilment typo year", func(i *Invoice) { i.FulfilmentDate = NewDate(2062, 11, 27) }, []string{"Teljesítés dátuma: legfeljebb egy évvel"}},
		{"issue before 2010", func(i *Invoice) { i.IssueDate = NewDate(2009, 12, 31) }, []string{"Kiállítás dátuma: 2010 és 2099"}},
		{"HUF at rate 2", func(i *Invoice) { i.ExchangeRate = decOf("2") }, []string{"Árfolyam: forintos bizonylaton 1"}},
		{"EUR without rate", func(i *Invoice) { i.Currency, i.ExchangeRate = EUR, Decimal{} }, []string{"Árfolyam: pozitív szám kell: 1 EUR"}},
		{"EUR rate too precise", func(i *Invoice) { i.Currency, i.ExchangeRate = EUR, decOf("395.1234567") }, []string{"Árfolyam: legfeljebb 6 tizedesjegy"}},
		{"bad currency", func(i *Invoice) { i.Currency = "EURO" }, []string{"Pénznem: háromjegyű"}},
		{"bad payment method", func(i *Invoice) { i.PaymentMethod = "cheque" }, []string{"Fizetési mód: átutalás (transfer)"}},
		{"transfer without bank account", func(i *Invoice) { i.Seller.BankAccount = "" }, []string{"Eladó – bankszámlaszám: átutalásos fizetéshez kötelező"}},
		{"storno without reference", func(i *Invoice) { i.Type = DocStorno; i.Lines[0].Quantity = decOf("-2") }, []string{"Sztornózott számla: kötelező"}},
		{"invoice with a cancel reference", func(i *Invoice) { i.Cancels = "KSZ-2026-00001" }, []string{"Sztornózott számla: csak sztornó"}},
		{"negative total", func(i *Invoice) { i.Lines[0].Quantity = decOf("-2") }, []string{"Tételek: a végösszeg nem lehet negatív"}},
		{"line worth too much", func(i *Invoice) { i.Lines[0].Quantity = decOf("100000000") }, []string{"1. tétel – érték: túl nagy"}},
		{"buyer without address", func(i *Invoice) { i.Buyer.Address = Address{Country: "HU"} }, []string{"Vevő címe – irányítószám: kötelező"}},
		{"domestic company buyer without tax number", func(i *Invoice) { i.Buyer.TaxNumber = "" }, []string{"Vevő – adószám: belföldi cégnél kötelező"}},
		{"bad seller tax number", func(i *Invoice) { i.Seller.TaxNumber = "12345678-2-42" }, []string{"Eladó – Adószám: az első 8 számjegy"}},
	} {
		inv := invTestDraft()
		tc.edit(inv)
		got := invFieldErrors(t, inv.Validate())
		for _, want := range tc.want {
			if !invHas(got, want) {
				t.Errorf("%s: missing %q in %q", tc.name, want, got)
			}
		}
	}
}

func TestValidateVATCodeRules(t *testing.T) {
	foreign := Buyer{Kind: KindCompany, Name: "Kunde GmbH", EUVATNumber: "DE123456789",
		Address: Address{Country: "DE", PostalCode: "10115", City: "Berlin", Street: "Hauptstraße 1"}}
	for _, tc := range []struct {
		name string
		edit func(*Invoice)
		want string // "" when valid
	}{
		{"KBAET to an EU buyer", func(i *Invoice) { i.Buyer = foreign; i.Lines[0].VAT = VATKBAET }, ""},
		{"KBAET without EU VAT number", func(i *Invoice) { i.Buyer = foreign; i.Buyer.EUVATNumber = ""; i.Lines[0].VAT = VATKBAET },
			"Vevő – közösségi adószám: a(z) KBAET áfakód miatt kötelező"},
		{"EUFAD37 to a Hungarian EU VAT number", func(i *Invoice) { i.Buyer.EUVATNumber = "HU12892312"; i.Lines[0].VAT = VATEUFAD37 },
			"Vevő – közösségi adószám: a(z) EUFAD37 ügylethez másik tagállambeli"},
		{"FAD to a Hungarian company", func(i *Invoice) { i.Lines[0].VAT = VATFAD }, ""},
		{"FAD to a foreign buyer", func(i *Invoice) { i.Buyer = foreign; i.Lines[0].VAT = VATFAD },
			"Vevő – adószám: belföldi fordított adózásnál (FAD) a vevő magyar adószáma kötelező"},
		{"exempt seller charging 27%", func(i *Invoice) { i.Seller.VATExempt = true },
			"1. tétel – áfakulcs: alanyi adómentes eladó nem számíthat fel áfát"},
		{"exempt seller with AAM", func(i *Invoice) { i.Seller.VATExempt = true; i.Lines[0].VAT = VATAAM }, ""},
		{"AAM from a VAT-registered seller", func(i *Invoice) { i.Lines[0].VAT = VATAAM },
			"1. tétel – áfakulcs: AAM csak alanyi adómentes eladónál"},
		{"missing VAT code", func(i *Invoice) { i.Lines[0].VAT = "" }, "1. tétel – áfakulcs: kötelező"},
	} {
		inv := invTestDraft()
		tc.edit(inv)
		inv.Normalize()
		got := invFieldErrors(t, inv.Validate())
		switch {
		case tc.want == "" && len(got) > 0:
			t.Errorf("%s: %q", tc.name, got)
		case tc.want != "" && !invHas(got, tc.want):
			t.Errorf("%s: missing %q in %q", tc.name, tc.want, got)
		}
	}
}

func TestValidateMessageNamesTheDocument(t *testing.T) {
	inv := invTestDraft()
	inv.Type = DocProforma
	inv.Lines = nil
	if err := inv.Validate(); err == nil || !strings.HasPrefix(err.Error(), "A díjbekérő adatai hibásak. Tételek: legalább egy tétel kell") {
		t.Errorf("proforma: %v", err)
	}
}
