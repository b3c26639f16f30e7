package secret_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"konnyuszamla/domain"
	"konnyuszamla/storage/secret"
)

// These tests swap go-keyring's global provider for its in-memory mock, so
// they never touch a real keyring. The mock cannot be undone, which is why
// the real Secret Service test lives in its own package (realkeyring_test).

const testKey = "d9cb5e1f0a7b4c3d8e2f6a1b9c0d4a572"

func TestKeyringRoundTrip(t *testing.T) {
	keyring.MockInit()
	ctx := context.Background()
	s := secret.New(secret.Options{})
	account := domain.MiniCRMKeyAccount("98")

	_, err := s.Get(ctx, account)
	if domain.ErrorCode(err) != domain.ENotFound || !errors.Is(err, domain.ErrSecretNotFound) {
		t.Fatalf("Get before Set: %v", err)
	}
	if err := s.Set(ctx, account, testKey); err != nil {
		t.Fatal(err)
	}
	if v, err := s.Get(ctx, account); err != nil || v != testKey {
		t.Fatalf("Get = %q, %v", v, err)
	}
	// Stored under the app's service name, as the brief asks.
	if v, err := keyring.Get(secret.Service, "minicrm:98"); err != nil || v != testKey {
		t.Fatalf("keyring.Get(konnyuszamla, minicrm:98) = %q, %v", v, err)
	}
	other := secret.New(secret.Options{Service: "other-app"})
	if _, err := other.Get(ctx, account); !errors.Is(err, domain.ErrSecretNotFound) {
		t.Errorf("another service sees the secret: %v", err)
	}
	if err := s.Delete(ctx, account); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(ctx, account); !errors.Is(err, domain.ErrSecretNotFound) {
		t.Errorf("Get after Delete: %v", err)
	}
	if err := s.Delete(ctx, account); err != nil {
		t.Errorf("deleting a missing secret: %v", err)
	}
	if err := s.Set(ctx, account, ""); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("Set empty: %v", err)
	}
}

// The errors go-keyring returned on hosts without a usable Secret Service
// (docs toolchain.md §5.3).
var unavailableCauses = []error{
	errors.New(`exec: "dbus-launch": executable file not found in $PATH`),
	errors.New("dial unix /nonexistent: connect: no such file or directory"),
	errors.New("The name org.freedesktop.secrets was not provided by any .service files"),
	errors.New("failed to unlock correct collection '/org/freedesktop/secrets/aliases/default'"),
	keyring.ErrUnsupportedPlatform,
}

func TestKeyringUnavailableExplainsWhatToDo(t *testing.T) {
	ctx := context.Background()
	for _, cause := range unavailableCauses {
		keyring.MockInitWithError(cause)
		s := secret.New(secret.Options{})
		for name, err := range map[string]error{
			"get": func() error { _, err := s.Get(ctx, "minicrm:98"); return err }(),
			"set": s.Set(ctx, "minicrm:98", testKey),
		} {
			msg := domain.ErrorMessage(err)
			if domain.ErrorCode(err) != domain.EUnavailable || !errors.Is(err, secret.ErrUnavailable) || !errors.Is(err, cause) {
				t.Errorf("%s with %q: %v", name, cause, err)
			}
			if runtime.GOOS == "linux" && (!strings.Contains(msg, "gnome-keyring") || !strings.Contains(msg, "KWallet")) {
				t.Errorf("%s: message does not say what to do: %q", name, msg)
			}
			if !strings.Contains(msg, "nem tároljuk egyszerű fájlban") {
				t.Errorf("%s: message does not rule out a plain-text fallback: %q", name, msg)
			}
		}
	}
	keyring.MockInitWithError(keyring.ErrSetDataTooBig)
	if err := secret.New(secret.Options{}).Set(ctx, "minicrm:98", testKey); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("too big: %v", err)
	}
}

// echoBackend fails with an error that repeats the password, as a badly
// written provider might.
type echoBackend struct{}

func (echoBackend) Get(string, string) (string, error) { return "", errors.New("boom") }
func (echoBackend) Set(_, _, password string) error {
	return fmt.Errorf("cannot store %q", password)
}
func (echoBackend) Delete(string, string) error { return errors.New("boom") }

func TestKeyringErrorsNeverContainTheSecret(t *testing.T) {
	err := secret.New(secret.Options{Backend: echoBackend{}}).Set(context.Background(), "minicrm:98", testKey)
	if err == nil {
		t.Fatal("no error")
	}
	for e := err; e != nil; e = errors.Unwrap(e) {
		if strings.Contains(e.Error(), testKey) || strings.Contains(fmt.Sprintf("%+v", e), testKey) {
			t.Fatalf("the key is in %T: %v", e, e)
		}
	}
}

// blockingBackend never answers until released, like go-keyring waiting on
// an unlock prompt.
type blockingBackend struct{ release chan struct{} }

func (b blockingBackend) Get(string, string) (string, error) { <-b.release; return "late", nil }
func (b blockingBackend) Set(string, string, string) error   { <-b.release; return nil }
func (b blockingBackend) Delete(string, string) error        { <-b.release; return nil }

func TestKeyringCallTimesOut(t *testing.T) {
	b := blockingBackend{release: make(chan struct{})}
	t.Cleanup(func() { close(b.release) }) // let the abandoned calls finish
	s := secret.New(secret.Options{Backend: b, Timeout: 50 * time.Millisecond})
	ctx := context.Background()

	start := time.Now()
	_, err := s.Get(ctx, "minicrm:98")
	if elapsed := time.Since(start); elapsed < 50*time.Millisecond || elapsed > 2*time.Second {
		t.Errorf("gave up after %v", elapsed)
	}
	if domain.ErrorCode(err) != domain.EUnavailable || !errors.Is(err, secret.ErrTimeout) ||
		!strings.Contains(domain.ErrorMessage(err), "feloldásra vár") {
		t.Fatalf("Get: %v", err)
	}
	if err := s.Set(ctx, "minicrm:98", testKey); !errors.Is(err, secret.ErrTimeout) {
		t.Errorf("Set: %v", err)
	}
	if err := s.Delete(ctx, "minicrm:98"); !errors.Is(err, secret.ErrTimeout) {
		t.Errorf("Delete: %v", err)
	}

	// The caller's context ends the wait too, before the timeout.
	long := secret.New(secret.Options{Backend: b, Timeout: time.Hour})
	cctx, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if _, err := long.Get(cctx, "minicrm:98"); domain.ErrorCode(err) != domain.EUnavailable {
		t.Errorf("cancelled: %v", err)
	}
}

type panicBackend struct{}

func (panicBackend) Get(string, string) (string, error) { panic("dbus exploded") }
func (panicBackend) Set(string, string, string) error   { panic("dbus exploded") }
func (panicBackend) Delete(string, string) error        { panic("dbus exploded") }

func TestKeyringPanicIsAnError(t *testing.T) {
	_, err := secret.New(secret.Options{Backend: panicBackend{}}).Get(context.Background(), "minicrm:98")
	if domain.ErrorCode(err) != domain.EUnavailable {
		t.Fatalf("got %v", err)
	}
}
