package domain

import (
	"reflect"
	"testing"
)

// invMixedLines are 27/18/5/AAM lines in one invoice.
func invMixedLines() []InvoiceLine {
	return []InvoiceLine{
		invLine("Tanácsadás", "2", "óra", "15000", VAT27),
		invLine("Könyv", "1", "db", "4762", VAT5),
		invLine("Szendvics", "3", "db", "333.33", VAT18), // 999.99 → 1000
		invLine("Terembérlet", "1", "alkalom", "5000", VATAAM),
		invLine("Kábel", "1", "db", "999", VAT27),
	}
}

func huf(n int64) Money { return Money{n, HUF} }

func mustTotals(t *testing.T, inv *Invoice) Totals {
	t.Helper()
	tot, err := inv.Totals()
	if err != nil {
		t.Fatalf("Totals: %v", err)
	}
	return tot
}

func TestTotalsMixedRatesHUF(t *testing.T) {
	tot := mustTotals(t, invTestDraft(invMixedLines()...))
	wantRows := []VATSummaryRow{
		// 27%: 30 999 × 0.27 = 8369.73 → 8370, rounded once for the group.
		{VAT: VAT27, Net: huf(30999), VATAmount: huf(8370), Gross: huf(39369), NetHUF: huf(30999), VATAmountHUF: huf(8370), GrossHUF: huf(39369)},
		{VAT: VAT18, Net: huf(1000), VATAmount: huf(180), Gross: huf(1180), NetHUF: huf(1000), VATAmountHUF: huf(180), GrossHUF: huf(1180)},
		{VAT: VAT5, Net: huf(4762), VATAmount: huf(238), Gross: huf(5000), NetHUF: huf(4762), VATAmountHUF: huf(238), GrossHUF: huf(5000)},
		{VAT: VATAAM, Net: huf(5000), VATAmount: huf(0), Gross: huf(5000), NetHUF: huf(5000), VATAmountHUF: huf(0), GrossHUF: huf(5000)},
	}
	if !reflect.DeepEqual(tot.VATSummary, wantRows) {
		t.Errorf("VAT summary\n got %+v\nwant %+v", tot.VATSummary, wantRows)
	}
	wantLines := []LineAmounts{
		{huf(30000), huf(8100), huf(38100)},
		{huf(4762), huf(238), huf(5000)},
		{huf(1000), huf(180), huf(1180)},
		{huf(5000), huf(0), huf(5000)},
		{huf(999), huf(270), huf(1269)},
	}
	if !reflect.DeepEqual(tot.Lines, wantLines) {
		t.Errorf("lines\n got %+v\nwant %+v", tot.Lines, wantLines)
	}
	if tot.Net != huf(41761) || tot.VAT != huf(8788) || tot.Gross != huf(50549) ||
		tot.GrossHUF != huf(50549) || tot.Payable != huf(50549) || tot.Rounding != huf(0) {
		t.Errorf("totals net %v vat %v gross %v (HUF %v) payable %v rounding %v",
			tot.Net, tot.VAT, tot.Gross, tot.GrossHUF, tot.Payable, tot.Rounding)
	}
}

