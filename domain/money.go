package domain

import "strings"

// Currency is an ISO 4217 currency code in upper case ("HUF", "EUR").
type Currency string

// The currencies the app knows by name. Any other three-letter code may be
// used too; it is treated as having 2 decimals.
const (
	HUF Currency = "HUF"
	EUR Currency = "EUR"
	USD Currency = "USD"
)

// ParseCurrency accepts a three-letter code in any case ("huf", " EUR ").
func ParseCurrency(s string) (Currency, error) {
	c := Currency(strings.ToUpper(strings.TrimSpace(s)))
	if !c.Valid() {
		return "", Errorf(EInvalid, "háromjegyű ISO pénznemkód kell (pl. HUF, EUR, USD)")
	}
	return c, nil
}

// Valid reports whether c is three upper-case ASCII letters.
func (c Currency) Valid() bool {
	if len(c) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if c[i] < 'A' || c[i] > 'Z' {
			return false
		}
	}
	return true
}

// Decimals is the number of fraction digits amounts in c are rounded to:
// 0 for the forint (the fillér has not been in circulation since 1999 and
// Hungarian invoices show whole forints), 2 for every other currency.
func (c Currency) Decimals() int {
	if c == HUF {
		return 0
	}
	return 2
}

// Symbol is what follows an amount on screen and on paper: "Ft" for the
// forint, the ISO code otherwise ("1 234,50 EUR").
func (c Currency) Symbol() string {
	if c == HUF {
		return "Ft"
	}
	return string(c)
}

// Money is an amount in minor units of its currency (whole forints for HUF,
// cents for EUR). Amounts become Money only after explicit rounding (see
// MoneyFromDecimal); sums of Money are exact.
//
// Money is written to JSON as a decimal string with the currency's decimals
// ("43100", "1234.50"); it is an output of Invoice.Totals and is never read
// back, so it has no UnmarshalJSON.
type Money struct {
	Minor    int64
	Currency Currency
}

// maxMoneyMinor bounds every amount so that adding up a whole invoice's worth
// of them can never overflow an int64.
const maxMoneyMinor = 1_000_000_000_000_000 // 10^15 minor units

// MoneyFromDecimal rounds d to c's minor unit, half away from zero. It fails
// when the amount is beyond 10^15 minor units (10^13 EUR), which no real
// invoice reaches.
func MoneyFromDecimal(d Decimal, c Currency) (Money, error) {
	n, ok := d.Minor(c.Decimals())
	if !ok || n > maxMoneyMinor || n < -maxMoneyMinor {
		return Money{}, Errorf(EInvalid, "az összeg túl nagy: %s %s", d.Round(c.Decimals()).String(), c)
	}
	return Money{Minor: n, Currency: c}, nil
}

// Decimal returns m in major units (1234.5 for 123450 euro cents).
func (m Money) Decimal() Decimal { return decimalFromMinor(m.Minor, m.Currency.Decimals()) }

// Add returns m + o. Both must be in the same currency; mixing currencies is
// a programming error and panics.
func (m Money) Add(o Money) Money {
	m.mustMatch(o)
	return Money{Minor: m.Minor + o.Minor, Currency: m.Currency}
}

// Sub returns m − o, in the same currency.
func (m Money) Sub(o Money) Money {
	m.mustMatch(o)
	return Money{Minor: m.Minor - o.Minor, Currency: m.Currency}
}

// Neg returns −m.
func (m Money) Neg() Money { return Money{Minor: -m.Minor, Currency: m.Currency} }

// Sign returns -1, 0 or +1.
func (m Money) Sign() int {
	switch {
	case m.Minor < 0:
		return -1
	case m.Minor > 0:
		return 1
	}
	return 0
}

func (m Money) mustMatch(o Money) {
	// A zero Money{} (no currency yet) is the neutral start of a sum.
	if m.Currency != o.Currency && m.Currency != "" && o.Currency != "" {
		panic("domain.Money: " + string(m.Currency) + " and " + string(o.Currency) + " mixed")
	}
}

// MarshalJSON writes m as a decimal string with exactly the currency's
// decimals, e.g. "43100" or "1234.50".
func (m Money) MarshalJSON() ([]byte, error) {
	return []byte(`"` + m.Decimal().StringFixed(m.Currency.Decimals()) + `"`), nil
}

// String formats m for the Hungarian UI and PDF: "43 100 Ft", "1 234,50 EUR",
// "-5 Ft". See FormatDecimalHU for the separators.
func (m Money) String() string {
	return FormatDecimalHU(m.Decimal(), m.Currency.Decimals()) + HUSpace + m.Currency.Symbol()
}

// HUSpace is the separator between thousands groups and between an amount and
// its currency: U+00A0 NO-BREAK SPACE. It looks like a space but keeps an
// amount on one line, so a wrapping label or PDF cell can never show "43" at
// the end of one line and "100 Ft" at the start of the next. ParseDecimal
// accepts it back.
const HUSpace = "\u00a0"

// FormatDecimalHU writes d the Hungarian way: thousands grouped by HUSpace
// and a decimal comma, with at least minPlaces fraction digits (more if d has
// more): FormatDecimalHU(1234.5, 2) = "1 234,50", (0.125, 0) = "0,125".
func FormatDecimalHU(d Decimal, minPlaces int) string {
	places := max(d.Places(), minPlaces)
	s := d.StringFixed(places)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(HUSpace)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString("," + frac)
	}
	return b.String()
}

// FormatUnitPrice writes a unit price in c with at least c's decimals:
// "15 000" for HUF, "12,50" for EUR, "0,375" for an energy price.
func (c Currency) FormatUnitPrice(d Decimal) string { return FormatDecimalHU(d, c.Decimals()) }
