package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"strings"
	"testing"

	"konnyuszamla/domain"
)

// The headless tests use fakes: ui/ never imports crm or storage, not even
// in tests. The same commands run against the fake MiniCRM server, the
// real SQLite store and the keyring mock in crm/connection_cli_test.go.

type memMiniCRMSettings struct{ saved *domain.MiniCRMSettings }

func (m *memMiniCRMSettings) MiniCRMSettings(context.Context) (domain.MiniCRMSettings, error) {
	if m.saved == nil {
		return domain.DefaultMiniCRMSettings(), nil
	}
	c := *m.saved
	c.AllowedIPs = append([]string{}, m.saved.AllowedIPs...)
	return c, nil
}

func (m *memMiniCRMSettings) SaveMiniCRMSettings(_ context.Context, s *domain.MiniCRMSettings) error {
	s.Normalize()
	if err := s.Validate(); err != nil {
		return err
	}
	c := *s
	m.saved = &c
	return nil
}

type memSecrets struct {
	m        map[string]string
	err      error
	override string
}

func (m *memSecrets) Get(_ context.Context, account string) (string, error) {
	if m.Overridden(account) {
		return m.override, nil
	}
	if m.err != nil {
		return "", m.err
	}
	v, ok := m.m[account]
	if !ok {
		return "", &domain.Error{Code: domain.ENotFound, Message: "nincs", Err: domain.ErrSecretNotFound}
	}
	return v, nil
}

func (m *memSecrets) Set(_ context.Context, account, secret string) error {
	if m.err != nil {
		return m.err
	}
	m.m[account] = secret
	return nil
}

func (m *memSecrets) Delete(_ context.Context, account string) error {
	delete(m.m, account)
	return nil
}

func (m *memSecrets) Overridden(account string) bool {
	return m.override != "" && strings.HasPrefix(account, "minicrm:")
}

// KeyringGet reads the keyring behind the override (domain.KeyringGetter).
func (m *memSecrets) KeyringGet(_ context.Context, account string) (string, error) {
	if m.err != nil {
		return "", m.err
	}
	v, ok := m.m[account]
	if !ok {
		return "", &domain.Error{Code: domain.ENotFound, Message: "nincs", Err: domain.ErrSecretNotFound}
	}
	return v, nil
}

var errWrongKey = errors.New("401")

const wrongKeyText = "A rendszerazonosító vagy az API kulcs hibás (401)."

type fakeConn struct{ good string }

func (c fakeConn) TestConnection(_ context.Context, _ domain.MiniCRMSettings, key string) ([]domain.MiniCRMModule, error) {
	if key != c.good {
		return nil, errWrongKey
	}
	return []domain.MiniCRMModule{{ID: 23, Name: "Értékesítés"}, {ID: 9, Name: "Számlázó"}}, nil
}

func (fakeConn) ExplainError(err error) string { return wrongKeyText }

func (fakeConn) ParseAPIURL(text string) (domain.MiniCRMAPIURL, error) {
	cred, host, ok := strings.Cut(strings.TrimPrefix(strings.TrimSpace(text), "https://"), "@")
	id, key, ok2 := strings.Cut(cred, ":")
	if !ok || !ok2 || id == "" || key == "" {
		return domain.MiniCRMAPIURL{}, domain.Errorf(domain.EInvalid, "Ilyen formát várunk: https://RENDSZERAZONOSÍTÓ:APIKULCS@r3.minicrm.hu")
	}
	host, _, _ = strings.Cut(host, "/")
	return domain.MiniCRMAPIURL{SystemID: id, APIKey: key, BaseURL: "https://" + host}, nil
}

type miniCRMRig struct {
	settings *memMiniCRMSettings
	secrets  *memSecrets
	conn     fakeConn
}

func newMiniCRMRig() *miniCRMRig {
	return &miniCRMRig{settings: &memMiniCRMSettings{}, secrets: &memSecrets{m: map[string]string{}}, conn: fakeConn{good: cliKey}}
}

// run runs one minicrm command and turns its error into the exit status
// and stderr line that Run gives it.
func (r *miniCRMRig) run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut}
	sub, rest := "", []string(nil)
	if len(args) > 0 {
		sub, rest = args[0], args[1:]
	}
	err := MiniCRM(context.Background(), env, MiniCRMDeps{Settings: r.settings, Secrets: r.secrets, Connector: r.conn}, sub, rest)
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		code = exitOK
	case errors.Is(err, errUsage):
		errOut.WriteString("Hibás használat: " + err.Error() + "\n")
		code = exitUsage
	default:
		errOut.WriteString("Hiba: " + oneLine(domain.ErrorMessage(err)) + "\n")
		code = exitFail
	}
	return code, out.String(), errOut.String()
}
