package nav_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	"konnyuszamla/domain"
	"konnyuszamla/nav"
)

// buyerFor picks a buyer the app accepts for a VAT code.
func buyerFor(code domain.VATCode) domain.Buyer {
	switch code {
	case domain.VATKBAET, domain.VATEUFAD37, domain.VATEUFADE, domain.VATEUE:
		return buyerEU
	case domain.VATEAM, domain.VATHO:
		return buyerThird
	}
	return buyerDomestic
}

// rateOf is an exchange rate for a currency ("" for HUF: the default 1).
func rateOf(c domain.Currency) string {
	switch c {
	case domain.EUR:
		return "395.123456"
	case domain.USD:
		return "362.5"
	}
	return ""
}

// everyDocument returns an issued document for every VAT code, currency,
// buyer kind and payment method the app supports, a multi-rate invoice, and
// the sztornó of each, keyed by a readable name.
func everyDocument(t *testing.T) map[string]*domain.Invoice {
	docs := map[string]*domain.Invoice{}
	n := 0
	add := func(name string, inv *domain.Invoice) {
		n++
		orig := issued(t, fmt.Sprintf("2026/%05d", n), inv)
		docs[name] = orig
		docs[name+"-storno"] = stornoOf(t, fmt.Sprintf("2026/S%05d", n), orig)
	}
	currencies := []domain.Currency{domain.HUF, domain.EUR, domain.USD}
	for _, code := range domain.VATCodes() {
		for _, c := range currencies {
			inv := draft(buyerFor(code), c, rateOf(c),
				line("Tétel "+string(code), "3", "db", "1234.5", code),
				line("Szolgáltatás", "1.25", "óra", "10000", code))
			if code == domain.VATAAM {
				inv.Seller.VATExempt = true
			}
			add(fmt.Sprintf("vat-%s-%s", code, c), inv)
		}
	}
	buyers := map[string]domain.Buyer{"domestic": buyerDomestic, "soletrader": buyerSoleTrader,
		"person": buyerPerson, "eu": buyerEU, "third": buyerThird}
	for name, b := range buyers {
		for _, c := range currencies {
			add(fmt.Sprintf("buyer-%s-%s", name, c), draft(b, c, rateOf(c), line("Könyv", "2", "kötet", "4762", domain.VAT5)))
		}
	}
	for _, m := range domain.PaymentMethods() {
		inv := draft(buyerPerson, domain.HUF, "", line("Kenyér", "1", "db", "999", domain.VAT18))
		inv.PaymentMethod = m
		inv.DueDate = domain.Date{}
		add("payment-"+string(m), inv)
	}
	cash := draft(buyerDomestic, domain.HUF, "", line("Tanácsadás", "1", "óra", "15000", domain.VAT27))
	cash.Seller.CashAccounting, cash.Seller.BankAccount, cash.Seller.EUVATNumber = true, "HU42117730161111101800000000", ""
	add("seller-cash-accounting-iban", cash)
	add("multi-rate", draft(buyerDomestic, domain.EUR, "310",
		line("Hűtött házi sertés (fél)", "1500", "kg", "1.29", domain.VAT5),
		line("Érlelt szalámi", "1600", "kg", "10", domain.VAT27),
		line("Árengedmény", "-1600", "kg", "1", domain.VAT27),
		line("Egyetemi oktatás", "120", "óra", "25.8", domain.VATTAM),
		line("Búza vetőmag", "10", "t", "161.29", domain.VATFAD),
		line("Szakkönyv", "100", "kötet", "6.45", domain.VAT0)))
	return docs
}

func build(t *testing.T, inv *domain.Invoice) []byte {
	t.Helper()
	opts := nav.BuildOptions{}
	if inv.Type == domain.DocStorno {
		opts.ModificationIndex = 1
	}
	out, err := nav.BuildInvoiceData(inv, opts)
	if err != nil {
		t.Fatalf("%s: %v", inv.Number, err)
	}
	return out
}

// TestInvoiceDataValidatesAgainstXSD is the acceptance test of the XML
// builder: every document the app can issue is valid invoiceData.
func TestInvoiceDataValidatesAgainstXSD(t *testing.T) {
	docs := everyDocument(t)
	out := map[string][]byte{}
	for name, inv := range docs {
		out[name] = build(t, inv)
	}
	if len(out) < 100 {
		t.Fatalf("only %d documents", len(out))
	}
	validateXSD(t, "invoiceData.xsd", out)
}

