package domain

import (
	"context"
	"errors"
	"strings"
	"testing"
)

type memSettings struct{ saved *MiniCRMSettings }

func (m *memSettings) MiniCRMSettings(context.Context) (MiniCRMSettings, error) {
	if m.saved == nil {
		return DefaultMiniCRMSettings(), nil
	}
	return *m.saved, nil
}

func (m *memSettings) SaveMiniCRMSettings(_ context.Context, s *MiniCRMSettings) error {
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
	override map[string]string
	err      error // returned by every call when set
}

func (m *memSecrets) Get(_ context.Context, account string) (string, error) {
	if v, ok := m.override[account]; ok {
		return v, nil
	}
	if m.err != nil {
		return "", m.err
	}
	v, ok := m.m[account]
	if !ok {
		return "", &Error{Code: ENotFound, Message: "nincs", Err: ErrSecretNotFound}
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

func (m *memSecrets) Overridden(account string) bool { _, ok := m.override[account]; return ok }

// peekSecrets can also read the keyring behind the override, as
// storage/secret's override may.
type peekSecrets struct{ *memSecrets }

func (p peekSecrets) KeyringGet(_ context.Context, account string) (string, error) {
	if p.err != nil {
		return "", p.err
	}
	v, ok := p.m[account]
	if !ok {
		return "", &Error{Code: ENotFound, Message: "nincs", Err: ErrSecretNotFound}
	}
	return v, nil
}

// goodKeyConnector accepts only goodKey.
type goodKeyConnector struct {
	goodKey string
	calls   int
}

var errUnauthorized = errors.New("401")

func (c *goodKeyConnector) TestConnection(_ context.Context, _ MiniCRMSettings, key string) ([]MiniCRMModule, error) {
	c.calls++
	if key != c.goodKey {
		return nil, errUnauthorized
	}
	return []MiniCRMModule{{23, "Értékesítés"}}, nil
}

func (c *goodKeyConnector) ExplainError(err error) string {
	if errors.Is(err, errUnauthorized) {
		return "A rendszerazonosító vagy az API kulcs hibás."
	}
	return "más hiba"
}

func (c *goodKeyConnector) ParseAPIURL(string) (MiniCRMAPIURL, error) { return MiniCRMAPIURL{}, nil }

func newTestService(good string) (*MiniCRMService, *memSettings, *memSecrets, *goodKeyConnector) {
	st, sec, conn := &memSettings{}, &memSecrets{m: map[string]string{}}, &goodKeyConnector{goodKey: good}
	return &MiniCRMService{Settings: st, Secrets: sec, Connector: conn}, st, sec, conn
}

func TestMiniCRMServiceFirstKeyIsSavedWithoutATest(t *testing.T) {
	ctx := context.Background()
	svc, st, sec, conn := newTestService("aaaa")
	s := MiniCRMSettings{SystemID: "98"}
	if err := svc.Save(ctx, &s, "bbbb"); err != nil { // offline setup: not tested
		t.Fatal(err)
	}
	if sec.m["minicrm:98"] != "bbbb" || st.saved == nil || conn.calls != 0 {
		t.Fatalf("secrets %v, saved %v, calls %d", sec.m, st.saved, conn.calls)
	}
	if status, err := svc.KeyStatus(ctx, "98"); status != KeyInKeyring || err != nil {
		t.Errorf("KeyStatus = %v, %v", status, err)
	}
}

func TestMiniCRMServiceReplacementIsTestedFirst(t *testing.T) {
	ctx := context.Background()
	svc, _, sec, _ := newTestService("good")
	sec.m["minicrm:98"] = "old"
	s := MiniCRMSettings{SystemID: "98", Company: "7"}

	err := svc.Save(ctx, &s, "wrong")
	if err == nil || ErrorMessage(err) != "A kulcsot és a beállításokat nem mentettük. A rendszerazonosító vagy az API kulcs hibás." {
		t.Fatalf("Save with a wrong key: %v", err)
	}
	if sec.m["minicrm:98"] != "old" {
		t.Fatal("a failing key replaced the stored one")
	}
	_, _, err = svc.ReplaceKey(ctx, s, "wrong")
	if !errors.Is(err, errUnauthorized) || sec.m["minicrm:98"] != "old" ||
		ErrorMessage(err) != "Az új kulcsot nem mentettük. A rendszerazonosító vagy az API kulcs hibás." {
		t.Fatalf("ReplaceKey wrong: %v, stored %q", err, sec.m["minicrm:98"])
	}
	mods, unchanged, err := svc.ReplaceKey(ctx, s, "good")
	if err != nil || unchanged || len(mods) != 1 || sec.m["minicrm:98"] != "good" {
		t.Fatalf("ReplaceKey good: %v %v, stored %q", mods, err, sec.m["minicrm:98"])
	}
}

// The stored key pasted again is neither tested (no network needed) nor
// written again.
func TestMiniCRMServiceSameKeyNeedsNoTest(t *testing.T) {
	ctx := context.Background()
	svc, st, sec, conn := newTestService("other") // the stored key would fail a test
	sec.m["minicrm:98"] = "same"
	s := MiniCRMSettings{SystemID: "98", Company: "7"}
	if err := svc.Save(ctx, &s, "same"); err != nil {
		t.Fatalf("Save with the stored key: %v", err)
	}
	if conn.calls != 0 || st.saved == nil || st.saved.Company != "7" || sec.m["minicrm:98"] != "same" {
		t.Fatalf("calls %d, saved %+v", conn.calls, st.saved)
	}
	mods, unchanged, err := svc.ReplaceKey(ctx, s, "same")
	if err != nil || !unchanged || mods != nil || conn.calls != 0 {
		t.Fatalf("ReplaceKey with the stored key: %v %v %v, %d calls", mods, unchanged, err, conn.calls)
	}
	// Behind the environment override the keyring's own key still counts.
	sec.override = map[string]string{"minicrm:98": "envkey"}
	svc.Secrets = peekSecrets{sec}
	if _, unchanged, err := svc.ReplaceKey(ctx, s, "same"); err != nil || !unchanged || conn.calls != 0 {
		t.Fatalf("behind the override: %v %v, %d calls", unchanged, err, conn.calls)
	}
}

func TestMiniCRMServiceFailuresSayNothingWasSaved(t *testing.T) {
	ctx := context.Background()
	svc, st, sec, _ := newTestService("good")
	s := MiniCRMSettings{SystemID: "98a"}
	err := svc.Save(ctx, &s, "")
	if msg := ErrorMessage(err); !strings.HasPrefix(msg, "A beállításokat nem mentettük. A MiniCRM beállítások hibásak.") ||
		FieldErrors(err)[0].Field != "systemId" || ErrorCode(err) != EInvalid {
		t.Errorf("invalid settings: %q", msg)
	}
	sec.err = &Error{Code: EUnavailable, Message: "A rendszer kulcstartója nem érhető el."}
	s = MiniCRMSettings{SystemID: "98"}
	err = svc.Save(ctx, &s, "good")
	if msg := ErrorMessage(err); msg != "A kulcsot és a beállításokat nem mentettük. A rendszer kulcstartója nem érhető el." ||
		ErrorCode(err) != EUnavailable || st.saved != nil {
		t.Errorf("keyring down: %q, saved %v", msg, st.saved)
	}
}

func TestMiniCRMServiceInvalidSettingsStoreNothing(t *testing.T) {
	svc, st, sec, _ := newTestService("k")
	s := MiniCRMSettings{SystemID: "abc"}
	if err := svc.Save(context.Background(), &s, "k"); ErrorCode(err) != EInvalid {
		t.Fatalf("got %v", err)
	}
	s = MiniCRMSettings{SystemID: "98"}
	err := svc.Save(context.Background(), &s, "bad key with spaces")
	if ErrorCode(err) != EInvalid || FieldErrors(err)[0].Field != "apiKey" || strings.Contains(err.Error(), "spaces") {
		t.Fatalf("bad key: %v", err)
	}
	if len(sec.m) != 0 || st.saved != nil {
		t.Fatalf("stored %v / %v", sec.m, st.saved)
	}
}

func TestMiniCRMServiceKeyringFailureSavesNothing(t *testing.T) {
	svc, st, sec, _ := newTestService("k")
	sec.err = &Error{Code: EUnavailable, Message: "A kulcstartó nem érhető el."}
	s := MiniCRMSettings{SystemID: "98"}
	err := svc.Save(context.Background(), &s, "k")
	if ErrorMessage(err) != "A kulcsot és a beállításokat nem mentettük. A kulcstartó nem érhető el." || st.saved != nil {
		t.Fatalf("got %v, saved %v", err, st.saved)
	}
}

func TestMiniCRMServiceTest(t *testing.T) {
	ctx := context.Background()
	svc, _, sec, _ := newTestService("good")
	s := MiniCRMSettings{SystemID: "98"}
	_, err := svc.Test(ctx, s, "")
	if ErrorCode(err) != ENotFound || !strings.Contains(ErrorMessage(err), "Nincs elmentett MiniCRM API kulcs") {
		t.Fatalf("no key: %v", err)
	}
	sec.m["minicrm:98"] = "good"
	if mods, err := svc.Test(ctx, s, ""); err != nil || mods[0].Name != "Értékesítés" {
		t.Fatalf("stored key: %v %v", mods, err)
	}
	if _, err := svc.Test(ctx, s, "other"); ErrorCode(err) != EUnavailable || !errors.Is(err, errUnauthorized) {
		t.Fatalf("wrong key: %v", err)
	}
	if _, err := svc.Test(ctx, MiniCRMSettings{SystemID: "x"}, "good"); ErrorCode(err) != EInvalid {
		t.Fatalf("bad settings: %v", err)
	}
}

func TestMiniCRMServiceEnvironmentOverride(t *testing.T) {
	ctx := context.Background()
	svc, _, sec, conn := newTestService("envkey")
	sec.override = map[string]string{"minicrm:98": "envkey"}
	if status, _ := svc.KeyStatus(ctx, "98"); status != KeyFromEnvironment {
		t.Errorf("KeyStatus = %v", status)
	}
	if _, err := svc.Test(ctx, MiniCRMSettings{SystemID: "98"}, ""); err != nil || conn.calls != 1 {
		t.Fatalf("Test with the environment key: %v", err)
	}
	if len(sec.m) != 0 {
		t.Error("the environment key was stored")
	}
}

func TestMiniCRMServiceStoredInKeyring(t *testing.T) {
	ctx := context.Background()
	svc, _, sec, _ := newTestService("k")
	if stored, err := svc.StoredInKeyring(ctx, "98"); stored || err != nil {
		t.Errorf("empty keyring: %v %v", stored, err)
	}
	sec.m["minicrm:98"] = "k"
	if stored, err := svc.StoredInKeyring(ctx, "98"); !stored || err != nil {
		t.Errorf("stored key: %v %v", stored, err)
	}
	sec.override = map[string]string{"minicrm:98": "envkey", "minicrm:99": "envkey"}
	if _, err := svc.StoredInKeyring(ctx, "98"); ErrorCode(err) != EUnavailable {
		t.Errorf("override without a look behind it: %v", err)
	}
	svc.Secrets = peekSecrets{sec}
	if stored, err := svc.StoredInKeyring(ctx, "98"); !stored || err != nil {
		t.Errorf("behind the override, stored: %v %v", stored, err)
	}
	if stored, err := svc.StoredInKeyring(ctx, "99"); stored || err != nil {
		t.Errorf("behind the override, none: %v %v", stored, err)
	}
	sec.err = &Error{Code: EUnavailable, Message: "A kulcstartó nem érhető el."}
	if stored, err := svc.StoredInKeyring(ctx, "98"); stored || ErrorCode(err) != EUnavailable {
		t.Errorf("keyring down: %v %v", stored, err)
	}
}
