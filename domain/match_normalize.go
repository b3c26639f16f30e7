package domain

import (
	"strings"
	"unicode"
)

// The matching keys of the customer sync compare names and addresses after
// these rules, applied in this order (each has a table test in
// match_normalize_test.go):
//
//  1. Unicode: composed (NFC) and decomposed (NFD) letters give the same key,
//     because Fold drops combining marks and maps accented letters to their
//     base letter ("Árvíztűrő" = "Árvíztűrő" = "arvizturo"). Accents are
//     ignored on purpose: users type "Kovacs" for "Kovács".
//  2. Case folding: "MINTA" = "minta".
//  3. White space: every run of spaces, tabs, line breaks or no-break
//     spaces is one separator; leading and trailing space is dropped.
//  4. Punctuation and symbols separate words: "Kft." = "Kft", "Minta-Ker" =
//     "Minta Ker", "12/A" = "12 A"; "&" reads as "és".
//  5. Letters spelt out with dots are joined: "K.F.T." = "kft", "e.v." = "ev".
//  6. House numbers: digits and a letter written together are split:
//     "12A" = "12/A" = "12 a".
//  7. Company forms (names only): the long Hungarian forms become their
//     abbreviations ("Korlátolt Felelősségű Társaság" = "Kft.", "Betéti
//     Társaság" = "Bt.", "Zártkörűen Működő Részvénytársaság" = "Zrt.",
//     "Egyéni vállalkozó" = "e.v."). Different forms stay different:
//     "Minta Kft." ≠ "Minta Bt.".
//  8. Street words (addresses only): "u." = "utca", "krt." = "körút",
//     "tér." = "tér", "sgt." = "sugárút", "rkp." = "rakpart", "ltp." =
//     "lakótelep", "stny." = "sétány", "em." = "emelet", "fszt." =
//     "földszint", "pf." = "postafiók".
//  9. Cities: "Bp." = "Budapest", a district after Budapest is dropped
//     ("Budapest XI. ker." = "Budapest"), and a postal code typed into the
//     city field is dropped ("1111 Budapest" = "Budapest"). The district
//     and the postal code are not lost, though: MatchCustomers compares
//     them after the key lookup (samePlace in match.go), so that "Budapest
//     V. ker." ≠ "Budapest XI. ker." and postal code 1051 ≠ 1111.

// companyForms maps the folded long forms (word sequences) to the
// abbreviation; longest first, so that "zartkoruen mukodo
// reszvenytarsasag" wins over "reszvenytarsasag".
var companyForms = []struct{ long, short []string }{
	{strings.Fields("nyilvanosan mukodo reszvenytarsasag"), []string{"nyrt"}},
	{strings.Fields("zartkoruen mukodo reszvenytarsasag"), []string{"zrt"}},
	{strings.Fields("korlatolt felelossegu tarsasag"), []string{"kft"}},
	{strings.Fields("nyilvanosan mukodo rt"), []string{"nyrt"}},
	{strings.Fields("zartkoruen mukodo rt"), []string{"zrt"}},
	{strings.Fields("kozkereseti tarsasag"), []string{"kkt"}},
	{strings.Fields("beteti tarsasag"), []string{"bt"}},
	{strings.Fields("egyeni vallalkozo"), []string{"ev"}},
	{strings.Fields("egyeni vallalkozas"), []string{"ev"}},
	{strings.Fields("egyeni ceg"), []string{"ec"}},
	{strings.Fields("reszvenytarsasag"), []string{"rt"}},
}

// companyFormTokens are the abbreviated company forms; SyncNameQuery
// leaves them out of a MiniCRM name search.
var companyFormTokens = map[string]bool{
	"kft": true, "bt": true, "zrt": true, "nyrt": true, "rt": true, "kkt": true, "ev": true, "ec": true,
	"nonprofit": true,
}

// streetWords maps folded street abbreviations to the full word.
var streetWords = map[string]string{
	"u": "utca", "krt": "korut", "sgt": "sugarut", "sug": "sugarut", "rkp": "rakpart",
	"ltp": "lakotelep", "stny": "setany", "em": "emelet", "fszt": "foldszint", "pf": "postafiok",
	"hrsz": "helyrajziszam", "kt": "koz",
}

// NormalizeName is the matching form of a customer name (rules 1–5, 7).
func NormalizeName(s string) string {
	return strings.Join(replaceForms(matchTokens(s)), " ")
}

// NormalizeStreet is the matching form of a street address (rules 1–6, 8).
func NormalizeStreet(s string) string {
	toks := splitHouseNumbers(matchTokens(s))
	for i, t := range toks {
		if full, ok := streetWords[t]; ok {
			toks[i] = full
		}
	}
	return strings.Join(toks, " ")
}

