package domain

import "strings"

// ParseBankAccount accepts a Hungarian GIRO account number (2×8 or 3×8 digits)
// or an IBAN and returns it canonical: GIRO as 11773016-11111018[-00000000],
// IBAN in upper case without spaces.
func ParseBankAccount(s string) (string, string) {
	v := strings.ToUpper(stripSeparators(s))
	if len(v) >= 2 && v[0] >= 'A' && v[0] <= 'Z' {
		return parseIBAN(v)
	}
	if !allDigits(v) || (len(v) != 16 && len(v) != 24) {
		return "", "16 vagy 24 számjegyű belföldi számlaszám (pl. 11773016-11111018) vagy IBAN kell"
	}
	blocks := make([]string, 0, 3)
	for i := 0; i < len(v); i += 8 {
		block := v[i : i+8]
		if !validGiroBlock(block) {
			return "", "a(z) " + ordinal(i/8+1) + " 8-as számjegycsoport ellenőrző számjegye hibás"
		}
		blocks = append(blocks, block)
	}
	return strings.Join(blocks, "-"), ""
}

// validGiroBlock checks one 8-digit group: Σ dᵢ·(9,7,3,1,9,7,3,1) ≡ 0 (mod 10).
func validGiroBlock(block string) bool {
	weights := [8]int{9, 7, 3, 1, 9, 7, 3, 1}
	sum := 0
	for i, w := range weights {
		sum += int(block[i]-'0') * w
	}
	return sum%10 == 0
}

// parseIBAN checks the structure and the ISO 13616 mod-97 check of an IBAN.
func parseIBAN(v string) (string, string) {
	if len(v) < 15 || len(v) > 34 {
		return "", "az IBAN 15–34 karakter hosszú"
	}
	if v[2] < '0' || v[2] > '9' || v[3] < '0' || v[3] > '9' {
		return "", "az IBAN országkódját két ellenőrző számjegy követi"
	}
	if v[:2] == "HU" && len(v) != 28 {
		return "", "a magyar IBAN 28 karakter hosszú"
	}
	// Move the first four characters to the end, read letters as 10..35 and
	// take the whole number mod 97 piecewise; a valid IBAN leaves 1.
	rem := 0
	for _, r := range v[4:] + v[:4] {
		switch {
		case r >= '0' && r <= '9':
			rem = (rem*10 + int(r-'0')) % 97
		case r >= 'A' && r <= 'Z':
			rem = (rem*100 + int(r-'A'+10)) % 97
		default:
			return "", "az IBAN csak betűket és számjegyeket tartalmazhat"
		}
	}
	if rem != 1 {
		return "", "az IBAN ellenőrző számjegyei hibásak"
	}
	return v, ""
}

func ordinal(n int) string {
	switch n {
	case 1:
		return "első"
	case 2:
		return "második"
	default:
		return "harmadik"
	}
}
