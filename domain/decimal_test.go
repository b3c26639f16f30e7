package domain

import (
	"encoding/json"
	"strings"
	"testing"
)

// decOf is MustParseDecimal, short for test tables.
func decOf(s string) Decimal { return MustParseDecimal(s) }

func TestParseDecimal(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"1.5", "1.5"},
		{"1,5", "1.5"},
		{"-2", "-2"},
		{"+3", "3"},
		{"−4,25", "-4.25"}, // U+2212, as word processors write it
		{"12 500", "12500"},
		{"1 234 567,89", "1234567.89"},
		{"1\u00a0234,50", "1234.5"}, // what Money.String writes comes back
		{"1\u202f234", "1234"},
		{"  007 ", "7"},
		{"1.50", "1.5"},
		{"0.0000000001", "0.0000000001"},
		{"-0", "0"},
		{"123456789012345678", "123456789012345678"},
	} {
		got, err := ParseDecimal(tc.in)
		if err != nil {
			t.Errorf("ParseDecimal(%q): %v", tc.in, err)
			continue
		}
		if got.String() != tc.want {
			t.Errorf("ParseDecimal(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestParseDecimalRejects(t *testing.T) {
	for _, tc := range []struct{ in, msg string }{
		{"", "meg kell adni"},
		{"abc", "nem szám"},
		{"1e3", "nem szám"},
		{"12 50", "három számjegyből"},
		{"1  000", "egy szóköz"},
		{"1.234.567", "legfeljebb egy tizedesjel"},
		{"1.234,5", "legfeljebb egy tizedesjel"},
		{"5,", "a tizedesjel után számjegy kell"},
		{",5", "számjeggyel kezdődik"},
		{"1,5 0", "után nem lehet szóköz"},
		{"0.00000000001", "legfeljebb 10 tizedesjegy"},
		{"1234567890123456789", "túl nagy szám"},
		{"--1", "nem szám"},
	} {
		_, err := ParseDecimal(tc.in)
		if err == nil {
			t.Errorf("ParseDecimal(%q) accepted junk", tc.in)
			continue
		}
		if ErrorCode(err) != EInvalid || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("ParseDecimal(%q) error = %q (%s), want it to contain %q", tc.in, err, ErrorCode(err), tc.msg)
		}
	}
}

func TestDecimalArithmetic(t *testing.T) {
	for _, tc := range []struct {
		name string
		got  Decimal
		want string
	}{
		{"0.1+0.2 is exact", decOf("0.1").Add(decOf("0.2")), "0.3"},
		{"sub to zero", decOf("1.10").Sub(decOf("1.1")), "0"},
		{"sub negative", decOf("2").Sub(decOf("2.75")), "-0.75"},
		{"mul scales add", decOf("1.5").Mul(decOf("2.25")), "3.375"},
		{"mul quantity by price", decOf("3").Mul(decOf("333.33")), "999.99"},
		{"neg", decOf("12.5").Neg(), "-12.5"},
		{"abs", decOf("-12.5").Abs(), "12.5"},
		{"shift percent", decOf("27").Shift(-2), "0.27"},
		{"shift up", decOf("1.23").Shift(3), "1230"},
		{"new decimal", NewDecimal(12345, 2), "123.45"},
		{"new decimal negative scale", NewDecimal(5, -3), "5000"},
	} {
		if tc.got.String() != tc.want {
			t.Errorf("%s: got %s, want %s", tc.name, tc.got, tc.want)
		}
	}
	if decOf("1.50").Cmp(decOf("1.5")) != 0 || !decOf("1.50").Equal(decOf("1.5")) {
		t.Error("1.50 and 1.5 compare unequal")
	}
	if decOf("-1").Cmp(decOf("0.5")) != -1 || decOf("10").Cmp(decOf("9.99")) != 1 {
		t.Error("Cmp orders wrongly")
	}
	var zero Decimal
	if !zero.IsZero() || zero.String() != "0" || zero.Add(decOf("2")).String() != "2" {
		t.Error("the zero Decimal is not a usable 0")
	}
}

func TestDecimalRoundHalfAwayFromZero(t *testing.T) {
	for _, tc := range []struct {
		in     string
		places int
		want   string
	}{
		{"0.5", 0, "1"},
		{"2.5", 0, "3"},
		{"-0.5", 0, "-1"},
		{"-2.5", 0, "-3"},
		{"0.49", 0, "0"},
		{"-0.49", 0, "0"},
		{"2.4999", 0, "2"},
		{"1.005", 2, "1.01"},
		{"-1.005", 2, "-1.01"},
		{"1.004", 2, "1"},
		{"8369.73", 0, "8370"},
		{"12.3", 4, "12.3"},
		{"125", -1, "130"},
		{"124.99", -1, "120"},
	} {
		if got := decOf(tc.in).Round(tc.places).String(); got != tc.want {
			t.Errorf("Round(%s, %d) = %s, want %s", tc.in, tc.places, got, tc.want)
		}
	}
}

func TestDecimalStringFixedAndMinor(t *testing.T) {
	for _, tc := range []struct {
		in     string
		places int
		want   string
	}{
		{"1234.5", 2, "1234.50"},
		{"7", 2, "7.00"},
		{"-0.125", 2, "-0.13"},
		{"43100", 0, "43100"},
	} {
		if got := decOf(tc.in).StringFixed(tc.places); got != tc.want {
			t.Errorf("StringFixed(%s, %d) = %s, want %s", tc.in, tc.places, got, tc.want)
		}
	}
	if n, ok := decOf("12.345").Minor(2); !ok || n != 1235 {
		t.Errorf("Minor(12.345, 2) = %d, %v; want 1235", n, ok)
	}
	if _, ok := decOf("99999999999999999").Minor(4); ok {
		t.Error("Minor reported an int64 overflow as ok")
	}
}

func TestDecimalJSON(t *testing.T) {
	type line struct {
		Quantity Decimal `json:"quantity"`
		Price    Decimal `json:"price"`
	}
	b, err := json.Marshal(line{decOf("1.5"), decOf("12500")})
	if err != nil || string(b) != `{"quantity":"1.5","price":"12500"}` {
		t.Fatalf("Marshal = %s, %v; want amounts as strings", b, err)
	}
	for _, tc := range []struct{ in, q, p string }{
		{`{"quantity":"1.5","price":"12500"}`, "1.5", "12500"},
		{`{"quantity":"1,5","price":"12 500"}`, "1.5", "12500"},
		{`{"quantity":2,"price":0.1}`, "2", "0.1"}, // bare numbers read from text, not float64
		{`{"quantity":null,"price":"0"}`, "0", "0"},
	} {
		var l line
		if err := json.Unmarshal([]byte(tc.in), &l); err != nil {
			t.Errorf("Unmarshal(%s): %v", tc.in, err)
			continue
		}
		if l.Quantity.String() != tc.q || l.Price.String() != tc.p {
			t.Errorf("Unmarshal(%s) = %s, %s; want %s, %s", tc.in, l.Quantity, l.Price, tc.q, tc.p)
		}
	}
	var l line
	err = json.Unmarshal([]byte(`{"quantity":"két"}`), &l)
	if err == nil || !strings.Contains(err.Error(), `"két"`) || !strings.Contains(err.Error(), "nem szám") {
		t.Errorf("Unmarshal of junk: %v; want a Hungarian reason naming the input", err)
	}
	// A round trip keeps the value exactly.
	orig := line{decOf("-0.0000000001"), decOf("123456789012345678.5")}
	b, _ = json.Marshal(orig)
	var back line
	if err := json.Unmarshal(b, &back); err != nil || !back.Quantity.Equal(orig.Quantity) || !back.Price.Equal(orig.Price) {
		t.Errorf("round trip of %s gave %+v, %v", b, back, err)
	}
}
