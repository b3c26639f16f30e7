package domain

import "math/big"

// align returns the mantissas of a and b brought to their common scale.
func (d Decimal) align(o Decimal) (a, b *big.Int, scale int) {
	a, b = d.mantissa(), o.mantissa()
	switch {
	case d.scale > o.scale:
		b.Mul(b, decimalPow10(int(d.scale-o.scale)))
		return a, b, int(d.scale)
	case o.scale > d.scale:
		a.Mul(a, decimalPow10(int(o.scale-d.scale)))
	}
	return a, b, int(o.scale)
}

// Add returns d + o.
func (d Decimal) Add(o Decimal) Decimal {
	a, b, scale := d.align(o)
	return decimalFromBig(a.Add(a, b), scale)
}

// Sub returns d − o.
func (d Decimal) Sub(o Decimal) Decimal {
	a, b, scale := d.align(o)
	return decimalFromBig(a.Sub(a, b), scale)
}

// Mul returns d × o exactly (the scales add up; nothing is rounded).
func (d Decimal) Mul(o Decimal) Decimal {
	m := d.mantissa()
	return decimalFromBig(m.Mul(m, o.mantissa()), int(d.scale+o.scale))
}

// Neg returns −d.
func (d Decimal) Neg() Decimal {
	m := d.mantissa()
	return decimalFromBig(m.Neg(m), int(d.scale))
}

// Abs returns |d|.
func (d Decimal) Abs() Decimal {
	if d.Sign() < 0 {
		return d.Neg()
	}
	return d
}

// Shift returns d × 10^n exactly; Shift(-2) divides by 100 (percent to
// fraction) without any rounding.
func (d Decimal) Shift(n int) Decimal {
	return decimalFromBig(d.mantissa(), int(d.scale)-n)
}

// Cmp returns -1, 0 or +1 as d is less than, equal to or greater than o.
func (d Decimal) Cmp(o Decimal) int {
	a, b, _ := d.align(o)
	return a.Cmp(b)
}

// Equal reports whether d and o are the same number ("1.50" equals "1.5").
func (d Decimal) Equal(o Decimal) bool { return d.Cmp(o) == 0 }

// Sign returns -1, 0 or +1.
func (d Decimal) Sign() int {
	if d.mant == nil {
		return 0
	}
	return d.mant.Sign()
}

// IsZero reports whether d is 0.
func (d Decimal) IsZero() bool { return d.Sign() == 0 }

// Places returns the number of fraction digits d needs (0 for integers).
func (d Decimal) Places() int { return int(d.scale) }

// Round returns d rounded to places fraction digits, half away from zero:
// the Hungarian general rule (0–4 down, 5–9 up) applied to the absolute
// value, so that Round(−x) = −Round(x) and a sztornó rounds to the exact
// negative of the invoice it cancels. A negative places rounds to tens,
// hundreds, …
func (d Decimal) Round(places int) Decimal {
	drop := int(d.scale) - places
	if drop <= 0 {
		return d
	}
	unit := decimalPow10(drop)
	q, r := new(big.Int).QuoRem(d.mantissa(), unit, new(big.Int)) // truncates toward zero
	// |r| ≥ unit/2 ⇔ 2|r| ≥ unit: round the magnitude up.
	if r.Abs(r).Lsh(r, 1).Cmp(unit) >= 0 {
		q.Add(q, big.NewInt(int64(d.Sign())))
	}
	return decimalFromBig(q, places)
}

// Int64 returns d as an int64 when it is an integer that fits.
func (d Decimal) Int64() (int64, bool) {
	if d.scale != 0 {
		return 0, false
	}
	m := d.mantissa()
	if !m.IsInt64() {
		return 0, false
	}
	return m.Int64(), true
}

// Minor returns d rounded to places fraction digits (half away from zero)
// and expressed as an integer count of 10^-places units: Minor(2) of 12.345
// is 1235. ok is false when the result does not fit in an int64.
func (d Decimal) Minor(places int) (n int64, ok bool) {
	return d.Round(places).Shift(places).Int64()
}

// decimalFromMinor is the inverse of Minor: n units of 10^-places.
func decimalFromMinor(n int64, places int) Decimal { return NewDecimal(n, places) }
