package domain

import (
	"strings"
	"unicode"
)

// taxpayerWeights are the weights of the first seven digits of a Hungarian
// törzsszám; the eighth digit is the check digit.
var taxpayerWeights = [7]int{9, 7, 3, 1, 9, 7, 3}

// ValidTaxpayerID reports whether s is an 8-digit Hungarian törzsszám whose
// check digit is right: check = (10 − Σ(dᵢ·wᵢ) mod 10) mod 10.
func ValidTaxpayerID(s string) bool {
	if len(s) != 8 || !allDigits(s) {
		return false
	}
	sum := 0
	for i, w := range taxpayerWeights {
		sum += int(s[i]-'0') * w
	}
	return (10-sum%10)%10 == int(s[7]-'0')
}

// ParseTaxNumber accepts a Hungarian tax number (adószám) with or without
// hyphens or spaces and returns it in the canonical form 12345676-2-42.
// The error message is Hungarian and names what is wrong.
func ParseTaxNumber(s string) (string, string) {
	digits := stripSeparators(s)
	if !allDigits(digits) {
		return "", "csak számjegyeket és kötőjelet tartalmazhat (formátum: 12345676-2-42)"
	}
	if len(digits) != 11 {
		return "", "11 számjegyből áll (formátum: 12345676-2-42)"
	}
	if !ValidTaxpayerID(digits[:8]) {
		return "", "az első 8 számjegy (törzsszám) ellenőrző számjegye hibás"
	}
	if vat := digits[8]; vat < '1' || vat > '5' {
		return "", "a 9. számjegy (ÁFA-kód) csak 1–5 lehet"
	}
	if !validCountyCode(digits[9:]) {
		return "", "az utolsó két számjegy (területi kód) nem létező megyekód"
	}
	return digits[:8] + "-" + digits[8:9] + "-" + digits[9:], ""
}

// validCountyCode reports whether cc is a NAV county code: 02–20, 22–44 or 51.
func validCountyCode(cc string) bool {
	n := int(cc[0]-'0')*10 + int(cc[1]-'0')
	return (n >= 2 && n <= 20) || (n >= 22 && n <= 44) || n == 51
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// stripSeparators removes the spaces, hyphens and dots people type between
// digit groups.
func stripSeparators(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '.' || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
