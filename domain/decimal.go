package domain

import (
	"math/big"
	"strings"
)

// Limits of the decimal numbers users type. They follow the NAV schema:
// quantities and unit prices are decimal(22,10), so at most 10 fraction
// digits; amounts have at most 18 digits.
const (
	MaxDecimalPlaces        = 10
	MaxDecimalIntegerDigits = 18
)

// Decimal is an exact decimal number: mantissa × 10^-scale. Quantities, unit
// prices, rates and amounts are Decimals so that no binary floating point ever
// touches money. The zero value is 0. A Decimal is immutable: every operation
// returns a new value, so copies may share the mantissa safely.
//
// Values are kept normalised (no trailing fraction zeros), so String is
// canonical ("1.5", never "1.50"); compare with Cmp or Equal, not ==.
type Decimal struct {
	mant  *big.Int // nil means 0
	scale int32    // ≥ 0
}

// NewDecimal returns mantissa × 10^-scale, e.g. NewDecimal(12345, 2) = 123.45.
// A negative scale multiplies: NewDecimal(5, -3) = 5000.
func NewDecimal(mantissa int64, scale int) Decimal {
	return decimalFromBig(big.NewInt(mantissa), scale)
}

// DecimalFromInt returns n as a Decimal.
func DecimalFromInt(n int64) Decimal { return NewDecimal(n, 0) }

// decimalFromBig takes ownership of m and normalises the result.
func decimalFromBig(m *big.Int, scale int) Decimal {
	if scale < 0 {
		m.Mul(m, decimalPow10(-scale))
		scale = 0
	}
	if m.Sign() == 0 {
		return Decimal{}
	}
	// Strip trailing zeros of the fraction so that the representation (and
	// so String) is unique for each value.
	ten := big.NewInt(10)
	q, r := new(big.Int), new(big.Int)
	for scale > 0 {
		q.QuoRem(m, ten, r)
		if r.Sign() != 0 {
			break
		}
		m, q = q, m
		scale--
	}
	return Decimal{mant: m, scale: int32(scale)}
}

// decimalPow10 returns 10^n as a new big.Int.
func decimalPow10(n int) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
}

// mantissa returns a copy of d's mantissa (never nil).
func (d Decimal) mantissa() *big.Int {
	if d.mant == nil {
		return new(big.Int)
	}
	return new(big.Int).Set(d.mant)
}

// MustParseDecimal is ParseDecimal for constants and tests; it panics on
// invalid input.
func MustParseDecimal(s string) Decimal {
	d, err := ParseDecimal(s)
	if err != nil {
		panic("domain.MustParseDecimal(" + s + "): " + err.Error())
	}
	return d
}

// ParseDecimal reads a number the way Hungarian users type it: "1,5" or
// "1.5", "-2", "12 500" or "1 234,50" (thousands separated by a space, a
// no-break space or a narrow no-break space, always in groups of three), with
// an optional sign ("+", "-" or "−"). It rejects everything else — exponents,
// both a comma and a point, "1.234.567" — with a Hungarian reason, an *Error
// with code EInvalid.
func ParseDecimal(s string) (Decimal, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Decimal{}, Errorf(EInvalid, "meg kell adni egy számot")
	}
	neg := false
	switch {
	case strings.HasPrefix(s, "-"), strings.HasPrefix(s, "+"):
		neg = s[0] == '-'
		s = s[1:]
	case strings.HasPrefix(s, "−"): // U+2212 MINUS SIGN, as word processors write it
		neg = true
		s = s[len("−"):]
	}
	intPart, fracPart, hasSep, msg := splitDecimal(s)
	if msg != "" {
		return Decimal{}, Errorf(EInvalid, "%s", msg)
	}
	if hasSep && fracPart == "" {
		return Decimal{}, Errorf(EInvalid, "a tizedesjel után számjegy kell (pl. 1,5)")
	}
	if len(fracPart) > MaxDecimalPlaces {
		return Decimal{}, Errorf(EInvalid, "legfeljebb %d tizedesjegy lehet", MaxDecimalPlaces)
	}
	if len(strings.TrimLeft(intPart, "0")) > MaxDecimalIntegerDigits {
		return Decimal{}, Errorf(EInvalid, "túl nagy szám (legfeljebb %d egész jegy)", MaxDecimalIntegerDigits)
	}
	m, _ := new(big.Int).SetString(intPart+fracPart, 10) // only digits by now
	if neg {
		m.Neg(m)
	}
	return decimalFromBig(m, len(fracPart)), nil
}