func TestTotalsLineVATSharesAddUpToGroup(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines []InvoiceLine
		vats  []int64
		group int64
	}{
		// 3 × 0.27 Ft rounds to 0 each, but the group's 0.81 Ft rounds to 1:
		// the tie goes to the first line.
		{"ties", []InvoiceLine{invLine("a", "1", "db", "1", VAT27), invLine("b", "1", "db", "1", VAT27), invLine("c", "1", "db", "1", VAT27)},
			[]int64{1, 0, 0}, 1},
		// 1.35 + 0.27 + 0.27 = 1.89 → 2; the line that lost most (0.35) gets the unit.
		{"largest remainder", []InvoiceLine{invLine("a", "1", "db", "1", VAT27), invLine("b", "5", "db", "1", VAT27), invLine("c", "1", "db", "1", VAT27)},
			[]int64{0, 2, 0}, 2},
		// 0.81 + 0.54 + 0.54 rounds to 3 × 1, the group's 1.89 to 2: the line
		// that gained most by rounding (0.54 → 1, the first of two) gives a unit back.
		{"too much", []InvoiceLine{invLine("a", "3", "db", "1", VAT27), invLine("b", "2", "db", "1", VAT27), invLine("c", "2", "db", "1", VAT27)},
			[]int64{1, 0, 1}, 2},
	} {
		tot := mustTotals(t, invTestDraft(tc.lines...))
		var got []int64
		var sum int64
		for _, l := range tot.Lines {
			got = append(got, l.VAT.Minor)
			sum += l.VAT.Minor
			if l.Gross.Minor != l.Net.Minor+l.VAT.Minor {
				t.Errorf("%s: line gross %v ≠ net %v + VAT %v", tc.name, l.Gross, l.Net, l.VAT)
			}
		}
		if !reflect.DeepEqual(got, tc.vats) || sum != tc.group || tot.VATSummary[0].VATAmount.Minor != tc.group {
			t.Errorf("%s: line VATs %v (sum %d), group %v; want %v summing to %d", tc.name, got, sum, tot.VATSummary[0].VATAmount, tc.vats, tc.group)
		}
	}
}

func TestTotalsRoundingAtHalf(t *testing.T) {
	for _, tc := range []struct {
		name     string
		line     InvoiceLine
		currency Currency
		net, vat int64
	}{
		{"0.5 Ft net rounds up", invLine("x", "1", "db", "0.5", VAT0), HUF, 1, 0},
		{"2.5 Ft net rounds up", invLine("x", "1", "db", "2.5", VAT0), HUF, 3, 0},
		{"-0.5 Ft net rounds away from zero", invLine("x", "-1", "db", "0.5", VAT0), HUF, -1, 0},
		{"0.49 Ft net rounds down", invLine("x", "1", "db", "0.49", VAT0), HUF, 0, 0},
		{"VAT 0.5 Ft rounds up", invLine("x", "1", "db", "10", VAT5), HUF, 10, 1},
		{"VAT 2.5 Ft rounds up", invLine("x", "1", "db", "50", VAT5), HUF, 50, 3},
		{"VAT -2.5 Ft rounds away from zero", invLine("x", "-1", "db", "50", VAT5), HUF, -50, -3},
		{"VAT 2.4 Ft rounds down", invLine("x", "1", "db", "48", VAT5), HUF, 48, 2},
		{"EUR half cent", invLine("x", "1", "db", "0.005", VAT0), EUR, 1, 0},
		{"EUR VAT half cent", invLine("x", "1", "db", "0.1", VAT5), EUR, 10, 1},
	} {
		inv := invTestDraft(tc.line)
		inv.Currency, inv.ExchangeRate = tc.currency, decOf("400")
		tot := mustTotals(t, inv)
		if tot.Net.Minor != tc.net || tot.VAT.Minor != tc.vat || tot.Lines[0].Net.Minor != tc.net {
			t.Errorf("%s: net %v, VAT %v; want %d, %d minor units", tc.name, tot.Net, tot.VAT, tc.net, tc.vat)
		}
	}
}

