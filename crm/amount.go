package crm

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// ParseAmount reads a MiniCRM number into an integer of minor units with the
// given number of decimals: ParseAmount("1 000,50", 2) is 100050. It accepts
// the Hungarian format MiniCRM uses in invoice items ("1 000,00", with
// spaces or no-break spaces as thousands separators and a decimal comma) as
// well as the plain form of other fields ("500.000000", "2000.00", "12").
// Extra decimals are rounded half away from zero. Money stays integer; the
// value never passes through a float.
func ParseAmount(s string, decimals int) (int64, error) {
	orig := s
	if decimals < 0 || decimals > 9 {
		return 0, fmt.Errorf("parse amount: %d decimals not supported", decimals)
	}
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u00a0', '\u202f', '\t', '\'':
			return -1 // thousands separators and stray spaces
		}
		return r
	}, s)
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	intPart, frac, err := splitDecimal(s)
	if err != nil {
		return 0, fmt.Errorf("parse amount %q: %w", truncate(orig, 40), err)
	}
	// Round to the wanted decimals: look at the first dropped digit.
	roundUp := len(frac) > decimals && frac[decimals] >= '5'
	if len(frac) > decimals {
		frac = frac[:decimals]
	}
	frac += strings.Repeat("0", decimals-len(frac))
	n, err := strconv.ParseInt(intPart+frac, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("parse amount %q: out of range", truncate(orig, 40))
	}
	if roundUp {
		if n == math.MaxInt64 {
			return 0, fmt.Errorf("parse amount %q: out of range", truncate(orig, 40))
		}
		n++
	}
	if neg {
		n = -n
	}
	return n, nil
}

// splitDecimal separates "1.234,5" style numbers into digits before and after
// the decimal separator. With both '.' and ',' present the last one is the
// decimal separator; a single kind that occurs more than once is a
// thousands separator ("1.000.000").
func splitDecimal(s string) (intPart, frac string, err error) {
	if s == "" {
		return "", "", fmt.Errorf("empty")
	}
	dec := byte(0)
	lastDot, lastComma := strings.LastIndexByte(s, '.'), strings.LastIndexByte(s, ',')
	switch {
	case lastDot >= 0 && lastComma >= 0:
		dec = ','
		if lastDot > lastComma {
			dec = '.'
		}
	case lastComma >= 0 && strings.Count(s, ",") == 1:
		dec = ','
	case lastDot >= 0 && strings.Count(s, ".") == 1:
		dec = '.'
	}
	if dec != 0 {
		i := strings.LastIndexByte(s, dec)
		intPart, frac = s[:i], s[i+1:]
	} else {
		intPart = s
	}
	if strings.ContainsAny(intPart, ".,") {
		// Thousands separators must group by three: "1.234.567", not "1,2,3".
		groups := strings.FieldsFunc(intPart, func(r rune) bool { return r == '.' || r == ',' })
		for i, g := range groups {
			if (i == 0 && (len(g) == 0 || len(g) > 3)) || (i > 0 && len(g) != 3) {
				return "", "", fmt.Errorf("misplaced thousands separator")
			}
		}
		if len(groups) != strings.Count(intPart, ".")+strings.Count(intPart, ",")+1 {
			return "", "", fmt.Errorf("misplaced thousands separator")
		}
		intPart = strings.Join(groups, "")
	}
	if intPart == "" && frac == "" {
		return "", "", fmt.Errorf("no digits")
	}
	if intPart == "" {
		intPart = "0"
	}
	if !allDigits(intPart) || !allDigits(frac) {
		return "", "", fmt.Errorf("not a number")
	}
	return intPart, frac, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
