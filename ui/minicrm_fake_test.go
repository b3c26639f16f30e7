package ui

import (
	"context"
	"errors"
	"strings"
	"sync"

	"konnyuszamla/domain"
)

// fakeMiniCRMSettings is an in-memory domain.MiniCRMSettingsStore.
type fakeMiniCRMSettings struct {
	mu    sync.Mutex
	saved *domain.MiniCRMSettings
	saves int
}

func (f *fakeMiniCRMSettings) MiniCRMSettings(context.Context) (domain.MiniCRMSettings, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.saved == nil {
		return domain.DefaultMiniCRMSettings(), nil
	}
	return *f.saved, nil
}

func (f *fakeMiniCRMSettings) SaveMiniCRMSettings(_ context.Context, s *domain.MiniCRMSettings) error {
	s.Normalize()
	if err := s.Validate(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	c := *s
	f.saved = &c
	f.saves++
	return nil
}

// fakeSecrets is an in-memory keyring; err makes every call fail, as a
// missing Secret Service does.
type fakeSecrets struct {
	mu       sync.Mutex
	m        map[string]string
	err      error
	override string // the "environment" key of MiniCRM accounts
}

func newFakeSecrets() *fakeSecrets { return &fakeSecrets{m: map[string]string{}} }

func (f *fakeSecrets) Get(_ context.Context, account string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.Overridden(account) {
		return f.override, nil
	}
	if f.err != nil {
		return "", f.err
	}
	v, ok := f.m[account]
	if !ok {
		return "", &domain.Error{Code: domain.ENotFound, Message: "nincs", Err: domain.ErrSecretNotFound}
	}
	return v, nil
}

func (f *fakeSecrets) Set(_ context.Context, account, secret string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return f.err
	}
	f.m[account] = secret
	return nil
}

func (f *fakeSecrets) Delete(_ context.Context, account string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.m, account)
	return nil
}

func (f *fakeSecrets) Overridden(account string) bool {
	return f.override != "" && strings.HasPrefix(account, "minicrm:")
}

func (f *fakeSecrets) get(account string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.m[account]
}

var (
	errFakeUnauthorized = errors.New("fake: 401")
	errFakeOffline      = errors.New("fake: dial tcp: no such host")
)

const (
	fakeUnauthorizedText = "A rendszerazonosító vagy az API kulcs hibás (401), vagy a MiniCRM-előfizetésben nincs bekapcsolva a kiegészítő."
	fakeOfflineText      = "A MiniCRM nem érhető el: nincs hálózati kapcsolat vagy a név nem oldható fel."
)

// fakeConnector accepts goodKey for system "98" and lists mods; offline
// makes every test fail as without network.
type fakeConnector struct {
	mu      sync.Mutex
	goodKey string
	mods    []domain.MiniCRMModule
	offline bool
	keys    []string // the keys tried, in order
}

func (f *fakeConnector) TestConnection(_ context.Context, s domain.MiniCRMSettings, key string) ([]domain.MiniCRMModule, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.keys = append(f.keys, key)
	switch {
	case f.offline:
		return nil, errFakeOffline
	case key != f.goodKey || s.SystemID != "98":
		return nil, errFakeUnauthorized
	}
	return f.mods, nil
}

func (f *fakeConnector) ExplainError(err error) string {
	switch {
	case errors.Is(err, errFakeUnauthorized):
		return fakeUnauthorizedText
	case errors.Is(err, errFakeOffline):
		return fakeOfflineText
	}
	return "Váratlan hiba."
}

// ParseAPIURL is a small stand-in for crm.ParseAPIURL (tested, and fuzzed,
// in crm): "[scheme://]id:key@host[/path]".
func (f *fakeConnector) ParseAPIURL(text string) (domain.MiniCRMAPIURL, error) {
	bad := domain.Errorf(domain.EInvalid, "A MiniCRM API címe nem értelmezhető. Ilyen formát várunk: https://RENDSZERAZONOSÍTÓ:APIKULCS@r3.minicrm.hu/Api/R3")
	s, scheme := strings.TrimSpace(text), "https"
	if i := strings.Index(s, "://"); i >= 0 {
		scheme, s = s[:i], s[i+3:]
	}
	at := strings.LastIndex(s, "@")
	if at < 0 {
		return domain.MiniCRMAPIURL{}, bad
	}
	host, _, _ := strings.Cut(s[at+1:], "/")
	id, key, ok := strings.Cut(s[:at], ":")
	if !ok || id == "" || key == "" || host == "" || strings.Trim(id, "0123456789") != "" {
		return domain.MiniCRMAPIURL{}, bad
	}
	return domain.MiniCRMAPIURL{SystemID: id, APIKey: key, BaseURL: scheme + "://" + host}, nil
}

func (f *fakeConnector) triedKeys() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.keys...)
}