// parsed is what the assertions below read back from a report.
type parsed struct {
	Customer struct {
		Status  string `xml:"customerVatStatus"`
		VatData *struct {
			Inner string `xml:",innerxml"`
		} `xml:"customerVatData"`
		Name    string    `xml:"customerName"`
		Address *struct{} `xml:"customerAddress"`
	} `xml:"invoiceMain>invoice>invoiceHead>customerInfo"`
	Reference *struct {
		Original string `xml:"originalInvoiceNumber"`
		Index    int    `xml:"modificationIndex"`
	} `xml:"invoiceMain>invoice>invoiceReference"`
	Lines []struct {
		Number int    `xml:"lineNumber"`
		Ref    int    `xml:"lineModificationReference>lineNumberReference"`
		Op     string `xml:"lineModificationReference>lineOperation"`
		Unit   string `xml:"unitOfMeasure"`
		Own    string `xml:"unitOfMeasureOwn"`
		Qty    string `xml:"quantity"`
	} `xml:"invoiceMain>invoice>invoiceLines>line"`
	GrossHUF string `xml:"invoiceMain>invoice>invoiceSummary>summaryGrossData>invoiceGrossAmountHUF"`
}

func parse(t *testing.T, data []byte) parsed {
	t.Helper()
	var p parsed
	if err := xml.Unmarshal(data, &p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPrivatePersonHasNoNameOrAddress(t *testing.T) {
	inv := issued(t, "P1", draft(buyerPerson, domain.HUF, "", line("Kenyér", "1", "db", "999", domain.VAT18)))
	out := build(t, inv)
	p := parse(t, out)
	if p.Customer.Status != "PRIVATE_PERSON" || p.Customer.Name != "" || p.Customer.Address != nil || p.Customer.VatData != nil {
		t.Errorf("private person reported with personal data: %+v", p.Customer)
	}
	if bytes.Contains(out, []byte("Nagy Anna")) || bytes.Contains(out, []byte("Kárász")) {
		t.Errorf("the XML names the private person:\n%s", out)
	}
}

func TestCustomerVatStatus(t *testing.T) {
	for b, want := range map[*domain.Buyer]string{&buyerDomestic: "DOMESTIC", &buyerSoleTrader: "DOMESTIC",
		&buyerPerson: "PRIVATE_PERSON", &buyerEU: "OTHER", &buyerThird: "OTHER"} {
		if got := nav.CustomerVatStatus(*b); got != want {
			t.Errorf("%s: %s, want %s", b.Name, got, want)
		}
	}
	p := parse(t, build(t, issued(t, "E1", draft(buyerEU, domain.EUR, "400", line("Gép", "1", "db", "100", domain.VATKBAET)))))
	if p.Customer.VatData == nil || !strings.Contains(p.Customer.VatData.Inner, "<communityVatNumber>DE123456789<") {
		t.Errorf("EU buyer: customerVatData %+v", p.Customer.VatData)
	}
}

func TestStornoReferencesTheOriginal(t *testing.T) {
	orig := issued(t, "2026/00007", draft(buyerDomestic, domain.HUF, "",
		line("A", "1", "db", "100", domain.VAT27), line("B", "2", "db", "50", domain.VAT5)))
	s := stornoOf(t, "2026/00008", orig)
	out, err := nav.BuildInvoiceData(s, nav.BuildOptions{ModificationIndex: 3})
	if err != nil {
		t.Fatal(err)
	}
	p := parse(t, out)
	if p.Reference == nil || p.Reference.Original != "2026/00007" || p.Reference.Index != 3 {
		t.Fatalf("invoiceReference: %+v", p.Reference)
	}
	for i, l := range p.Lines {
		if l.Number != i+1 || l.Ref != 2+i+1 || l.Op != "CREATE" || !strings.HasPrefix(l.Qty, "-") {
			t.Errorf("line %d: %+v", i+1, l)
		}
	}
	if p.GrossHUF != "-232.00" {
		t.Errorf("gross HUF %s", p.GrossHUF)
	}
	if _, err := nav.BuildInvoiceData(s, nav.BuildOptions{}); err == nil {
		t.Error("a sztornó without modification index was built")
	}
	orig.Type = domain.DocProforma
	if _, err := nav.BuildInvoiceData(orig, nav.BuildOptions{}); err == nil {
		t.Error("a proforma was built")
	}
}

func TestUnitOfMeasure(t *testing.T) {
	for in, want := range map[string][2]string{
		"db": {"PIECE", ""}, "Db.": {"PIECE", ""}, "óra": {"HOUR", ""}, "kg": {"KILOGRAM", ""}, "hó": {"MONTH", ""},
		"m³": {"CUBIC_METER", ""}, "fm": {"LINEAR_METER", ""}, "kWh": {"KWH", ""}, "csomag": {"PACK", ""},
		"kötet": {"OWN", "kötet"}, "  alkalom ": {"OWN", "alkalom"},
	} {
		code, own := nav.UnitOfMeasure(in)
		if code != want[0] || own != want[1] {
			t.Errorf("%q: %s %q, want %s %q", in, code, own, want[0], want[1])
		}
	}
}
