package domain

import (
	"reflect"
	"strings"
	"testing"
)

// invIssued returns d as storage would after issuing it.
func invIssued(d *Invoice, number string) *Invoice {
	d.Number, d.Status = number, InvoiceIssued
	return d
}

// negTotals returns every amount of t negated.
func negTotals(t Totals) Totals {
	neg := func(ms ...*Money) {
		for _, m := range ms {
			*m = m.Neg()
		}
	}
	out := t
	out.Lines = append([]LineAmounts(nil), t.Lines...)
	out.VATSummary = append([]VATSummaryRow(nil), t.VATSummary...)
	for i := range out.Lines {
		l := &out.Lines[i]
		neg(&l.Net, &l.VAT, &l.Gross)
	}
	for i := range out.VATSummary {
		r := &out.VATSummary[i]
		neg(&r.Net, &r.VATAmount, &r.Gross, &r.NetHUF, &r.VATAmountHUF, &r.GrossHUF)
	}
	neg(&out.Net, &out.VAT, &out.Gross, &out.NetHUF, &out.VATHUF, &out.GrossHUF, &out.Rounding, &out.Payable)
	return out
}

// invValidMixedLines are invMixedLines as a VAT-registered seller may issue
// them: the AAM line becomes TAM (exempt activity), which totals the same.
func invValidMixedLines() []InvoiceLine {
	lines := invMixedLines()
	lines[3].VAT = VATTAM
	return lines
}

func TestStornoIsTheExactNegative(t *testing.T) {
	// Lines that exercise every rounding: half forints, the VAT distribution
	// with ties, the cash rounding and a foreign currency.
	lines := append(invValidMixedLines(),
		invLine("a", "1", "db", "1", VAT27), invLine("b", "1", "db", "1", VAT27), invLine("c", "1", "db", "1", VAT27),
		invLine("d", "1", "db", "2.5", VAT5), invLine("e", "3", "db", "0.5", VAT18))
	cash := invTestDraft(lines...)
	cash.PaymentMethod = PayCash
	eur := invTestDraft(invLine("Fejlesztés", "10", "óra", "45.50", VAT27), invLine("Licenc", "3", "db", "12.345", VAT18),
		invLine("x", "1", "db", "0.005", VAT5), invLine("y", "1", "db", "0.005", VAT5))
	eur.Currency, eur.ExchangeRate = EUR, decOf("395.12")
	for name, orig := range map[string]*Invoice{"HUF cash": cash, "EUR": eur} {
		invIssued(orig, "KSZ-2026-00001")
		s, err := NewStorno(orig, "KSZ-2026-00002", NewDate(2026, 12, 1))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		ot, st := mustTotals(t, orig), mustTotals(t, s)
		if ot.Rounding.Minor == 0 && name == "HUF cash" {
			t.Fatalf("the test invoice should need cash rounding (gross %v)", ot.Gross)
		}
		if want := negTotals(ot); !reflect.DeepEqual(st, want) {
			t.Errorf("%s: sztornó totals\n got %+v\nwant %+v", name, st, want)
		}
		if err := s.Validate(); err != nil {
			t.Errorf("%s: the sztornó does not validate: %v", name, err)
		}
	}
}

