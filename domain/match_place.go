package domain

import "strings"

// place is where an address is, beyond its city and street: the postal
// code and, in Budapest, the district (from the postal code or the city
// field: "Budapest XI. ker."). Empty or 0 when unknown.
type place struct {
	postal   string
	district int
}

func placeOf(a Address) place {
	p := place{postal: strings.Join(matchTokens(a.PostalCode), "")}
	if p.postal == "" {
		// "1111 Budapest": the postal code typed into the city field.
		if toks := matchTokens(a.City); len(toks) > 1 && isDigits(toks[0]) {
			p.postal = toks[0]
		}
	}
	p.district = BudapestDistrict(a.PostalCode, a.City)
	return p
}

// samePlace reports whether two addresses with the same city and street
// may be the same place: different postal codes (when both sides have one)
// are different addresses; otherwise different Budapest districts are.
// strict (the address-only step 4) also requires the district to be known
// on both sides of a Budapest address.
func samePlace(a, b place, strict bool) bool {
	if a.postal != "" && b.postal != "" {
		return a.postal == b.postal
	}
	if a.district != 0 && b.district != 0 {
		return a.district == b.district
	}
	return !strict || (a.district == 0 && b.district == 0)
}

// BudapestDistrict is the district (1–23) of a Budapest address, from the
// city field ("Budapest XI. ker.", "Bp. 11. kerület", "1111 Budapest")
// or else from the postal code (1DDx: district DD); 0 outside Budapest or
// when unknown.
func BudapestDistrict(postal, city string) int {
	toks := matchTokens(city)
	for len(toks) > 0 && isDigits(toks[0]) {
		if strings.TrimSpace(postal) == "" {
			postal = toks[0] // "1111 Budapest"
		}
		toks = toks[1:]
	}
	if len(toks) == 0 || (toks[0] != "budapest" && toks[0] != "bp" && toks[0] != "bpest") {
		return 0
	}
	if len(toks) > 1 {
		if d := romanValue(toks[1]); d >= 1 && d <= 23 {
			return d
		}
		if isDigits(toks[1]) && len(toks[1]) <= 2 {
			if d := atoiSmall(toks[1]); d >= 1 && d <= 23 {
				return d
			}
		}
	}
	pc := strings.Join(matchTokens(postal), "")
	if len(pc) == 4 && pc[0] == '1' && isDigits(pc) {
		if d := atoiSmall(pc[1:3]); d >= 1 && d <= 23 {
			return d
		}
	}
	return 0
}

func atoiSmall(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// romanValue is the value of a Roman numeral made of i, v and x (0 if t is
// not one).
func romanValue(t string) int {
	if !isRoman(t) {
		return 0
	}
	val := func(b byte) int {
		switch b {
		case 'i':
			return 1
		case 'v':
			return 5
		}
		return 10
	}
	n := 0
	for i := 0; i < len(t); i++ {
		v := val(t[i])
		if i+1 < len(t) && val(t[i+1]) > v {
			n -= v
		} else {
			n += v
		}
	}
	return n
}
