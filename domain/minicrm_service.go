package domain

import (
	"context"
	"errors"
	"fmt"
)

// MiniCRMSettingsStore keeps the MiniCRM settings (never the key).
type MiniCRMSettingsStore interface {
	// MiniCRMSettings returns the saved settings, or DefaultMiniCRMSettings
	// when none are saved yet.
	MiniCRMSettings(ctx context.Context) (MiniCRMSettings, error)
	// SaveMiniCRMSettings normalises, validates and stores s.
	SaveMiniCRMSettings(ctx context.Context, s *MiniCRMSettings) error
}

// ErrSecretNotFound matches (errors.Is) the error of SecretStore.Get for an
// account that has no secret.
var ErrSecretNotFound = errors.New("secret not found")

// SecretStore keeps secrets in the operating system's keyring. Errors are
// *Error values with a Hungarian message: ENotFound wrapping
// ErrSecretNotFound, or EUnavailable saying how to make the keyring work.
// No implementation may fall back to storing secrets in plain files.
type SecretStore interface {
	Get(ctx context.Context, account string) (string, error)
	Set(ctx context.Context, account, secret string) error
	Delete(ctx context.Context, account string) error
}

// SecretOverrider is implemented by a SecretStore whose Get answers some
// accounts from outside the keyring (an environment variable) for the
// running process only.
type SecretOverrider interface {
	Overridden(account string) bool
}

// KeyringGetter is implemented by a SecretStore that is also a
// SecretOverrider: KeyringGet reads what the keyring itself holds for an
// account, even while the override answers Get for it.
type KeyringGetter interface {
	KeyringGet(ctx context.Context, account string) (string, error)
}

// errKeyringHidden is what StoredInKeyring says when an override hides
// the keyring and the store cannot look behind it.
var errKeyringHidden = &Error{Code: EUnavailable,
	Message: "Nem ellenőrizhető, hogy a kulcstartóban van-e MiniCRM API kulcs, amíg a KONNYUSZAMLA_MINICRM_API_KEY környezeti változó be van állítva."}

// MiniCRMModule is a MiniCRM category ("modul"), e.g. Értékesítés.
type MiniCRMModule struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// MiniCRMAPIURL is what the API URL MiniCRM shows
// ("https://98:d9cb…a572@r3.minicrm.hu/Api/R3") holds.
type MiniCRMAPIURL struct {
	SystemID string
	APIKey   string
	BaseURL  string // scheme and host, e.g. https://r3.minicrm.hu
}

// String hides the key, so that printing the value cannot leak it.
func (u MiniCRMAPIURL) String() string {
	return "MiniCRMAPIURL{SystemID:" + u.SystemID + " APIKey:[REDACTED] BaseURL:" + u.BaseURL + "}"
}

// GoString hides the key from %#v as well.
func (u MiniCRMAPIURL) GoString() string { return u.String() }

// MiniCRMConnector reaches a MiniCRM system; the crm package implements it.
type MiniCRMConnector interface {
	// TestConnection lists the modules of the system with key; it fails when
	// the settings, the key, the network or MiniCRM do not work.
	TestConnection(ctx context.Context, s MiniCRMSettings, apiKey string) ([]MiniCRMModule, error)
	// ExplainError says in plain Hungarian what went wrong and what to do.
	ExplainError(err error) string
	// ParseAPIURL reads a pasted API URL; the error is an *Error whose
	// message says what form was expected and never repeats the input.
	ParseAPIURL(text string) (MiniCRMAPIURL, error)
}

// KeyStatus tells where the API key of a system comes from.
type KeyStatus int

// The key states.
const (
	KeyMissing         KeyStatus = iota // no key anywhere
	KeyInKeyring                        // saved in the OS keyring
	KeyFromEnvironment                  // KONNYUSZAMLA_MINICRM_API_KEY, this process only
)

// DefaultCustomersModuleName is the module whose successfully closed cards
// are the customers unless the user picks another.
const DefaultCustomersModuleName = "Értékesítés"

// DefaultCustomersModule picks the sales module from a category list: the
// one named Értékesítés (or Sales, in an English system).
func DefaultCustomersModule(mods []MiniCRMModule) (int64, bool) {
	for _, want := range []string{DefaultCustomersModuleName, "Sales"} {
		for _, m := range mods {
			if Fold(CollapseSpace(m.Name)) == Fold(want) {
				return m.ID, true
			}
		}
	}
	return 0, false
}

