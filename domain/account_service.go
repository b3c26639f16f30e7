package domain

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// AccountStore keeps the one owner account.
type AccountStore interface {
	// Account returns the owner account, or an ENotFound *Error before
	// one has been created.
	Account(ctx context.Context) (*Account, error)
	// CreateAccount stores the first account; EConflict when one exists.
	CreateAccount(ctx context.Context, a *Account) error
	// SaveAccount replaces the stored account (hash, setting, failures).
	SaveAccount(ctx context.Context, a *Account) error
}

// AccountService is the owner account as the first-start dialog, the
// start-up login, the activation and the account create command use it.
// Errors are *Error values: EInvalid with field errors for bad input,
// EInvalid wrapping ErrWrongCredentials for a wrong login, EUnavailable
// wrapping ErrLoginLocked while locked, ENotFound before the account
// exists, EConflict when creating a second one.
type AccountService struct {
	Store  AccountStore
	Hasher PasswordHasher
	// Now is the clock of the lockout; tests pass a fake one.
	Now func() time.Time
}

// Exists reports whether the owner account has been created.
func (s *AccountService) Exists(ctx context.Context) (bool, error) {
	_, err := s.Store.Account(ctx)
	switch ErrorCode(err) {
	case "":
		return true, nil
	case ENotFound:
		return false, nil
	}
	return false, err
}

// Create validates and stores the owner account; only the hash of the
// password is kept.
func (s *AccountService) Create(ctx context.Context, userName, password, again string, askAtStart bool) error {
	if err := ValidateCredentials(userName, password, again); err != nil {
		return err
	}
	exists, err := s.Exists(ctx)
	if err != nil {
		return err
	}
	if exists {
		return Errorf(EConflict, "Már van felhasználói fiók; csak egy lehet. A jelszót az Előfizetések lapon módosíthatja.")
	}
	hash, err := s.Hasher.Hash(password)
	if err != nil {
		return fmt.Errorf("hash password: %w", err)
	}
	a := &Account{UserName: strings.TrimSpace(userName), PasswordHash: hash, AskAtStart: askAtStart, CreatedAt: s.Now()}
	return s.Store.CreateAccount(ctx, a)
}

// account reads the account, turning "none yet" into a message that says
// how to make one.
func (s *AccountService) account(ctx context.Context) (*Account, error) {
	a, err := s.Store.Account(ctx)
	if ErrorCode(err) == ENotFound {
		return nil, &Error{Code: ENotFound, Err: err, Message: "Még nincs felhasználói fiók. " +
			"A program első indításakor hozhatja létre, vagy: konnyuszamla account create."}
	}
	return a, err
}

// Login checks the user name and password, counting wrong attempts: after
// MaxLoginFailures in a row it refuses every login for LoginLockout.
func (s *AccountService) Login(ctx context.Context, userName, password string) error {
	a, err := s.account(ctx)
	if err != nil {
		return err
	}
	return s.check(ctx, a, func() bool { return SameUserName(userName, a.UserName) }, password)
}

// check verifies password (and whatever else nameOK says) against a, and
// stores the new failure count whenever it changed.
func (s *AccountService) check(ctx context.Context, a *Account, nameOK func() bool, password string) error {
	now := s.Now()
	if a.LockedFor(now) > 0 {
		return a.LockedError(now)
	}
	// The hash is checked even for a wrong user name, so both mistakes
	// look and take the same.
	match, err := s.Hasher.Verify(a.PasswordHash, password)
	if err != nil {
		return fmt.Errorf("verify password: %w", err)
	}
	before := *a
	result := a.RecordAttempt(now, match && nameOK())
	if *a != before {
		if err := s.Store.SaveAccount(ctx, a); err != nil {
			return fmt.Errorf("save login attempt: %w", err)
		}
	}
	return result
}

// ChangePassword replaces the password after checking the current one
// (a wrong one counts as a failed login).
func (s *AccountService) ChangePassword(ctx context.Context, current, password, again string) error {
	a, err := s.account(ctx)
	if err != nil {
		return err
	}
	if err := ValidateNewPassword(password, again); err != nil {
		return err
	}
	if err := s.check(ctx, a, func() bool { return true }, current); err != nil {
		return err
	}
	hash, err := s.Hasher.Hash(password)
	if err != nil {
		return fmt.Errorf("hash password: %w", err)
	}
	a.PasswordHash = hash
	return s.Store.SaveAccount(ctx, a)
}

// UserName returns the owner's user name.
func (s *AccountService) UserName(ctx context.Context) (string, error) {
	a, err := s.account(ctx)
	if err != nil {
		return "", err
	}
	return a.UserName, nil
}

// AskAtStart reports whether the app asks for the password when it starts.
func (s *AccountService) AskAtStart(ctx context.Context) (bool, error) {
	a, err := s.account(ctx)
	if err != nil {
		return false, err
	}
	return a.AskAtStart, nil
}

// SetAskAtStart switches the start-up password prompt on or off.
func (s *AccountService) SetAskAtStart(ctx context.Context, on bool) error {
	a, err := s.account(ctx)
	if err != nil {
		return err
	}
	if a.AskAtStart == on {
		return nil
	}
	a.AskAtStart = on
	return s.Store.SaveAccount(ctx, a)
}
