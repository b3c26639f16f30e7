package domain

import (
	"strconv"
	"strings"
)

// DefaultMiniCRMBaseURL is the MiniCRM host used when the settings name no
// other (test systems live on r3-test.minicrm.hu, other regions on .io).
const DefaultMiniCRMBaseURL = "https://r3.minicrm.hu"

// Labels of the MiniCRM settings, shared by the GUI, the headless commands
// and the validation messages. The IP list is named as on MiniCRM's
// Beállítások → API screen, in standard spelling.
const (
	MiniCRMSystemIDLabel   = "Rendszerazonosító"
	MiniCRMAllowedIPsLabel = "API engedélyezett IP-címek"
)

// Limits of the MiniCRM settings.
const (
	// MaxMiniCRMIDLen bounds the system id and the company number. Real
	// system ids have up to 5 digits; a little room costs nothing.
	MaxMiniCRMIDLen = 12
	// MaxAllowedIPs bounds the allow-list.
	MaxAllowedIPs = 100
	// MaxMiniCRMAPIKeyLen bounds an API key (real ones are 32 hex digits).
	MaxMiniCRMAPIKeyLen = 256
)

// MiniCRMSettings is the link to one MiniCRM system ("MiniCRM beállítások").
// The API key is not part of it: it lives only in the OS keyring, under
// MiniCRMKeyAccount(SystemID).
type MiniCRMSettings struct {
	// SystemID is the "Rendszerazonosító": the number after
	// r3.minicrm.hu/ in the browser and before ':' in the API URL. Kept as
	// text because it is an identifier, not a quantity.
	SystemID string `json:"systemId"`
	// Company is the "Vállalat száma" (optional): the number after the
	// hyphen in the address bar. "0" is a valid company, "" is none.
	Company string `json:"company"`
	// BaseURL is the scheme and host of the API, DefaultMiniCRMBaseURL
	// normally. http:// is allowed only for loopback hosts (tests).
	BaseURL string `json:"baseUrl"`
	// Demo marks a demo system: customers are downloaded, and nothing is
	// ever written to MiniCRM.
	Demo bool `json:"demo"`
	// AllowedIPs is the "API engedélyezett IP-címek" list: IP addresses or
	// CIDR ranges. It records what is set in MiniCRM (Beállítások → API);
	// MiniCRM enforces it on its side, empty means from anywhere. The app
	// never sends it anywhere.
	AllowedIPs []string `json:"allowedIps"`
	// CustomersModule is the category (module) whose successfully closed
	// cards are the customers; 0 until one is chosen.
	CustomersModule int64 `json:"customersModule"`
	// InvoicesModule is the optional category that receives the invoices;
	// 0 for none.
	InvoicesModule int64 `json:"invoicesModule"`
}

// DefaultMiniCRMSettings are the settings before anything is saved.
func DefaultMiniCRMSettings() MiniCRMSettings {
	return MiniCRMSettings{BaseURL: DefaultMiniCRMBaseURL, AllowedIPs: []string{}}
}

// Configured reports whether a system id has been given.
func (s *MiniCRMSettings) Configured() bool { return s.SystemID != "" }

// CanWrite reports whether the app may write to MiniCRM: never to a demo
// system, which is download only.
func (s *MiniCRMSettings) CanWrite() bool { return !s.Demo }

// MiniCRMKeyAccount is the keyring account the API key of a system is kept
// under ("minicrm:<system id>").
func MiniCRMKeyAccount(systemID string) string { return "minicrm:" + systemID }