// ModuleWarnings lists the configured modules missing from mods, in
// Hungarian, so that a connection test can point at a stale setting.
func (s *MiniCRMSettings) ModuleWarnings(mods []MiniCRMModule) []string {
	has := map[int64]bool{}
	for _, m := range mods {
		has[m.ID] = true
	}
	var out []string
	if s.CustomersModule != 0 && !has[s.CustomersModule] {
		out = append(out, fmt.Sprintf("A beállított Vevők modul (%d) nem található a MiniCRM-ben.", s.CustomersModule))
	}
	if s.InvoicesModule != 0 && !has[s.InvoicesModule] {
		out = append(out, fmt.Sprintf("A beállított Számlák modul (%d) nem található a MiniCRM-ben.", s.InvoicesModule))
	}
	if s.CustomersModule == 0 {
		out = append(out, "Még nincs kiválasztva a Vevők modul.")
	}
	return out
}

// MiniCRMService is the MiniCRM connection setup shared by the settings tab
// and the headless minicrm commands: settings in the database, the key in
// the keyring, and the live check.
type MiniCRMService struct {
	Settings  MiniCRMSettingsStore
	Secrets   SecretStore
	Connector MiniCRMConnector
}

// KeyStatus reports whether a key is available for the system.
func (m *MiniCRMService) KeyStatus(ctx context.Context, systemID string) (KeyStatus, error) {
	if systemID == "" {
		return KeyMissing, nil
	}
	account := MiniCRMKeyAccount(systemID)
	if o, ok := m.Secrets.(SecretOverrider); ok && o.Overridden(account) {
		return KeyFromEnvironment, nil
	}
	_, err := m.Secrets.Get(ctx, account)
	switch {
	case err == nil:
		return KeyInKeyring, nil
	case errors.Is(err, ErrSecretNotFound):
		return KeyMissing, nil
	}
	return KeyMissing, err
}

// StoredInKeyring reports whether the keyring itself holds a key for the
// system, also while KONNYUSZAMLA_MINICRM_API_KEY answers instead of it
// (minicrm show --json reports both). It fails when the keyring does, or
// when an override hides the keyring from a store that cannot look behind
// it (no KeyringGetter).
func (m *MiniCRMService) StoredInKeyring(ctx context.Context, systemID string) (bool, error) {
	if systemID == "" {
		return false, nil
	}
	_, found, err := m.keyringKey(ctx, MiniCRMKeyAccount(systemID))
	return found, err
}

// keyringKey reads the keyring's own entry for account, past an override.
func (m *MiniCRMService) keyringKey(ctx context.Context, account string) (key string, found bool, err error) {
	get := m.Secrets.Get
	if o, ok := m.Secrets.(SecretOverrider); ok && o.Overridden(account) {
		kg, ok := m.Secrets.(KeyringGetter)
		if !ok {
			return "", false, errKeyringHidden
		}
		get = kg.KeyringGet
	}
	key, err = get(ctx, account)
	switch {
	case err == nil:
		return key, true, nil
	case errors.Is(err, ErrSecretNotFound):
		return "", false, nil
	}
	return "", false, err
}

// APIKey returns the key of the system, or an ENotFound *Error saying how
// to give one.
func (m *MiniCRMService) APIKey(ctx context.Context, systemID string) (string, error) {
	key, err := m.Secrets.Get(ctx, MiniCRMKeyAccount(systemID))
	if errors.Is(err, ErrSecretNotFound) {
		return "", &Error{Code: ENotFound, Err: err, Message: "Nincs elmentett MiniCRM API kulcs a(z) " + systemID +
			" rendszerhez. Adja meg a MiniCRM beállításokban (vagy: konnyuszamla minicrm set --api-key-stdin)."}
	}
	if err != nil {
		return "", fmt.Errorf("read minicrm api key: %w", err)
	}
	return key, nil
}

// Test checks the connection with s and key, or with the stored key of
// s.SystemID when key is empty. Failures are *Error values whose message
// is the connector's Hungarian explanation.
func (m *MiniCRMService) Test(ctx context.Context, s MiniCRMSettings, key string) ([]MiniCRMModule, error) {
	s.Normalize()
	if err := s.ValidateConnection(); err != nil {
		return nil, err
	}
	if key == "" {
		var err error
		if key, err = m.APIKey(ctx, s.SystemID); err != nil {
			return nil, err
		}
	} else if msg := ValidateMiniCRMAPIKey(key); msg != "" {
		return nil, keyError(msg)
	}
	mods, err := m.Connector.TestConnection(ctx, s, key)
	if err != nil {
		return nil, m.explain(err)
	}
	return mods, nil
}

// Prefixes of the messages of a failed Save or ReplaceKey, so that the
// user knows that nothing changed. A sentence of its own: the cause
// that follows may have a colon of its own.
const (
	notSavedBoth     = "A kulcsot és a beállításokat nem mentettük."
	notSavedSettings = "A beállításokat nem mentettük."
	notSavedKey      = "Az új kulcsot nem mentettük."
)

