package nav

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"konnyuszamla/domain"
)

// SoftwareID is the app's softwareId: 18 characters of [0-9A-Z-], the same
// in every installation and version, as NAV's software registry expects.
const SoftwareID = "KONNYUSZAMLA-00001"

// DevContact is the developer's contact that NAV's software registry holds
// for this program (softwareDevContact). It is not invented here: release
// builds set it with -ldflags "-X konnyuszamla/nav.DevContact=..."
// (scripts/release.sh takes it from NAV_DEV_CONTACT). Without it the client
// refuses to send (ErrNoDevContact) rather than report a made-up address.
var DevContact string

// ErrNoDevContact: this build carries no developer contact for NAV.
var ErrNoDevContact = errors.New("nav: no developer contact in this build (nav.DevContact)")

// DefaultSoftware is the software block of the app's requests.
func DefaultSoftware(version string) Software {
	if len(version) > 15 {
		version = version[:15]
	}
	if strings.TrimSpace(version) == "" {
		version = "0"
	}
	return Software{
		ID: SoftwareID, Name: "KönnyűSzámla", Operation: "LOCAL_SOFTWARE", MainVersion: version,
		DevName: "KönnyűSzámla fejlesztői", DevContact: DevContact, DevCountry: "HU",
	}
}

// Connector implements domain.NAVConnector: the connection test of the
// settings screen and "nav test", a token exchange with the given
// credentials (which also proves the exchange key right).
type Connector struct {
	Software Software
	HTTP     *http.Client
	// BaseURL, when set, replaces NAV's address (tests use navtest).
	BaseURL string
}

var _ domain.NAVConnector = Connector{}

// TestConnection implements domain.NAVConnector; failures are *domain.Error
// values with a Hungarian explanation.
func (c Connector) TestConnection(ctx context.Context, s domain.NAVSettings, sec domain.NAVSecrets) error {
	base := c.BaseURL
	if base == "" {
		base = BaseURL(s)
	}
	cl := &Client{BaseURL: base, HTTP: c.HTTP, Settings: s, Secrets: sec, Software: c.Software}
	if _, err := cl.TokenExchange(ctx); err != nil {
		return &domain.Error{Code: domain.EUnavailable, Message: ExplainError(err), Err: err}
	}
	return nil
}

// ExplainError says in Hungarian what went wrong with a NAV request.
func ExplainError(err error) string {
	var apiErr *APIError
	switch {
	case err == nil:
		return ""
	case errors.Is(err, ErrNoDevContact):
		return "Ebben a programváltozatban nincs megadva a fejlesztőnek a NAV-nál bejelentett elérhetősége, ezért a jelentés nem küldhető el. " +
			"A kiadott változatokat a make release ezzel együtt építi (NAV_DEV_CONTACT); a jelentések addig a sorban várnak."
	case errors.Is(err, ErrExchangeToken):
		return "A NAV válaszát nem lehet a cserekulccsal visszafejteni: ellenőrizze a cserekulcsot (XML-cserekulcs)."
	case errors.As(err, &apiErr):
		switch apiErr.Code {
		case "INVALID_SECURITY_USER", "NOT_REGISTERED_CUSTOMER", "INVALID_CUSTOMER":
			return "A NAV nem fogadta el a technikai felhasználót: ellenőrizze a felhasználónevet, a jelszót és az adószámot, " +
				"és hogy a felhasználó a " + "kiválasztott (teszt vagy éles) rendszerben van-e regisztrálva. (" + apiErr.Code + ")"
		case "INVALID_REQUEST_SIGNATURE":
			return "A NAV szerint a kérés aláírása hibás: ellenőrizze az aláírókulcsot. (" + apiErr.Code + ")"
		case "INVALID_EXCHANGE_TOKEN":
			return "A NAV érvénytelennek találta a kérés tokenjét; a program újrapróbálja. (" + apiErr.Code + ")"
		case "MAINTENANCE_MODE", "OPERATION_FAILED":
			return "A NAV szolgáltatása most nem elérhető; a program később újrapróbálja. (" + apiErr.Code + ")"
		}
		msg := "A NAV elutasította a kérést"
		if apiErr.Code != "" {
			msg += ": " + apiErr.Code
		}
		if apiErr.Message != "" {
			msg += " – " + apiErr.Message
		}
		return msg + "."
	case errors.Is(err, ErrOutcomeUnknown):
		return "A NAV válasza nem érkezett meg; a program ellenőrzi, megkapta-e a NAV a jelentést, mielőtt újraküldené."
	case errors.Is(err, context.DeadlineExceeded):
		return "A NAV nem válaszolt időben; a program később újrapróbálja."
	}
	return "A NAV nem érhető el (nincs internetkapcsolat, vagy a NAV szolgáltatása szünetel); a program később újrapróbálja."
}