// Normalize trims the fields, removes spaces from the numbers, fills the
// default base URL (dropping a trailing slash and the /Api/R3 path users
// paste along), and writes valid IPs and ranges in canonical form (invalid
// ones are left as typed so that Validate can say what is wrong).
func (s *MiniCRMSettings) Normalize() {
	s.SystemID = stripSpace(s.SystemID)
	if digitsMessage(s.SystemID) == "" && len(s.SystemID) > 1 {
		// "098" and "98" are the same system; the keyring account and the
		// Basic auth user must not depend on how it was typed.
		s.SystemID = strings.TrimLeft(s.SystemID, "0")
		if s.SystemID == "" {
			s.SystemID = "0"
		}
	}
	s.Company = stripSpace(s.Company)
	s.BaseURL = strings.TrimSpace(s.BaseURL)
	if s.BaseURL == "" {
		s.BaseURL = DefaultMiniCRMBaseURL
	}
	if i := strings.Index(s.BaseURL, "/Api/"); i >= 0 && !strings.ContainsAny(s.BaseURL[i:], "?#") {
		s.BaseURL = s.BaseURL[:i]
	}
	s.BaseURL = strings.TrimRight(s.BaseURL, "/")
	ips := make([]string, 0, len(s.AllowedIPs))
	seen := map[string]bool{}
	for _, ip := range s.AllowedIPs {
		ip = strings.TrimSpace(ip)
		if ip == "" {
			continue
		}
		if c, ok := canonicalIP(ip); ok {
			ip = c
		}
		if !seen[ip] {
			seen[ip] = true
			ips = append(ips, ip)
		}
	}
	s.AllowedIPs = ips
}

// Validate checks normalised settings and returns every wrong field at once
// as an *Error with code EInvalid. No message repeats a URL, which might
// hold a pasted key.
func (s *MiniCRMSettings) Validate() error {
	var fe fieldErrors
	s.validateConnection(&fe)
	if s.Company != "" {
		if msg := digitsMessage(s.Company); msg != "" {
			fe.add("company", "Vállalat száma", msg)
		}
	}
	if len(s.AllowedIPs) > MaxAllowedIPs {
		fe.add("allowedIps", MiniCRMAllowedIPsLabel, "legfeljebb "+itoa(MaxAllowedIPs)+" elem adható meg")
	}
	for i, ip := range s.AllowedIPs {
		if msg := ipMessage(ip); msg != "" {
			fe.add("allowedIps", MiniCRMAllowedIPsLabel, ipRef(i, ip)+" "+msg)
		}
	}
	if s.CustomersModule < 0 {
		fe.add("customersModule", "Vevők modul", "pozitív egész szám legyen")
	}
	if s.InvoicesModule < 0 {
		fe.add("invoicesModule", "Számlák modul", "pozitív egész szám legyen")
	}
	return fe.err("A MiniCRM beállítások hibásak.")
}

// ValidateConnection checks only what a connection test needs: the system
// id and the base URL.
func (s *MiniCRMSettings) ValidateConnection() error {
	var fe fieldErrors
	s.validateConnection(&fe)
	return fe.err("A kapcsolat nem tesztelhető, mert a beállítások hibásak.")
}

func (s *MiniCRMSettings) validateConnection(fe *fieldErrors) {
	switch {
	case s.SystemID == "":
		fe.add("systemId", MiniCRMSystemIDLabel, "kötelező (a MiniCRM címsorában az r3.minicrm.hu/ utáni szám)")
	case digitsMessage(s.SystemID) != "":
		fe.add("systemId", MiniCRMSystemIDLabel, digitsMessage(s.SystemID)+" (a MiniCRM címsorában az r3.minicrm.hu/ utáni szám)")
	case strings.Trim(s.SystemID, "0") == "":
		fe.add("systemId", MiniCRMSystemIDLabel, "nem lehet nulla")
	}
	if msg := baseURLMessage(s.BaseURL); msg != "" {
		fe.add("baseUrl", "API cím", msg)
	}
}

// SystemIDNumber returns the system id as a number (0 when it is invalid).
func (s *MiniCRMSettings) SystemIDNumber() int64 {
	n, err := strconv.ParseInt(s.SystemID, 10, 64)
	if err != nil || n < 0 {
		return 0
	}
	return n
}