// ReplaceKey tests newKey with s and only when it works stores it in place
// of the system's key, so that a mistyped key never overwrites a good one.
// A key equal to the one in the keyring is neither tested nor stored
// again: unchanged reports that case, and mods is then nil. A failure's
// message starts by saying that the key was not saved.
func (m *MiniCRMService) ReplaceKey(ctx context.Context, s MiniCRMSettings, newKey string) (mods []MiniCRMModule, unchanged bool, err error) {
	s.Normalize()
	if msg := ValidateMiniCRMAPIKey(newKey); msg != "" {
		return nil, false, notSaved(notSavedKey, keyError(msg))
	}
	if same, err := m.sameAsStored(ctx, s.SystemID, newKey); err != nil {
		return nil, false, notSaved(notSavedKey, err)
	} else if same {
		return nil, true, nil
	}
	if mods, err = m.replaceKey(ctx, s, newKey); err != nil {
		return nil, false, notSaved(notSavedKey, err)
	}
	return mods, false, nil
}

// replaceKey tests newKey and stores it when it works.
func (m *MiniCRMService) replaceKey(ctx context.Context, s MiniCRMSettings, newKey string) ([]MiniCRMModule, error) {
	mods, err := m.Test(ctx, s, newKey)
	if err != nil {
		return nil, err
	}
	if err := m.Secrets.Set(ctx, MiniCRMKeyAccount(s.SystemID), newKey); err != nil {
		return nil, fmt.Errorf("store minicrm api key: %w", err)
	}
	return mods, nil
}

// sameAsStored reports whether the keyring already holds key for the
// system. Behind an override the store may not tell: that is "no", and
// the key is tested as a new one.
func (m *MiniCRMService) sameAsStored(ctx context.Context, systemID, key string) (bool, error) {
	stored, found, err := m.keyringKey(ctx, MiniCRMKeyAccount(systemID))
	switch {
	case errors.Is(err, errKeyringHidden):
		return false, nil
	case err != nil:
		return false, err
	}
	return found && stored == key, nil
}

// Save validates s and stores it. A non-empty newKey goes to the keyring
// first: as the system's first key directly (setting up offline must
// work), as nothing when it is the key already stored, and in place of
// another key only after a successful test. Nothing is saved when the key
// cannot be stored, and the message of a failure starts by saying so.
func (m *MiniCRMService) Save(ctx context.Context, s *MiniCRMSettings, newKey string) error {
	prefix := notSavedSettings
	if newKey != "" {
		prefix = notSavedBoth
	}
	s.Normalize()
	if err := s.Validate(); err != nil {
		return notSaved(prefix, err)
	}
	if newKey != "" {
		if err := m.saveKey(ctx, *s, newKey); err != nil {
			return notSaved(prefix, err)
		}
	}
	if err := m.Settings.SaveMiniCRMSettings(ctx, s); err != nil {
		if newKey != "" {
			prefix = "Az API kulcs a kulcstartóba került, de a beállításokat nem mentettük."
		}
		return notSaved(prefix, fmt.Errorf("save minicrm settings: %w", err))
	}
	return nil
}

// saveKey is the key part of Save.
func (m *MiniCRMService) saveKey(ctx context.Context, s MiniCRMSettings, newKey string) error {
	if msg := ValidateMiniCRMAPIKey(newKey); msg != "" {
		return keyError(msg)
	}
	status, err := m.KeyStatus(ctx, s.SystemID)
	if err != nil {
		return err
	}
	if status == KeyMissing {
		if err := m.Secrets.Set(ctx, MiniCRMKeyAccount(s.SystemID), newKey); err != nil {
			return fmt.Errorf("save minicrm api key: %w", err)
		}
		return nil
	}
	same, err := m.sameAsStored(ctx, s.SystemID, newKey)
	if err != nil || same {
		return err
	}
	if _, err := m.replaceKey(ctx, s, newKey); err != nil {
		return fmt.Errorf("save minicrm api key: %w", err)
	}
	return nil
}

// notSaved puts prefix ("… nem mentettük.") in front of err's message,
// keeping its code, its fields and the cause.
func notSaved(prefix string, err error) error {
	var de *Error
	if !errors.As(err, &de) {
		return &Error{Code: EInternal, Err: err,
			Message: prefix + " Váratlan hiba történt. A részleteket a napló tartalmazza."}
	}
	return &Error{Code: de.Code, Fields: de.Fields, Err: err, Message: prefix + " " + de.Message}
}

// explain turns a connector error into an *Error with its explanation,
// keeping the cause for errors.Is and logs.
func (m *MiniCRMService) explain(err error) error {
	var de *Error
	if errors.As(err, &de) {
		return err
	}
	return &Error{Code: EUnavailable, Message: m.Connector.ExplainError(err), Err: err}
}

func keyError(msg string) error {
	return &Error{Code: EInvalid, Message: "Az API kulcs hibás.",
		Fields: []FieldError{{Field: "apiKey", Label: "API kulcs", Message: msg}}}
}
