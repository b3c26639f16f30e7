package crm

import (
	"net/url"
	"strconv"
	"strings"

	"konnyuszamla/domain"
)

const apiURLHint = "Ilyen formát várunk: https://RENDSZERAZONOSÍTÓ:APIKULCS@r3.minicrm.hu/Api/R3 " +
	"(például https://12345:a1b2c3…@r3.minicrm.hu), vagy csak RENDSZERAZONOSÍTÓ:APIKULCS@r3.minicrm.hu."

// ParseAPIURL reads the system id and API key from the URL form MiniCRM
// shows and users paste: "https://98:d9cb…a572@r3.minicrm.hu/Api/R3/…" or
// "98:d9cb…a572@r3.minicrm.hu", with or without surrounding white space.
// The error is a *domain.Error (EInvalid) with a Hungarian message that says
// what was expected; it never repeats the input, which holds the key.
func ParseAPIURL(s string) (systemID int64, apiKey string, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, "", apiURLError("A MiniCRM API címe üres.")
	}
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	at := strings.LastIndexByte(s, '@')
	if at < 0 {
		return 0, "", apiURLError("A címből hiányzik a „rendszerazonosító:API kulcs@” rész.")
	}
	u, perr := url.Parse(s)
	if perr != nil || u.User == nil {
		// perr's text would echo the key.
		return 0, "", apiURLError("A MiniCRM API címe nem értelmezhető.")
	}
	if u.Scheme != "https" && u.Scheme != "http" {
		return 0, "", apiURLError("A cím https://-sel kezdődjön.")
	}
	if u.Host == "" {
		return 0, "", apiURLError("A címből hiányzik a kiszolgáló neve (pl. r3.minicrm.hu).")
	}
	idText := u.User.Username()
	if idText == "" || !allDigits(idText) {
		return 0, "", apiURLError("A rendszerazonosító csak számjegyekből állhat.")
	}
	id, convErr := strconv.ParseInt(idText, 10, 64)
	if convErr != nil || id <= 0 {
		return 0, "", apiURLError("A rendszerazonosító pozitív egész szám legyen.")
	}
	key, ok := u.User.Password()
	if !ok || key == "" {
		return 0, "", apiURLError("A címből hiányzik az API kulcs (a kettőspont utáni rész).")
	}
	if !validKey(key) {
		return 0, "", apiURLError("Az API kulcs csak betűket, számjegyeket, kötőjelet, pontot és aláhúzást tartalmazhat.")
	}
	return id, key, nil
}

// validKey accepts the URL-unreserved characters MiniCRM keys are made of
// (they are hex strings in practice); anything else is a paste error.
func validKey(k string) bool {
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '_', c == '.', c == '~':
		default:
			return false
		}
	}
	return true
}

func apiURLError(reason string) error {
	return domain.Errorf(domain.EInvalid, "%s %s", reason, apiURLHint)
}