func TestCashRound(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"1000", "1000"}, {"1001", "1000"}, {"1002", "1000"}, {"1002.49", "1000"},
		{"1002.50", "1005"}, {"1003", "1005"}, {"1005", "1005"}, {"1007", "1005"}, {"1007.49", "1005"},
		{"1007.50", "1010"}, {"1008", "1010"}, {"1009.99", "1010"},
		{"2.49", "0"}, {"2.5", "5"}, {"7.49", "5"}, {"7.5", "10"},
		{"-1003", "-1005"}, {"-1002", "-1000"}, {"-2.5", "-5"}, {"-7.49", "-5"},
	} {
		if got := CashRound(decOf(tc.in)); got.String() != tc.want {
			t.Errorf("CashRound(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestTotalsCashRounding(t *testing.T) {
	for _, tc := range []struct {
		name     string
		method   PaymentMethod
		currency Currency
		gross    string
		payable  int64
		rounding int64
	}{
		{"cash, last digit 3 rounds to 5", PayCash, HUF, "1003", 1005, 2},
		{"cash, last digit 2 rounds to 0", PayCash, HUF, "1002", 1000, -2},
		{"cash, last digit 7 rounds to 5", PayCash, HUF, "1007", 1005, -2},
		{"cash, last digit 8 rounds to 10", PayCash, HUF, "1008", 1010, 2},
		{"transfer is never rounded", PayTransfer, HUF, "1003", 1003, 0},
		{"card is not rounded", PayCard, HUF, "1003", 1003, 0},
		{"EUR cash is not rounded", PayCash, EUR, "10.03", 1003, 0},
	} {
		inv := invTestDraft(invLine("x", "1", "db", tc.gross, VATAAM))
		inv.PaymentMethod, inv.Currency, inv.ExchangeRate = tc.method, tc.currency, decOf("395.12")
		tot := mustTotals(t, inv)
		if tot.Payable.Minor != tc.payable || tot.Rounding.Minor != tc.rounding {
			t.Errorf("%s: payable %v, rounding %v; want %d, %d", tc.name, tot.Payable, tot.Rounding, tc.payable, tc.rounding)
		}
		// The rounding stays out of the VAT base.
		if tot.Gross.Decimal().String() != decOf(tc.gross).String() || tot.VATSummary[0].Gross != tot.Gross {
			t.Errorf("%s: gross %v changed by the cash rounding", tc.name, tot.Gross)
		}
	}
}

func TestTotalsForeignCurrency(t *testing.T) {
	inv := invTestDraft(
		invLine("Fejlesztés", "10", "óra", "45.50", VAT27),
		invLine("Licenc", "3", "db", "12.345", VAT18), // 37.035 → 37.04
	)
	inv.Currency, inv.ExchangeRate = EUR, decOf("395.12")
	tot := mustTotals(t, inv)
	eur := func(n int64) Money { return Money{n, EUR} }
	want := []VATSummaryRow{
		// VAT in HUF = round(VAT × rate) per group: 122.85 × 395.12 = 48 540.492.
		{VAT: VAT27, Net: eur(45500), VATAmount: eur(12285), Gross: eur(57785), NetHUF: huf(179780), VATAmountHUF: huf(48540), GrossHUF: huf(228320)},
		{VAT: VAT18, Net: eur(3704), VATAmount: eur(667), Gross: eur(4371), NetHUF: huf(14635), VATAmountHUF: huf(2635), GrossHUF: huf(17270)},
	}
	if !reflect.DeepEqual(tot.VATSummary, want) {
		t.Errorf("VAT summary\n got %+v\nwant %+v", tot.VATSummary, want)
	}
	if tot.Net != eur(49204) || tot.VAT != eur(12952) || tot.Gross != eur(62156) ||
		tot.NetHUF != huf(194415) || tot.VATHUF != huf(51175) || tot.GrossHUF != huf(245590) || tot.Payable != eur(62156) {
		t.Errorf("totals %v %v %v, HUF %v %v %v, payable %v", tot.Net, tot.VAT, tot.Gross, tot.NetHUF, tot.VATHUF, tot.GrossHUF, tot.Payable)
	}
	if got := tot.Gross.String(); got != "621,56\u00a0EUR" {
		t.Errorf("gross prints as %q", got)
	}
}

func TestTotalsRejects(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*Invoice)
	}{
		{"unknown currency", func(i *Invoice) { i.Currency = "€" }},
		{"EUR without a rate", func(i *Invoice) { i.Currency = EUR; i.ExchangeRate = Decimal{} }},
		{"unknown VAT code", func(i *Invoice) { i.Lines[0].VAT = "25" }},
		{"absurd amount", func(i *Invoice) { i.Lines[0].Quantity = decOf("999999999999999999") }},
	} {
		inv := invTestDraft()
		tc.edit(inv)
		if _, err := inv.Totals(); err == nil || ErrorCode(err) != EInvalid {
			t.Errorf("%s: Totals error %v, want EInvalid", tc.name, err)
		}
	}
}
