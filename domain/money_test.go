package domain

import (
	"encoding/json"
	"strings"
	"testing"
)

// nb is the no-break space Money uses between thousands groups.
const nb = "\u00a0"

func TestMoneyString(t *testing.T) {
	for _, tc := range []struct {
		m    Money
		want string
	}{
		{Money{43100, HUF}, "43" + nb + "100" + nb + "Ft"},
		{Money{1234567, HUF}, "1" + nb + "234" + nb + "567" + nb + "Ft"},
		{Money{100, HUF}, "100" + nb + "Ft"},
		{Money{0, HUF}, "0" + nb + "Ft"},
		{Money{-5, HUF}, "-5" + nb + "Ft"},
		{Money{-43100, HUF}, "-43" + nb + "100" + nb + "Ft"},
		{Money{123450, EUR}, "1" + nb + "234,50" + nb + "EUR"},
		{Money{5, EUR}, "0,05" + nb + "EUR"},
		{Money{-99, USD}, "-0,99" + nb + "USD"},
		{Money{100000, "CZK"}, "1" + nb + "000,00" + nb + "CZK"},
	} {
		if got := tc.m.String(); got != tc.want {
			t.Errorf("%+v.String() = %q, want %q", tc.m, got, tc.want)
		}
	}
}

func TestFormatDecimalHURoundTrips(t *testing.T) {
	for _, tc := range []struct {
		in   string
		min  int
		want string
	}{
		{"15000", 0, "15" + nb + "000"},
		{"12.5", 2, "12,50"},
		{"0.375", 2, "0,375"}, // more decimals than the currency: none dropped
		{"395.12", 0, "395,12"},
		{"-1234.5", 0, "-1" + nb + "234,5"},
	} {
		got := FormatDecimalHU(decOf(tc.in), tc.min)
		if got != tc.want {
			t.Errorf("FormatDecimalHU(%s, %d) = %q, want %q", tc.in, tc.min, got, tc.want)
		}
		if back, err := ParseDecimal(got); err != nil || !back.Equal(decOf(tc.in)) {
			t.Errorf("ParseDecimal(%q) = %s, %v; the formatted value does not read back", got, back, err)
		}
	}
}

func TestCurrency(t *testing.T) {
	for _, tc := range []struct {
		in       string
		want     Currency
		decimals int
		symbol   string
	}{
		{"HUF", HUF, 0, "Ft"},
		{" huf ", HUF, 0, "Ft"},
		{"eur", EUR, 2, "EUR"},
		{"USD", USD, 2, "USD"},
		{"CZK", "CZK", 2, "CZK"},
	} {
		c, err := ParseCurrency(tc.in)
		if err != nil || c != tc.want || c.Decimals() != tc.decimals || c.Symbol() != tc.symbol {
			t.Errorf("ParseCurrency(%q) = %q (%d, %q), %v", tc.in, c, c.Decimals(), c.Symbol(), err)
		}
	}
	for _, in := range []string{"", "FT", "EURO", "€", "H1F"} {
		if _, err := ParseCurrency(in); err == nil || !strings.Contains(err.Error(), "ISO pénznemkód") {
			t.Errorf("ParseCurrency(%q) = %v, want a Hungarian rejection", in, err)
		}
	}
}

func TestMoneyFromDecimalRounds(t *testing.T) {
	for _, tc := range []struct {
		in   string
		c    Currency
		want int64
	}{
		{"0.5", HUF, 1},
		{"2.5", HUF, 3},
		{"-0.5", HUF, -1},
		{"0.49", HUF, 0},
		{"0.005", EUR, 1},
		{"-0.005", EUR, -1},
		{"1234.5", EUR, 123450},
	} {
		m, err := MoneyFromDecimal(decOf(tc.in), tc.c)
		if err != nil || m.Minor != tc.want || m.Currency != tc.c {
			t.Errorf("MoneyFromDecimal(%s, %s) = %+v, %v; want %d", tc.in, tc.c, m, err, tc.want)
		}
	}
	if _, err := MoneyFromDecimal(decOf("100000000000000000"), HUF); err == nil {
		t.Error("an amount beyond 10^15 Ft was accepted")
	}
}

func TestMoneyArithmeticAndJSON(t *testing.T) {
	a, b := Money{123450, EUR}, Money{50, EUR}
	if got := a.Add(b); got != (Money{123500, EUR}) {
		t.Errorf("Add = %+v", got)
	}
	if got := a.Sub(b).Neg(); got != (Money{-123400, EUR}) {
		t.Errorf("Sub/Neg = %+v", got)
	}
	if !a.Decimal().Equal(decOf("1234.5")) {
		t.Errorf("Decimal() = %s", a.Decimal())
	}
	out, err := json.Marshal(map[string]Money{"eur": a, "huf": {43100, HUF}})
	if err != nil || string(out) != `{"eur":"1234.50","huf":"43100"}` {
		t.Errorf("JSON = %s, %v; want decimal strings with the currency's decimals", out, err)
	}
	defer func() {
		if recover() == nil {
			t.Error("adding HUF to EUR did not panic")
		}
	}()
	a.Add(Money{1, HUF})
}
