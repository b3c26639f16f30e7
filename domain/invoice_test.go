package domain

import (
	"encoding/json"
	"strings"
	"testing"
)

func invTestSeller() Seller {
	return Seller{
		Name: "Minta Kft.", TaxNumber: "12345676-2-42", EUVATNumber: "HU12345676",
		Address:     Address{Country: "HU", PostalCode: "1111", City: "Budapest", Street: "Fő utca 1."},
		BankAccount: "11773016-11111018", Email: "info@minta.hu", Phone: "+36 1 234 5678",
	}
}

func invLine(desc, qty, unit, price string, vat VATCode) InvoiceLine {
	return InvoiceLine{Description: desc, Quantity: decOf(qty), Unit: unit, UnitPrice: decOf(price), VAT: vat}
}

// invTestDraft is a valid HUF invoice draft, paid by transfer.
func invTestDraft(lines ...InvoiceLine) *Invoice {
	if len(lines) == 0 {
		lines = []InvoiceLine{invLine("Tanácsadás", "2", "óra", "15000", VAT27)}
	}
	issue := NewDate(2026, 11, 27)
	return &Invoice{
		Type: DocInvoice, CustomerID: 12,
		Buyer: Buyer{Kind: KindCompany, Name: "Vevő Bt.", TaxNumber: "12892312-2-41",
			Address: Address{Country: "HU", PostalCode: "6720", City: "Szeged", Street: "Kárász utca 2."}},
		Seller:    invTestSeller(),
		IssueDate: issue, FulfilmentDate: issue, DueDate: issue.AddDays(8),
		PaymentMethod: PayTransfer, Currency: HUF, ExchangeRate: DecimalFromInt(1),
		Lines: lines,
	}
}

func TestApplyDefaults(t *testing.T) {
	today := NewDate(2026, 11, 27)
	for _, tc := range []struct {
		method PaymentMethod
		days   int
		want   Date
	}{
		{PayTransfer, 0, NewDate(2026, 12, 5)}, // 8 days by default
		{PayTransfer, 30, NewDate(2026, 12, 27)},
		{"", 0, NewDate(2026, 12, 5)}, // no method: transfer
		{PayCash, 30, today},
		{PayCard, 30, today},
		{PayCOD, 15, NewDate(2026, 12, 12)},
		{PayOther, 0, NewDate(2026, 12, 5)},
	} {
		inv := &Invoice{PaymentMethod: tc.method, Lines: []InvoiceLine{{Description: "x"}}}
		inv.ApplyDefaults(today, tc.days)
		if inv.DueDate != tc.want {
			t.Errorf("%q, %d days: due %s, want %s", tc.method, tc.days, inv.DueDate, tc.want)
		}
		if inv.Type != DocInvoice || inv.IssueDate != today || inv.FulfilmentDate != today ||
			inv.Currency != HUF || inv.ExchangeRate.String() != "1" || inv.Lines[0].VAT != VAT27 {
			t.Errorf("%q: defaults not filled: %+v", tc.method, inv)
		}
	}
	exempt := &Invoice{Seller: Seller{VATExempt: true}, Lines: []InvoiceLine{{}, {VAT: VAT5}}}
	exempt.ApplyDefaults(today, 0)
	if exempt.Lines[0].VAT != VATAAM || exempt.Lines[1].VAT != VAT5 {
		t.Errorf("alanyi adómentes seller: line VATs %q, %q; want AAM for the new line only", exempt.Lines[0].VAT, exempt.Lines[1].VAT)
	}
	given := &Invoice{IssueDate: NewDate(2026, 1, 10), Currency: EUR, PaymentMethod: PayCash}
	given.ApplyDefaults(today, 0)
	if given.IssueDate != NewDate(2026, 1, 10) || given.DueDate != NewDate(2026, 1, 10) || !given.ExchangeRate.IsZero() {
		t.Errorf("given values were overwritten or a EUR rate invented: %+v", given)
	}
}