func TestNewStornoFields(t *testing.T) {
	orig := invIssued(invTestDraft(invValidMixedLines()...), "KSZ-2026-00007")
	orig.Note = "Fizetés 8 napon belül"
	orig.FulfilmentDate = NewDate(2025, 1, 15) // a sztornó may come long after the supply
	orig.IssueDate = NewDate(2025, 1, 20)
	s, err := NewStorno(orig, "", NewDate(2026, 11, 30))
	if err != nil {
		t.Fatal(err)
	}
	if s.Type != DocStorno || s.Cancels != "KSZ-2026-00007" || s.Number != "" || s.Status != "" ||
		s.IssueDate != NewDate(2026, 11, 30) || s.DueDate != s.IssueDate || s.FulfilmentDate != orig.FulfilmentDate ||
		s.Note != "" || s.Buyer != orig.Buyer || s.PaymentMethod != orig.PaymentMethod {
		t.Errorf("sztornó header: %+v", s)
	}
	if !s.Lines[0].Quantity.Equal(decOf("-2")) || !s.Lines[0].UnitPrice.Equal(decOf("15000")) {
		t.Errorf("line 1: quantity %s, unit price %s; want -2 × 15000", s.Lines[0].Quantity, s.Lines[0].UnitPrice)
	}
	if !orig.Lines[0].Quantity.Equal(decOf("2")) || orig.Status != InvoiceIssued {
		t.Error("NewStorno changed the original invoice")
	}
	if err := s.Validate(); err != nil {
		t.Errorf("a late sztornó must still validate: %v", err)
	}
}

func TestNewStornoRefuses(t *testing.T) {
	proforma := invIssued(invTestDraft(), "DB-2026-00001")
	proforma.Type = DocProforma
	cancelled := invIssued(invTestDraft(), "KSZ-2026-00001")
	cancelled.Status = InvoiceCancelled
	storno := invIssued(invTestDraft(), "KSZ-2026-00002")
	storno.Type = DocStorno
	for _, tc := range []struct {
		name string
		orig *Invoice
		date Date
		code Code
		msg  string
	}{
		{"proforma", proforma, NewDate(2026, 12, 1), EInvalid, "Díjbekérőt nem kell sztornózni, mert nem számla: helyette visszavonható."},
		{"draft", invTestDraft(), NewDate(2026, 12, 1), EInvalid, "Piszkozatot"},
		{"already cancelled", cancelled, NewDate(2026, 12, 1), EConflict, "A(z) KSZ-2026-00001 számlát már sztornózták."},
		{"a sztornó", storno, NewDate(2026, 12, 1), EInvalid, "Sztornó számlát nem lehet sztornózni"},
		{"dated before the original", invIssued(invTestDraft(), "KSZ-2026-00003"), NewDate(2026, 11, 26), EInvalid, "nem lehet korábbi"},
	} {
		_, err := NewStorno(tc.orig, "", tc.date)
		if ErrorCode(err) != tc.code || err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: %v (%s), want %s containing %q", tc.name, err, ErrorCode(err), tc.code, tc.msg)
		}
	}
}

func TestConvertProforma(t *testing.T) {
	p := invIssued(invTestDraft(invValidMixedLines()...), "DB-2026-00004")
	p.Type = DocProforma
	p.Payments = []Payment{{Date: NewDate(2026, 11, 28), Amount: decOf("50549"), Method: PayTransfer}}
	inv, err := ConvertProforma(p, NewDate(2026, 12, 2), 8)
	if err != nil {
		t.Fatal(err)
	}
	if inv.Type != DocInvoice || inv.FromProforma != "DB-2026-00004" || inv.Number != "" || inv.Status != "" ||
		inv.IssueDate != NewDate(2026, 12, 2) || inv.FulfilmentDate != inv.IssueDate || inv.DueDate != NewDate(2026, 12, 10) ||
		len(inv.Payments) != 1 || len(inv.Lines) != 5 {
		t.Errorf("converted: %+v", inv)
	}
	if err := inv.Validate(); err != nil {
		t.Errorf("the converted invoice does not validate: %v", err)
	}
	if got := inv.IssuedStatus(); got != InvoicePaid {
		t.Errorf("an invoice from a paid díjbekérő is issued as %q, want paid", got)
	}
	inv.Lines[0].Quantity = decOf("99")
	if !p.Lines[0].Quantity.Equal(decOf("2")) {
		t.Error("editing the invoice changed the proforma")
	}
	if _, err := ConvertProforma(invIssued(invTestDraft(), "KSZ-2026-00001"), NewDate(2026, 12, 2), 8); err == nil {
		t.Error("an invoice was converted as if it were a proforma")
	}
}
