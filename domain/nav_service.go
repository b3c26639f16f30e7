package domain

import (
	"context"
	"errors"
	"fmt"
)

// NAVService is the NAV reporting setup shared by the settings screen, the
// headless commands and the report queue: settings in the database, the
// technical user's secrets in the keyring.
type NAVService struct {
	Settings  NAVSettingsStore
	Secrets   SecretStore
	Connector NAVConnector // may be nil: no connection test
}

// NAVSetup is what the settings screen shows: the settings and which
// secrets are stored (never the secrets themselves).
type NAVSetup struct {
	Settings NAVSettings
	Stored   map[string]bool // by kind: NAVSecretPassword, …
}

// Ready reports whether reports can be sent: settings and all secrets.
func (s NAVSetup) Ready() bool {
	return s.Settings.Configured() && s.Stored[NAVSecretPassword] && s.Stored[NAVSecretSignKey] && s.Stored[NAVSecretExchangeKey]
}

// NAVNotSetUpMessage is what the user sees while reporting is not set up.
const NAVNotSetUpMessage = "A NAV adatszolgáltatás nincs beállítva: a számlák jelentései a sorban várnak, " +
	"amíg a NAV beállításokban meg nem adja a technikai felhasználó adatait."

// Setup reads the settings and which secrets are in the keyring.
func (n *NAVService) Setup(ctx context.Context) (NAVSetup, error) {
	s, err := n.Settings.NAVSettings(ctx)
	if err != nil {
		return NAVSetup{}, fmt.Errorf("read nav settings: %w", err)
	}
	setup := NAVSetup{Settings: s, Stored: map[string]bool{}}
	if s.Login == "" {
		return setup, nil
	}
	for _, kind := range []string{NAVSecretPassword, NAVSecretSignKey, NAVSecretExchangeKey} {
		_, err := n.Secrets.Get(ctx, NAVSecretAccount(s, kind))
		switch {
		case err == nil:
			setup.Stored[kind] = true
		case !errors.Is(err, ErrSecretNotFound):
			return setup, err
		}
	}
	return setup, nil
}

// Credentials returns the settings with every secret; an ENotFound *Error
// with NAVNotSetUpMessage when anything is missing.
func (n *NAVService) Credentials(ctx context.Context) (NAVSettings, NAVSecrets, error) {
	s, err := n.Settings.NAVSettings(ctx)
	if err != nil {
		return s, NAVSecrets{}, fmt.Errorf("read nav settings: %w", err)
	}
	if !s.Configured() {
		return s, NAVSecrets{}, &Error{Code: ENotFound, Message: NAVNotSetUpMessage}
	}
	var sec NAVSecrets
	for kind, dst := range map[string]*string{NAVSecretPassword: &sec.Password, NAVSecretSignKey: &sec.SignKey, NAVSecretExchangeKey: &sec.ExchangeKey} {
		v, err := n.Secrets.Get(ctx, NAVSecretAccount(s, kind))
		if errors.Is(err, ErrSecretNotFound) {
			return s, NAVSecrets{}, &Error{Code: ENotFound, Err: err, Message: NAVNotSetUpMessage}
		}
		if err != nil {
			return s, NAVSecrets{}, err
		}
		*dst = v
	}
	return s, sec, nil
}

// Save validates and stores the settings; the non-empty secrets go to the
// keyring first, so that nothing is saved when the keyring refuses them.
func (n *NAVService) Save(ctx context.Context, s *NAVSettings, secrets NAVSecrets) error {
	s.Normalize()
	var fe fieldErrors
	for _, f := range []struct{ kind, label, value string }{
		{NAVSecretPassword, "Jelszó", secrets.Password},
		{NAVSecretSignKey, "Aláírókulcs", secrets.SignKey},
		{NAVSecretExchangeKey, "Cserekulcs", secrets.ExchangeKey},
	} {
		if msg := validateNAVSecret(f.kind, f.value); msg != "" {
			fe.add(f.kind, f.label, msg)
		}
	}
	if err := s.Validate(); err != nil {
		return mergeFieldErrors(err, fe)
	}
	if err := fe.err("A NAV beállítások hibásak."); err != nil {
		return err
	}
	for kind, v := range map[string]string{NAVSecretPassword: secrets.Password, NAVSecretSignKey: secrets.SignKey, NAVSecretExchangeKey: secrets.ExchangeKey} {
		if v == "" {
			continue
		}
		if err := n.Secrets.Set(ctx, NAVSecretAccount(*s, kind), v); err != nil {
			return fmt.Errorf("store nav %s: %w", kind, err)
		}
	}
	if err := n.Settings.SaveNAVSettings(ctx, s); err != nil {
		return fmt.Errorf("save nav settings: %w", err)
	}
	return nil
}

// Test checks the settings against NAV with the given secrets, the stored
// ones standing in for those left empty.
func (n *NAVService) Test(ctx context.Context, s NAVSettings, secrets NAVSecrets) error {
	if n.Connector == nil {
		return errors.New("nav: no connector")
	}
	s.Normalize()
	if err := s.Validate(); err != nil {
		return err
	}
	for kind, dst := range map[string]*string{NAVSecretPassword: &secrets.Password, NAVSecretSignKey: &secrets.SignKey, NAVSecretExchangeKey: &secrets.ExchangeKey} {
		if *dst != "" {
			continue
		}
		v, err := n.Secrets.Get(ctx, NAVSecretAccount(s, kind))
		if errors.Is(err, ErrSecretNotFound) {
			return Errorf(EInvalid, "A kapcsolat teszteléséhez adja meg a jelszót, az aláírókulcsot és a cserekulcsot.")
		}
		if err != nil {
			return err
		}
		*dst = v
	}
	return n.Connector.TestConnection(ctx, s, secrets)
}

// mergeFieldErrors adds more field errors to a validation *Error.
func mergeFieldErrors(err error, more fieldErrors) error {
	var e *Error
	if len(more) == 0 || !errors.As(err, &e) {
		return err
	}
	e.Fields = append(e.Fields, more...)
	return e
}