// splitDecimal splits an unsigned number into its integer digits (thousands
// separators removed) and fraction digits, or returns why it is not one.
func splitDecimal(s string) (intPart, fracPart string, hasSep bool, msg string) {
	const notNumber = "nem szám: csak számjegy, előjel, tizedesvessző (vagy pont) és ezres tagoló szóköz lehet benne"
	var groups []string
	var cur strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			cur.WriteRune(r)
		case r == ',' || r == '.':
			if hasSep {
				return "", "", false, "legfeljebb egy tizedesjel (vessző vagy pont) lehet"
			}
			hasSep = true
			groups = append(groups, cur.String())
			cur.Reset()
		case r == ' ' || r == '\u00a0' || r == '\u202f':
			if hasSep {
				return "", "", false, "a tizedesjel után nem lehet szóköz"
			}
			groups = append(groups, cur.String())
			cur.Reset()
		default:
			return "", "", false, notNumber
		}
	}
	if hasSep {
		fracPart = cur.String()
	} else {
		groups = append(groups, cur.String())
	}
	for i, g := range groups {
		switch {
		case g == "" && i == 0:
			return "", "", false, "a szám számjeggyel kezdődik (pl. 0,5)"
		case g == "":
			return "", "", false, "az ezres csoportokat egy szóköz választja el (pl. 12 500)"
		case i > 0 && len(g) != 3:
			return "", "", false, "az ezres csoportok három számjegyből állnak (pl. 12 500)"
		}
	}
	return strings.Join(groups, ""), fracPart, hasSep, ""
}

// String returns d in canonical form: a point as decimal separator, no
// thousands separators and no trailing zeros ("-1234.5", "0").
func (d Decimal) String() string {
	if d.mant == nil || d.mant.Sign() == 0 {
		return "0"
	}
	digits := new(big.Int).Abs(d.mant).String()
	sign := ""
	if d.mant.Sign() < 0 {
		sign = "-"
	}
	scale := int(d.scale)
	if scale == 0 {
		return sign + digits
	}
	if len(digits) <= scale {
		digits = strings.Repeat("0", scale-len(digits)+1) + digits
	}
	return sign + digits[:len(digits)-scale] + "." + digits[len(digits)-scale:]
}

// StringFixed returns d rounded to places fraction digits (half away from
// zero) and written with exactly that many, e.g. "1234.50" for places 2.
func (d Decimal) StringFixed(places int) string {
	s := d.Round(places).String()
	if places <= 0 {
		return s
	}
	dot := strings.IndexByte(s, '.')
	if dot < 0 {
		return s + "." + strings.Repeat("0", places)
	}
	return s + strings.Repeat("0", places-(len(s)-dot-1))
}

// MarshalText writes the canonical form, so that JSON, CSV and form values
// all carry amounts as decimal strings, never floats.
func (d Decimal) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads anything ParseDecimal accepts.
func (d *Decimal) UnmarshalText(b []byte) error {
	v, err := ParseDecimal(string(b))
	if err != nil {
		return Errorf(EInvalid, "hibás szám: %q – %s", string(b), err.Error())
	}
	*d = v
	return nil
}

// MarshalJSON writes d as a JSON string ("12500", "1.5").
func (d Decimal) MarshalJSON() ([]byte, error) { return []byte(`"` + d.String() + `"`), nil }

// UnmarshalJSON reads a JSON string. A bare JSON number is accepted too and
// read from its text exactly (never through float64); null leaves d alone.
func (d *Decimal) UnmarshalJSON(b []byte) error {
	s := string(b)
	switch {
	case s == "null":
		return nil
	case len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"':
		if strings.ContainsRune(s[1:len(s)-1], '\\') {
			return Errorf(EInvalid, "hibás szám: %s", s)
		}
		s = s[1 : len(s)-1]
	}
	return d.UnmarshalText([]byte(s))
}
