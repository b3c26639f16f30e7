package domain

import (
	"strings"
	"unicode"
)

// validEmail reports whether s is a bare e-mail address with a dotted
// domain: one @, no spaces or display-name punctuation, no empty or
// hyphen-edged domain label. (net/mail would pull the whole net package,
// and its DNS code, into a package that is meant to be pure.)
func validEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	if at <= 0 || at != strings.LastIndexByte(s, '@') || strings.ContainsAny(s, " \t<>()[],;:\"\\") {
		return false
	}
	local, domain := s[:at], s[at+1:]
	if strings.HasPrefix(local, ".") || strings.HasSuffix(local, ".") || strings.Contains(local, "..") {
		return false
	}
	labels := strings.Split(domain, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
			return false
		}
		for _, r := range l {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' {
				return false
			}
		}
	}
	return true
}

// phoneMessage returns why s is not a phone number, or "" when it is one:
// digits with the usual separators, an optional leading +, 6 to 20 digits.
func phoneMessage(s string) string {
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' && i == 0:
		case r == ' ' || r == '-' || r == '/' || r == '(' || r == ')':
		default:
			return "csak számjegyet, szóközt, +, -, / és zárójelet tartalmazhat"
		}
	}
	if digits < 6 || digits > 20 {
		return "6–20 számjegyből áll"
	}
	return ""
}

// validCountryCode reports whether s looks like an ISO 3166-1 alpha-2 code.
func validCountryCode(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}
