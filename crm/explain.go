package crm

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"konnyuszamla/domain"
)

// Explain returns a plain Hungarian sentence for the user that says what went
// wrong with a MiniCRM request and what to do about it. It returns "" for a
// nil error. The sentence never contains the API key.
func Explain(err error) string {
	var apiErr *APIError
	errors.As(err, &apiErr)
	switch {
	case err == nil:
		return ""
	case errors.Is(err, ErrOutcomeUnknown):
		// Checked first: it is the one case where retrying blindly does harm.
		return "Nem tudni, hogy a MiniCRM rögzítette-e a mentést: a kapcsolat megszakadt vagy a szerver hibát jelzett közben. " +
			"Nézze meg a MiniCRM-ben, hogy létrejött-e a rekord, mielőtt újra próbálja, különben duplikátum keletkezhet."
	case errors.Is(err, ErrUnauthorized):
		return fmt.Sprintf("A rendszerazonosító vagy az API kulcs hibás (%d), vagy a MiniCRM-előfizetésben nincs bekapcsolva "+
			"a „REST APIs + XML szinkronizáció” kiegészítő. Ellenőrizze a MiniCRM Beállítások → Rendszer menüjében.", statusOr(apiErr, 401))
	case errors.Is(err, ErrTLS):
		return "Nem sikerült biztonságos (TLS) kapcsolatot létesíteni a MiniCRM-mel, mert a tanúsítvány nem ellenőrizhető. " +
			"Ellenőrizze a számítógép dátumát és óráját, és hogy nem szűri-e proxy vagy víruskereső a forgalmat."
	case errors.Is(err, ErrRateLimited):
		return "Túl sok kérés: a MiniCRM percenként 60 kérést enged. Várjon egy percet, majd próbálja újra."
	case errors.Is(err, context.Canceled):
		return "A művelet megszakadt."
	case isTimeout(err):
		return "A MiniCRM nem válaszolt időben. Lehet, hogy lassú a hálózat vagy túlterhelt a szerver; próbálja újra később."
	case errors.Is(err, ErrUnavailable) && isNetworkDown(err):
		return "A MiniCRM nem érhető el: nincs hálózati kapcsolat vagy a név nem oldható fel."
	case errors.Is(err, ErrUnavailable) && apiErr != nil && apiErr.Status >= 500:
		return fmt.Sprintf("A MiniCRM szerverhibát jelzett (%d). Próbálja újra néhány perc múlva.", apiErr.Status)
	case errors.Is(err, ErrUnavailable):
		return "A MiniCRM nem érhető el: a kapcsolat megszakadt. Ellenőrizze a hálózatot, majd próbálja újra."
	case errors.Is(err, ErrConnectionNotFound):
		// Before ErrNotFound, which it wraps: the record text would mislead.
		return fmt.Sprintf("A rendszerazonosító, az API kulcs vagy a MiniCRM címe hibás (%d): ezen a címen nincs ilyen "+
			"MiniCRM-rendszer. Ellenőrizze a rendszerazonosítót és a kulcsot a MiniCRM Beállítások → Rendszer menüjében, "+
			"és azt, hogy a MiniCRM címe helyes-e (alapesetben %s).", statusOr(apiErr, 404), DefaultBaseURL)
	case errors.Is(err, ErrNotFound):
		return "A keresett rekord nem található a MiniCRM-ben (lehet, hogy időközben törölték)."
	case errors.Is(err, ErrBadRequest):
		msg := "A MiniCRM elutasította a kérést"
		if apiErr != nil && strings.TrimSpace(apiErr.Body) != "" {
			// MiniCRM's plain-text reason names the field, e.g. "Invalid
			// value 'x' for the Lead qualification field.", which the user
			// can act on.
			return msg + ": " + strings.TrimSpace(apiErr.Body)
		}
		return msg + "."
	case errors.Is(err, ErrInvalidResponse):
		return "A MiniCRM válasza nem értelmezhető. Ellenőrizze a MiniCRM címét a beállításokban."
	}
	var de *domain.Error
	if errors.As(err, &de) {
		return de.Error()
	}
	return "Váratlan hiba történt a MiniCRM-mel való kommunikáció közben. A részleteket a napló tartalmazza."
}

func statusOr(e *APIError, def int) int {
	if e != nil && e.Status != 0 {
		return e.Status
	}
	return def
}
