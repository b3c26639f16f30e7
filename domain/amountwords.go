package domain

import (
	"strconv"
	"strings"
)

var (
	awUnitsFinal = [10]string{"", "egy", "kettő", "három", "négy", "öt", "hat", "hét", "nyolc", "kilenc"}
	// Before a multiplier ("száz", "ezer", "millió") two is "két".
	awUnitsBefore = [10]string{"", "egy", "két", "három", "négy", "öt", "hat", "hét", "nyolc", "kilenc"}
	awTensAlone   = [10]string{"", "tíz", "húsz", "harminc", "negyven", "ötven", "hatvan", "hetven", "nyolcvan", "kilencven"}
	awTensJoined  = [10]string{"", "tizen", "huszon", "harminc", "negyven", "ötven", "hatvan", "hetven", "nyolcvan", "kilencven"}
	// Scale words of the thousands groups (the long scale used in Hungarian).
	awScales = []string{"", "ezer", "millió", "milliárd", "billió", "billiárd", "trillió"}
)

// AmountInWords writes n in Hungarian words as invoices print the gross total
// ("azaz …"), following Hungarian orthography: numbers up to 2000 are one
// word ("ezerkilencszázkilencvenkilenc"), larger ones are hyphenated between
// the thousands groups ("kétezer-egy", "negyvenháromezer-egyszáz"). Only the
// very first "száz" or "ezer" of a number drops its "egy" (100 "száz", 1000
// "ezer"); inside a number the group is written in full ("-egyszáz",
// "-egyezer"), and millions always are ("egymillió"). 0 is "nulla"; negative
// numbers start with "mínusz".
func AmountInWords(n int64) string {
	if n == 0 {
		return "nulla"
	}
	u := uint64(n)
	if n < 0 {
		u = -u // two's complement: also right for math.MinInt64
		return "mínusz " + amountWordsUnsigned(u)
	}
	return amountWordsUnsigned(u)
}

func amountWordsUnsigned(n uint64) string {
	var groups []int // least significant first
	for v := n; v > 0; v /= 1000 {
		groups = append(groups, int(v%1000))
	}
	var parts []string
	for i := len(groups) - 1; i >= 0; i-- {
		g := groups[i]
		if g == 0 {
			continue
		}
		first := len(parts) == 0
		switch {
		case i == 1 && g == 1 && first:
			parts = append(parts, "ezer") // 1000–1999: "ezer…", not "egyezer"
		default:
			parts = append(parts, awHundreds(g, !first, i > 0)+awScales[i])
		}
	}
	if n <= 2000 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts, "-")
}

// awHundreds writes 1 ≤ g ≤ 999. fullHundred writes "egyszáz" for 1xx;
// beforeScale writes a final 2 as "két" (kétezer, huszonkétmillió).
func awHundreds(g int, fullHundred, beforeScale bool) string {
	var b strings.Builder
	if h := g / 100; h > 0 {
		if h > 1 || fullHundred {
			b.WriteString(awUnitsBefore[h])
		}
		b.WriteString("száz")
	}
	t, u := g/10%10, g%10
	units := awUnitsFinal
	if beforeScale {
		units = awUnitsBefore
	}
	if u == 0 {
		b.WriteString(awTensAlone[t])
	} else {
		b.WriteString(awTensJoined[t] + units[u])
	}
	return b.String()
}

// currencyWords names the whole and the minor units of the currencies the
// app knows by name.
var currencyWords = map[Currency][2]string{
	HUF:   {"forint", "fillér"},
	EUR:   {"euró", "cent"},
	USD:   {"amerikai dollár", "cent"},
	"GBP": {"angol font", "penny"},
	"CHF": {"svájci frank", "rappen"},
}

// AmountPhrase is the line printed under the total: "azaz
// negyvenháromezer-egyszáz forint", "azaz ezerkétszázharmincnégy euró 50
// cent". Minor units are written in figures, as is customary; a currency
// without a Hungarian name is written by its code with the minor units as a
// fraction ("azaz ezer CZK 50/100").
func AmountPhrase(m Money) string {
	minor := m.Minor
	sign := ""
	if minor < 0 {
		sign, minor = "mínusz ", -minor
	}
	unit := int64(1)
	for i := 0; i < m.Currency.Decimals(); i++ {
		unit *= 10
	}
	whole, cents := minor/unit, minor%unit
	s := "azaz " + sign + AmountInWords(whole)
	names, known := currencyWords[m.Currency]
	switch {
	case known && cents > 0:
		return s + " " + names[0] + " " + strconv.FormatInt(cents, 10) + " " + names[1]
	case known:
		return s + " " + names[0]
	case cents > 0:
		return s + " " + string(m.Currency) + " " + strconv.FormatInt(cents, 10) + "/" + strconv.FormatInt(unit, 10)
	}
	return s + " " + string(m.Currency)
}
