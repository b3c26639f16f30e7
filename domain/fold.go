package domain

import (
	"strings"
	"unicode"
)

// foldMap maps accented Latin letters (lower case) to their base letters, so
// that "arviz" finds "Árvíztűrő". Combining marks are dropped separately, which
// makes decomposed (NFD) input fold the same as composed (NFC) input.
var foldMap = map[rune]string{
	'á': "a", 'à': "a", 'â': "a", 'ä': "a", 'ã': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ę': "e", 'ě': "e",
	'í': "i", 'ì': "i", 'î': "i", 'ï': "i", 'ī': "i",
	'ó': "o", 'ò': "o", 'ô': "o", 'ö': "o", 'õ': "o", 'ő': "o", 'ø': "o", 'ō': "o",
	'ú': "u", 'ù': "u", 'û': "u", 'ü': "u", 'ű': "u", 'ū': "u", 'ů': "u",
	'ý': "y", 'ÿ': "y",
	'ç': "c", 'č': "c", 'ć': "c",
	'ñ': "n", 'ń': "n", 'ň': "n",
	'š': "s", 'ś': "s", 'ş': "s", 'ș': "s",
	'ž': "z", 'ź': "z", 'ż': "z",
	'ř': "r", 'ď': "d", 'ť': "t", 'ț': "t",
	'ľ': "l", 'ĺ': "l", 'ł': "l",
	'ß': "ss", 'æ': "ae", 'œ': "oe",
}

// Fold returns s in the form used for searching and sorting: lower case,
// without accents, with runs of white space collapsed to one space and no
// leading or trailing space.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		r = unicode.ToLower(r)
		if base, ok := foldMap[r]; ok {
			b.WriteString(base)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// CollapseSpace trims s and replaces every run of white space with one space.
func CollapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