// NormalizeCity is the matching form of a city (rules 1–5, 9).
func NormalizeCity(s string) string {
	toks := matchTokens(s)
	for len(toks) > 0 && isDigits(toks[0]) {
		toks = toks[1:] // "1111 Budapest"
	}
	for i, t := range toks {
		if t == "bp" || t == "bpest" {
			toks[i] = "budapest"
		}
	}
	if len(toks) > 1 && toks[0] == "budapest" {
		rest := toks[1:]
		for len(rest) > 0 && (isRoman(rest[0]) || isDigits(rest[0]) || rest[0] == "ker" || rest[0] == "kerulet") {
			rest = rest[1:]
		}
		toks = append(toks[:1], rest...)
	}
	return strings.Join(toks, " ")
}

// matchTokens folds s (rules 1–3), splits it at punctuation and symbols
// (rule 4) and joins spelt-out letters (rule 5).
func matchTokens(s string) []string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range Fold(s) {
		switch {
		case r == '&':
			b.WriteString(" es ")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default: // space, punctuation, symbols, control characters
			b.WriteByte(' ')
		}
	}
	toks := strings.Fields(b.String())
	// Rule 5: a run of two or more one-letter words is one word.
	out := toks[:0]
	for i := 0; i < len(toks); {
		j := i
		for j < len(toks) && isSingleLetter(toks[j]) {
			j++
		}
		if j-i >= 2 {
			out = append(out, strings.Join(toks[i:j], ""))
			i = j
			continue
		}
		out = append(out, toks[i])
		i++
	}
	return out
}

// replaceForms applies rule 7 to name tokens.
func replaceForms(toks []string) []string {
	out := make([]string, 0, len(toks))
	for i := 0; i < len(toks); {
		matched := false
		for _, f := range companyForms {
			if hasPrefixTokens(toks[i:], f.long) {
				out = append(out, f.short...)
				i += len(f.long)
				matched = true
				break
			}
		}
		if !matched {
			out = append(out, toks[i])
			i++
		}
	}
	return out
}

func hasPrefixTokens(toks, prefix []string) bool {
	if len(toks) < len(prefix) {
		return false
	}
	for i, p := range prefix {
		if toks[i] != p {
			return false
		}
	}
	return true
}

// splitHouseNumbers applies rule 6: "12a" → "12", "a".
func splitHouseNumbers(toks []string) []string {
	out := make([]string, 0, len(toks)+1)
	for _, t := range toks {
		i := 0
		for i < len(t) && t[i] >= '0' && t[i] <= '9' {
			i++
		}
		if i > 0 && i < len(t) && allLetters(t[i:]) {
			out = append(out, t[:i], t[i:])
			continue
		}
		out = append(out, t)
	}
	return out
}

func isSingleLetter(t string) bool {
	n := 0
	for _, r := range t {
		if !unicode.IsLetter(r) {
			return false
		}
		n++
	}
	return n == 1
}

func allLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

func isDigits(s string) bool { return allDigits(s) }

// isRoman reports whether t is a Roman numeral of a Budapest district (i–xxiii).
func isRoman(t string) bool {
	if t == "" || len(t) > 5 {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] != 'i' && t[i] != 'v' && t[i] != 'x' {
			return false
		}
	}
	return true
}

// TaxpayerKey is the 8-digit törzsszám of a valid Hungarian tax number,
// else of a valid HU EU VAT number, else "". Two customers with different
// non-empty keys are different taxpayers.
func TaxpayerKey(taxNumber, euVAT string) string {
	if v, msg := ParseTaxNumber(taxNumber); msg == "" {
		return v[:8]
	}
	if v, msg := ParseEUVATNumber(euVAT); msg == "" && strings.HasPrefix(v, "HU") {
		return v[2:]
	}
	return ""
}

// SyncNameQuery is the text to search MiniCRM's (partial) Name filter
// with before creating a customer: the name as typed, without its trailing
// company form and punctuation, so that "Minta Kft" also finds "Minta
// Kft." and "Minta Korlátolt Felelősségű Társaság". The results are then
// compared with NormalizeName.
func SyncNameQuery(name string) string {
	words := strings.Fields(name)
	for len(words) > 1 {
		dropped := false
		for n := min(4, len(words)-1); n >= 1; n-- {
			tail := NormalizeName(strings.Join(words[len(words)-n:], " "))
			if tail == "" || (!strings.Contains(tail, " ") && companyFormTokens[tail]) {
				words = words[:len(words)-n]
				dropped = true
				break
			}
		}
		if !dropped {
			break
		}
	}
	return strings.TrimRightFunc(strings.Join(words, " "), func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSpace(r)
	})
}
