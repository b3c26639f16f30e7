// Package secret keeps secrets (the MiniCRM API key) in the operating
// system's keyring through github.com/zalando/go-keyring: the Secret Service
// (gnome-keyring, KWallet) over D-Bus on Linux, the Keychain on macOS and
// the Credential Manager on Windows.
//
// Every call has a timeout: go-keyring has none, and on Linux it blocks for
// as long as an unlock prompt is open. Errors are *domain.Error values whose
// Hungarian message says how to get the keyring working. There is no
// plain-text fallback, by design.
package secret

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/zalando/go-keyring"

	"konnyuszamla/domain"
)

// Service is the keyring service name the app's secrets are stored under.
const Service = "konnyuszamla"

// DefaultTimeout bounds each keyring call.
const DefaultTimeout = 5 * time.Second

// Backend is the keyring the Store talks to; go-keyring by default. Tests
// substitute one that blocks or fails.
type Backend interface {
	Get(service, user string) (string, error)
	Set(service, user, password string) error
	Delete(service, user string) error
}

// Options configure a Store; the zero value is the app's real keyring.
type Options struct {
	Service string        // default Service
	Timeout time.Duration // default DefaultTimeout
	Backend Backend       // default the OS keyring (go-keyring)
}

// Store is a domain.SecretStore on the OS keyring. It is safe for
// concurrent use.
type Store struct {
	service string
	timeout time.Duration
	backend Backend
}

var _ domain.SecretStore = (*Store)(nil)

// New returns a Store. It does not touch the keyring: a missing or locked
// keyring is reported by the first call that needs it.
func New(opts Options) *Store {
	s := &Store{service: opts.Service, timeout: opts.Timeout, backend: opts.Backend}
	if s.service == "" {
		s.service = Service
	}
	if s.timeout <= 0 {
		s.timeout = DefaultTimeout
	}
	if s.backend == nil {
		s.backend = goKeyring{}
	}
	return s
}

// Get returns the secret of account; for one that has none, an ENotFound
// *domain.Error matching domain.ErrSecretNotFound.
func (s *Store) Get(ctx context.Context, account string) (string, error) {
	if account == "" {
		return "", errors.New("keyring get: empty account")
	}
	v, err := s.call(ctx, func() (string, error) { return s.backend.Get(s.service, account) })
	if err != nil {
		return "", classify("get", account, err, "")
	}
	return v, nil
}

// Set stores secret for account, replacing any previous one.
func (s *Store) Set(ctx context.Context, account, secret string) error {
	if account == "" {
		return errors.New("keyring set: empty account")
	}
	if secret == "" {
		// An empty secret would read back as "stored" and fail later.
		return domain.Errorf(domain.EInvalid, "Üres titkot nem mentünk a kulcstartóba.")
	}
	_, err := s.call(ctx, func() (string, error) { return "", s.backend.Set(s.service, account, secret) })
	if err != nil {
		return classify("set", account, err, secret)
	}
	return nil
}

// Delete removes the secret of account; deleting a missing one is not an
// error.
func (s *Store) Delete(ctx context.Context, account string) error {
	if account == "" {
		return errors.New("keyring delete: empty account")
	}
	_, err := s.call(ctx, func() (string, error) { return "", s.backend.Delete(s.service, account) })
	if err != nil && !errors.Is(err, keyring.ErrNotFound) {
		return classify("delete", account, err, "")
	}
	return nil
}

// call runs fn in its own goroutine and gives up after the timeout or when
// ctx ends. A call given up on keeps running until the keyring answers (a
// D-Bus call cannot be interrupted); its result is then dropped. So a Set
// reported as timed out may still land once the user unlocks the keyring,
// which is harmless: it stores what the user asked to store.
func (s *Store) call(ctx context.Context, fn func() (string, error)) (string, error) {
	type result struct {
		v   string
		err error
	}
	done := make(chan result, 1) // buffered: a late answer must not block forever
	go func() {
		defer func() {
			if p := recover(); p != nil {
				// The panic value could carry anything; keep only its type.
				done <- result{err: fmt.Errorf("keyring call panicked (%T)", p)}
			}
		}()
		v, err := fn()
		done <- result{v, err}
	}()
	timer := time.NewTimer(s.timeout)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.v, r.err
	case <-timer.C:
		return "", fmt.Errorf("%w after %s", ErrTimeout, s.timeout)
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// goKeyring is the real OS keyring.
type goKeyring struct{}

func (goKeyring) Get(service, user string) (string, error) { return keyring.Get(service, user) }
func (goKeyring) Set(service, user, password string) error {
	return keyring.Set(service, user, password)
}
func (goKeyring) Delete(service, user string) error { return keyring.Delete(service, user) }