func TestInvoiceNormalize(t *testing.T) {
	inv := &Invoice{Currency: " eur ", PaymentMethod: "Cash", Note: "  köszönjük  ",
		Lines: []InvoiceLine{{Description: " Könyv ", Unit: " db ", VAT: "27%"}, {VAT: "aam"}, {VAT: "25"}}}
	inv.Normalize()
	if inv.Currency != EUR || inv.PaymentMethod != PayCash || inv.Note != "köszönjük" ||
		inv.Lines[0].Description != "Könyv" || inv.Lines[0].Unit != "db" {
		t.Errorf("Normalize: %+v", inv)
	}
	if inv.Lines[0].VAT != VAT27 || inv.Lines[1].VAT != VATAAM || inv.Lines[2].VAT != "25" {
		t.Errorf("VAT codes %q %q %q; want 27, AAM and the unknown 25 kept for Validate", inv.Lines[0].VAT, inv.Lines[1].VAT, inv.Lines[2].VAT)
	}
}

func TestLabels(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{PayTransfer.Label(), "átutalás"}, {PayCash.Label(), "készpénz"}, {PayCard.Label(), "bankkártya"},
		{PayCOD.Label(), "utánvét"}, {PayOther.Label(), "egyéb"},
		{DocInvoice.Label(), "Számla"}, {DocProforma.Label(), "Díjbekérő"}, {DocStorno.Label(), "Sztornó számla"},
		{InvoiceIssued.Label(), "kiállítva"}, {InvoicePaid.Label(), "fizetve"}, {InvoiceCancelled.Label(), "sztornózva"},
	} {
		if tc.got != tc.want {
			t.Errorf("label %q, want %q", tc.got, tc.want)
		}
	}
}

func TestInvoiceJSON(t *testing.T) {
	// The draft shape of cli.md.
	in := `{"type": "invoice", "customerId": 12, "issueDate": "2026-11-27", "fulfilmentDate": "2026-11-27",
	 "dueDate": "2026-12-05", "paymentMethod": "transfer", "currency": "HUF", "exchangeRate": "1", "note": "",
	 "lines": [{"description": "Tanácsadás", "quantity": "2", "unit": "óra", "unitPrice": "15000", "vat": "27"},
	           {"description": "Könyv", "quantity": "1", "unit": "db", "unitPrice": "4762", "vat": "5"}]}`
	var inv Invoice
	if err := json.Unmarshal([]byte(in), &inv); err != nil {
		t.Fatal(err)
	}
	if inv.DueDate != NewDate(2026, 12, 5) || inv.Lines[1].UnitPrice.String() != "4762" || inv.Lines[1].VAT != VAT5 {
		t.Errorf("decoded %+v", inv)
	}
	inv.Buyer = invTestDraft().Buyer
	inv.Seller = invTestSeller()
	tot, err := inv.Totals()
	if err != nil {
		t.Fatal(err)
	}
	// An issued document is printed as the invoice and its totals side by side.
	out, err := json.Marshal(struct {
		*Invoice
		Totals
	}{&inv, tot})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"issueDate":"2026-11-27"`, `"quantity":"2"`, `"unitPrice":"15000"`,
		`"net":"34762"`, `"vat":"8338"`, `"gross":"43100"`, `"payable":"43100"`,
		`"vatSummary":[{"vat":"27","net":"30000","vatAmount":"8100","gross":"38100"`, `"lines":[{"description":"Tanácsadás"`,
		// cli.md: cancels and fromProforma are always present, "" when unset.
		`"cancels":""`, `"fromProforma":""`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("JSON lacks %s:\n%s", want, out)
		}
	}
	var back Invoice
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatalf("reading the printed document back: %v", err)
	}
	if back.IssueDate != inv.IssueDate || !back.Lines[0].Quantity.Equal(inv.Lines[0].Quantity) || back.Seller.Name != "Minta Kft." {
		t.Errorf("round trip changed the document: %+v", back)
	}
}
