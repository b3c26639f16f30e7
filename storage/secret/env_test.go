package secret_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"konnyuszamla/domain"
	"konnyuszamla/storage/secret"
)

func env(vals map[string]string) func(string) string {
	return func(k string) string { return vals[k] }
}

func TestEnvOverrideAnswersMiniCRMAccounts(t *testing.T) {
	keyring.MockInit()
	ctx := context.Background()
	base := secret.New(secret.Options{})
	o := secret.WithEnvOverride(base, env(map[string]string{secret.EnvAPIKey: " " + testKey + "\n"}))
	if !o.Active() || !o.Overridden("minicrm:98") || o.Overridden("nav:token") {
		t.Fatalf("Active %v, Overridden %v/%v", o.Active(), o.Overridden("minicrm:98"), o.Overridden("nav:token"))
	}
	if v, err := o.Get(ctx, "minicrm:98"); err != nil || v != testKey {
		t.Fatalf("Get = %q, %v", v, err)
	}
	// Other accounts still come from the keyring.
	if _, err := o.Get(ctx, "nav:token"); !errors.Is(err, domain.ErrSecretNotFound) {
		t.Errorf("other account: %v", err)
	}
	// The environment's value is never written to the keyring.
	if _, err := base.Get(ctx, "minicrm:98"); !errors.Is(err, domain.ErrSecretNotFound) {
		t.Errorf("the override was stored: %v", err)
	}
	// An explicit Set still reaches the keyring; Get keeps the override.
	if err := o.Set(ctx, "minicrm:98", "other"); err != nil {
		t.Fatal(err)
	}
	if v, _ := base.Get(ctx, "minicrm:98"); v != "other" {
		t.Errorf("keyring has %q", v)
	}
	if v, _ := o.Get(ctx, "minicrm:98"); v != testKey {
		t.Errorf("override lost: %q", v)
	}
	if err := o.Delete(ctx, "minicrm:98"); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{fmt.Sprint(o), fmt.Sprintf("%v %+v %#v", o, o, o), fmt.Sprintf("%+v", *o)} {
		if strings.Contains(s, testKey) {
			t.Errorf("printing the override shows the key: %s", s)
		}
	}
}

func TestEnvOverrideInactive(t *testing.T) {
	keyring.MockInit()
	o := secret.WithEnvOverride(secret.New(secret.Options{}), env(nil))
	if o.Active() || o.Overridden("minicrm:98") {
		t.Fatal("active without the variable")
	}
	if _, err := o.Get(context.Background(), "minicrm:98"); !errors.Is(err, domain.ErrSecretNotFound) {
		t.Errorf("Get: %v", err)
	}
}
