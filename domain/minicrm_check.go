package domain

import (
	"net/netip"
	"net/url"
	"strconv"
	"strings"
)

// ValidateMiniCRMAPIKey checks the form of an API key and returns a
// Hungarian message ("" when it is fine). The message never repeats the key.
func ValidateMiniCRMAPIKey(key string) string {
	switch {
	case key == "":
		return "az API kulcs üres"
	case len(key) > MaxMiniCRMAPIKeyLen:
		return "az API kulcs túl hosszú; csak a kulcsot másolja be"
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '_', c == '.', c == '~':
		default:
			// Keys are hex strings; anything else (a space, ':', '@') means
			// that more than the key was copied.
			return "az API kulcs csak betűket, számjegyeket, kötőjelet, pontot és aláhúzást tartalmazhat"
		}
	}
	return ""
}

// SplitIPList splits the text of the allow-list field (one entry per line,
// or separated by commas, semicolons or spaces) into its entries.
func SplitIPList(text string) []string {
	out := strings.FieldsFunc(text, func(r rune) bool {
		return r == ',' || r == ';' || r == '\n' || r == '\r' || r == ' ' || r == '\t'
	})
	if out == nil {
		out = []string{} // JSON: [] rather than null
	}
	return out
}

func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\u00a0' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, s)
}

func digitsMessage(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return "csak számjegyekből állhat"
		}
	}
	if len(s) > MaxMiniCRMIDLen {
		return "legfeljebb " + itoa(MaxMiniCRMIDLen) + " számjegy lehet"
	}
	return ""
}

// baseURLMessage checks the API base URL: https (http only for loopback,
// which is for testing), a host, no credentials and nothing after the host.
func baseURLMessage(raw string) string {
	const example = " (pl. " + DefaultMiniCRMBaseURL + ")"
	u, err := url.Parse(raw)
	switch {
	case err != nil || u.Host == "" || u.Opaque != "":
		return "nem érvényes cím" + example
	case u.User != nil:
		// A pasted API URL carries the key; storing it would put the key in
		// the database. The paste field is the place for it.
		return "a cím nem tartalmazhat rendszerazonosítót és kulcsot („…@”); az API címet a beillesztés mezőbe másolja"
	case u.Scheme == "https":
	case u.Scheme == "http":
		if !isLoopbackHost(u.Hostname()) {
			return "titkosítatlan (http://) kapcsolat csak a saját gépen (localhost) futó tesztkiszolgálóhoz engedélyezett; használjon https://-t"
		}
	default:
		return "https://-sel kezdődjön" + example
	}
	if (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.ForceQuery {
		return "csak a kiszolgáló címét adja meg, útvonal nélkül" + example
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return "érvénytelen portszám"
		}
	}
	return ""
}

func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip, err := netip.ParseAddr(strings.Trim(host, "[]"))
	return err == nil && ip.IsLoopback()
}

// canonicalIP writes an address or a range in its canonical form.
func canonicalIP(s string) (string, bool) {
	if strings.Contains(s, "/") {
		p, err := netip.ParsePrefix(s)
		if err != nil {
			return "", false
		}
		return p.String(), true
	}
	a, err := netip.ParseAddr(s)
	if err != nil || a.Zone() != "" {
		return "", false
	}
	return a.String(), true
}

func ipMessage(s string) string {
	if strings.Contains(s, "/") {
		p, err := netip.ParsePrefix(s)
		switch {
		case err != nil:
			return "nem érvényes CIDR-tartomány (pl. 203.0.113.0/24)"
		case p.Masked() != p:
			return "a tartomány kezdőcíme " + p.Masked().String() + " legyen"
		}
		return ""
	}
	a, err := netip.ParseAddr(s)
	if err != nil || a.Zone() != "" {
		return "nem érvényes IP-cím vagy CIDR-tartomány (pl. 203.0.113.7 vagy 203.0.113.0/24)"
	}
	return ""
}

// ipRef names an entry of the allow-list in a message. The entry is quoted
// only when it looks like an attempt at an address (hex groups of at most
// four digits between '.', ':' and '/'): a key pasted into the wrong field
// must not be echoed into messages.
func ipRef(i int, s string) string {
	ref := "a(z) " + itoa(i+1) + ". elem"
	if looksLikeIP(s) {
		ref += " („" + s + "”)"
	}
	return ref
}

func looksLikeIP(s string) bool {
	if len(s) > 43 || !strings.ContainsAny(s, ".:") {
		return false
	}
	for _, group := range strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == ':' || r == '/' }) {
		if len(group) > 4 || strings.Trim(group, "0123456789abcdefABCDEF") != "" {
			return false
		}
	}
	return true
}
