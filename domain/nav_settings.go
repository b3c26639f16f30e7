package domain

import (
	"context"
	"strings"
)

// NAVSettings are the NAV Online Számla connection settings. The technical
// user's password, signature key and exchange key are not part of them:
// they live only in the OS keyring (see NAVSecretAccount).
type NAVSettings struct {
	// Login is the technical user's login name (6–15 letters and digits).
	Login string `json:"login"`
	// TaxNumber is the seller's adószám, or its first 8 digits (törzsszám);
	// only the törzsszám is sent.
	TaxNumber string `json:"taxNumber"`
	// Production sends to the live system. The default is NAV's test
	// system; only the user switches to live, after a warning.
	Production bool `json:"production"`
}

// Configured reports whether a login and a tax number are given.
func (s *NAVSettings) Configured() bool { return s.Login != "" && s.TaxNumber != "" }

// TaxpayerID returns the 8-digit törzsszám.
func (s *NAVSettings) TaxpayerID() string {
	if len(s.TaxNumber) < 8 {
		return s.TaxNumber
	}
	return s.TaxNumber[:8]
}

// Environment names the system the settings talk to, in Hungarian.
func (s *NAVSettings) Environment() string {
	if s.Production {
		return "éles rendszer"
	}
	return "tesztrendszer"
}

// Normalize trims the fields and writes the tax number in canonical form.
func (s *NAVSettings) Normalize() {
	s.Login = strings.TrimSpace(s.Login)
	s.TaxNumber = strings.TrimSpace(s.TaxNumber)
	if v, msg := ParseTaxNumber(s.TaxNumber); msg == "" {
		s.TaxNumber = v
	} else if d := stripSeparators(s.TaxNumber); len(d) == 8 && ValidTaxpayerID(d) {
		s.TaxNumber = d
	}
}

// Validate checks normalised settings.
func (s *NAVSettings) Validate() error {
	var fe fieldErrors
	switch l := s.Login; {
	case l == "":
		fe.add("login", "Technikai felhasználó", "kötelező")
	case len(l) < 6 || len(l) > 15 || !alnumASCII(l):
		fe.add("login", "Technikai felhasználó", "6–15 betű vagy számjegy (ékezet nélkül)")
	}
	if s.TaxNumber == "" {
		fe.add("taxNumber", "Adószám", "kötelező")
	} else if _, msg := ParseTaxNumber(s.TaxNumber); msg != "" && !(len(s.TaxNumber) == 8 && ValidTaxpayerID(s.TaxNumber)) {
		fe.add("taxNumber", "Adószám", msg)
	}
	return fe.err("A NAV beállítások hibásak.")
}

func alnumASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// NAVSecrets are the technical user's secrets, kept in the OS keyring.
type NAVSecrets struct {
	Password    string
	SignKey     string // aláírókulcs
	ExchangeKey string // cserekulcs (XML-cserekulcs), 16 characters
}

// String hides the secrets, so that printing the value cannot leak them.
func (NAVSecrets) String() string { return "NAVSecrets{[REDACTED]}" }

// GoString hides the secrets from %#v as well.
func (s NAVSecrets) GoString() string { return s.String() }

// The secret kinds, as they are named in keyring accounts.
const (
	NAVSecretPassword    = "password"
	NAVSecretSignKey     = "signkey"
	NAVSecretExchangeKey = "exchangekey"
)

// NAVSecretAccount is the keyring account of one secret of a technical
// user: "nav:test:LOGIN:password"; test and live keys are separate, as NAV
// registers them separately.
func NAVSecretAccount(s NAVSettings, kind string) string {
	env := "test"
	if s.Production {
		env = "prod"
	}
	return "nav:" + env + ":" + s.Login + ":" + kind
}

// validateNAVSecret checks a new secret of the given kind ("" = unchanged)
// and returns what is wrong with it ("" when nothing).
func validateNAVSecret(kind, v string) string {
	switch {
	case v == "":
		return ""
	case strings.TrimSpace(v) != v:
		return "nem kezdődhet és nem végződhet szóközzel"
	case kind == NAVSecretExchangeKey && len(v) != 16:
		return "a cserekulcs pontosan 16 karakter"
	case len(v) > 256:
		return "túl hosszú"
	}
	return ""
}

// NAVSettingsStore keeps the NAV settings (never the secrets).
type NAVSettingsStore interface {
	// NAVSettings returns the saved settings (zero value: test system).
	NAVSettings(ctx context.Context) (NAVSettings, error)
	SaveNAVSettings(ctx context.Context, s *NAVSettings) error
}

// NAVConnector checks NAV settings against NAV (a token exchange); the
// nav package implements it.
type NAVConnector interface {
	TestConnection(ctx context.Context, s NAVSettings, secrets NAVSecrets) error
}
