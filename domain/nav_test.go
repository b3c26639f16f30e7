package domain

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

type navMemSettings struct{ saved *NAVSettings }

func (m *navMemSettings) NAVSettings(context.Context) (NAVSettings, error) {
	if m.saved == nil {
		return NAVSettings{}, nil
	}
	return *m.saved, nil
}

func (m *navMemSettings) SaveNAVSettings(_ context.Context, s *NAVSettings) error {
	c := *s
	m.saved = &c
	return nil
}

func TestNAVSettingsValidate(t *testing.T) {
	s := NAVSettings{Login: " tesztuser01 ", TaxNumber: "12345676 2 42"}
	s.Normalize()
	if err := s.Validate(); err != nil || s.Login != "tesztuser01" || s.TaxNumber != "12345676-2-42" || s.TaxpayerID() != "12345676" {
		t.Errorf("%+v: %v", s, err)
	}
	s = NAVSettings{Login: "tesztuser01", TaxNumber: "12345676"}
	s.Normalize()
	if err := s.Validate(); err != nil || s.TaxpayerID() != "12345676" {
		t.Errorf("törzsszám alone: %v", err)
	}
	for _, bad := range []NAVSettings{{Login: "rövid", TaxNumber: "12345676"}, {Login: "ékezetes01", TaxNumber: "12345676"},
		{Login: "tesztuser01", TaxNumber: "12345678"}, {}} {
		bad.Normalize()
		if err := bad.Validate(); ErrorCode(err) != EInvalid {
			t.Errorf("%+v accepted", bad)
		}
	}
	if fmt.Sprint(NAVSecrets{Password: "titok"}) != "NAVSecrets{[REDACTED]}" || strings.Contains(fmt.Sprintf("%#v", NAVSecrets{SignKey: "titok"}), "titok") {
		t.Error("secrets are printed")
	}
	if NAVSecretAccount(NAVSettings{Login: "u1", Production: true}, NAVSecretSignKey) != "nav:prod:u1:signkey" {
		t.Error("account name")
	}
}

func TestNAVServiceSaveAndCredentials(t *testing.T) {
	settings, secrets := &navMemSettings{}, &memSecrets{m: map[string]string{}}
	svc := &NAVService{Settings: settings, Secrets: secrets}
	ctx := context.Background()
	if _, _, err := svc.Credentials(ctx); ErrorCode(err) != ENotFound || ErrorMessage(err) != NAVNotSetUpMessage {
		t.Errorf("not set up: %v", err)
	}
	s := NAVSettings{Login: "tesztuser01", TaxNumber: "12345676-2-42"}
	err := svc.Save(ctx, &s, NAVSecrets{Password: "p", SignKey: "k", ExchangeKey: "short"})
	if ErrorCode(err) != EInvalid || len(secrets.m) != 0 || settings.saved != nil {
		t.Fatalf("a short exchange key: %v; stored %v %v", err, secrets.m, settings.saved)
	}
	if err := svc.Save(ctx, &s, NAVSecrets{Password: "p", SignKey: "k"}); err != nil {
		t.Fatal(err)
	}
	setup, err := svc.Setup(ctx)
	if err != nil || setup.Ready() || !setup.Stored[NAVSecretPassword] || setup.Stored[NAVSecretExchangeKey] {
		t.Errorf("two of three secrets: %+v, %v", setup, err)
	}
	if _, _, err := svc.Credentials(ctx); ErrorCode(err) != ENotFound {
		t.Errorf("without the exchange key: %v", err)
	}
	if err := svc.Save(ctx, &s, NAVSecrets{ExchangeKey: "FA481F0C5F5A1EE3"}); err != nil {
		t.Fatal(err)
	}
	got, sec, err := svc.Credentials(ctx)
	if err != nil || got.Login != "tesztuser01" || sec.Password != "p" || sec.SignKey != "k" || sec.ExchangeKey != "FA481F0C5F5A1EE3" {
		t.Errorf("credentials: %+v %v", got, err)
	}
	secrets.err = errors.New("keyring locked")
	if err := svc.Save(ctx, &s, NAVSecrets{Password: "new"}); err == nil {
		t.Error("saved although the keyring refused the secret")
	}
}

func TestNAVResendable(t *testing.T) {
	msg := func(sev, code string, tech bool) NAVMessage {
		return NAVMessage{Severity: sev, Code: code, Technical: tech}
	}
	for _, tc := range []struct {
		msgs []NAVMessage
		want bool
	}{
		{nil, false},
		{[]NAVMessage{msg("WARN", "X", false)}, false},
		{[]NAVMessage{msg("ERROR", "INCORRECT_HEAD_DATA_CUSTOMER_TAX_NUMBER", false)}, false},
		{[]NAVMessage{msg("ERROR", "INVOICE_NUMBER_NOT_UNIQUE", false)}, false},
		{[]NAVMessage{msg("ERROR", "SUPPLIER_TAX_NUMBER_MISMATCH", false), msg("WARN", "Y", false)}, true},
		{[]NAVMessage{msg("CRITICAL", "SCHEMA", true)}, true},
		{[]NAVMessage{msg("ERROR", NAVLocalError, false)}, true},
		{[]NAVMessage{msg("ERROR", "INVALID_INVOICE_REFERENCE", false), msg("ERROR", "LINE_NUMBER_NOT_SEQUENTIAL", false)}, false},
	} {
		if got := NAVResendable(tc.msgs); got != tc.want {
			t.Errorf("%+v: %v", tc.msgs, got)
		}
		r := NAVReport{State: NAVAborted, Messages: tc.msgs}
		if advice := NAVAdvice(&r); advice == "" {
			t.Errorf("no advice for %+v", tc.msgs)
		}
	}
	if (NAVReport{State: NAVDone}).Resendable() {
		t.Error("an accepted report is resendable")
	}
	for _, s := range []NAVState{NAVPending, NAVSending, NAVUnknown, NAVReceived, NAVProcessing, NAVDone, NAVAborted} {
		if s.Label() == string(s) {
			t.Errorf("%s has no Hungarian label", s)
		}
	}
}
