package secret

import (
	"context"
	"strings"

	"konnyuszamla/domain"
)

// EnvAPIKey names the environment variable that, when set, overrides the
// keyring's MiniCRM API key for one process (unattended runs). Its value is
// never written anywhere.
const EnvAPIKey = "KONNYUSZAMLA_MINICRM_API_KEY"

// minicrmPrefix is the account prefix of MiniCRM keys (domain.MiniCRMKeyAccount).
var minicrmPrefix = domain.MiniCRMKeyAccount("")

// Override is a SecretStore that answers Get for MiniCRM accounts from the
// environment and passes everything else to the keyring below it.
type Override struct {
	store domain.SecretStore
	key   string
}

var (
	_ domain.SecretStore     = (*Override)(nil)
	_ domain.SecretOverrider = (*Override)(nil)
)

// WithEnvOverride wraps store with the value of EnvAPIKey read through
// getenv (os.Getenv in main.go). The variable is read once, here.
func WithEnvOverride(store domain.SecretStore, getenv func(string) string) *Override {
	return &Override{store: store, key: strings.TrimSpace(getenv(EnvAPIKey))}
}

// Active reports whether the environment variable is set.
func (o *Override) Active() bool { return o.key != "" }

// Overridden implements domain.SecretOverrider.
func (o *Override) Overridden(account string) bool {
	return o.key != "" && strings.HasPrefix(account, minicrmPrefix)
}

// Get returns the environment's key for a MiniCRM account when set, else
// the keyring's secret.
func (o *Override) Get(ctx context.Context, account string) (string, error) {
	if o.Overridden(account) {
		return o.key, nil
	}
	return o.store.Get(ctx, account)
}

// Set stores in the keyring (never the environment's value: only what the
// caller explicitly asks to store).
func (o *Override) Set(ctx context.Context, account, secret string) error {
	return o.store.Set(ctx, account, secret)
}

// Delete removes from the keyring.
func (o *Override) Delete(ctx context.Context, account string) error {
	return o.store.Delete(ctx, account)
}

// String hides the key, so that printing the store cannot leak it.
func (o Override) String() string {
	if o.key == "" {
		return "secret.Override{inactive}"
	}
	return "secret.Override{" + EnvAPIKey + ":[REDACTED]}"
}

// GoString hides the key from %#v as well.
func (o Override) GoString() string { return o.String() }

var _ domain.KeyringGetter = (*Override)(nil)

// KeyringGet reads the keyring itself, past the environment override, so
// that "minicrm show" can tell whether a key is stored there too.
func (o *Override) KeyringGet(ctx context.Context, account string) (string, error) {
	return o.store.Get(ctx, account)
}
