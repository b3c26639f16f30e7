package domain

import (
	"net/mail"
	"strings"
)

// validEmail reports whether s is a bare e-mail address with a dotted domain.
func validEmail(s string) bool {
	addr, err := mail.ParseAddress(s)
	if err != nil || addr.Address != s || addr.Name != "" {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	return strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
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
