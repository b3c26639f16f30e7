package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"golang.org/x/crypto/bcrypt"

	"konnyuszamla/domain"
)

var (
	_ domain.AccountStore   = (*DB)(nil)
	_ domain.PasswordHasher = BcryptHasher{}
)

// DefaultPasswordCost is the bcrypt cost of new password hashes: 2^11
// rounds, about 0.1 s on a current laptop, so a stolen database file costs
// an attacker that much per guess while a login stays instant to a person.
const DefaultPasswordCost = 11

// BcryptHasher implements domain.PasswordHasher with bcrypt, which salts
// every hash. Cost 0 means DefaultPasswordCost; a cost below bcrypt's
// minimum is raised to it (tests use that to stay fast).
type BcryptHasher struct{ Cost int }

// Hash implements domain.PasswordHasher.
func (h BcryptHasher) Hash(password string) (string, error) {
	cost := h.Cost
	if cost == 0 {
		cost = DefaultPasswordCost
	}
	b, err := bcrypt.GenerateFromPassword([]byte(password), max(cost, bcrypt.MinCost))
	if err != nil {
		return "", fmt.Errorf("bcrypt: %w", err)
	}
	return string(b), nil
}

// Verify implements domain.PasswordHasher.
func (BcryptHasher) Verify(hash, password string) (bool, error) {
	err := bcrypt.CompareHashAndPassword([]byte(hash), []byte(password))
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, bcrypt.ErrMismatchedHashAndPassword):
		return false, nil
	}
	return false, fmt.Errorf("bcrypt: %w", err)
}

// AccountService returns the owner account service over this database,
// with bcrypt at DefaultPasswordCost and the database's clock.
func (db *DB) AccountService() *domain.AccountService {
	// db.Now is read at each call, so a test that replaces the clock after
	// building the service still drives it.
	return &domain.AccountService{Store: db, Hasher: BcryptHasher{}, Now: func() time.Time { return db.Now() }}
}

// Account implements domain.AccountStore.
func (db *DB) Account(ctx context.Context) (*domain.Account, error) {
	var (
		a                    domain.Account
		ask                  int
		lockedUntil, created string
	)
	err := db.sql.QueryRowContext(ctx, `SELECT user_name, password_hash, ask_at_start, failures, locked_until, created_at
		FROM account WHERE id = 1`).Scan(&a.UserName, &a.PasswordHash, &ask, &a.Failures, &lockedUntil, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.Errorf(domain.ENotFound, "Még nincs felhasználói fiók.")
	}
	if err != nil {
		return nil, fmt.Errorf("read account: %w", err)
	}
	a.AskAtStart = ask == 1
	if a.LockedUntil, err = acctParseTime(lockedUntil); err != nil {
		return nil, fmt.Errorf("read account lock: %w", err)
	}
	if a.CreatedAt, err = acctParseTime(created); err != nil {
		return nil, fmt.Errorf("read account creation: %w", err)
	}
	return &a, nil
}

// CreateAccount implements domain.AccountStore.
func (db *DB) CreateAccount(ctx context.Context, a *domain.Account) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		// The write lock is taken at BEGIN (_txlock=immediate), so a second
		// process cannot create its account between this check and the insert.
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM account`).Scan(&n); err != nil {
			return fmt.Errorf("check account: %w", err)
		}
		if n > 0 {
			return domain.Errorf(domain.EConflict, "Már van felhasználói fiók; csak egy lehet.")
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO account
			(id, user_name, password_hash, ask_at_start, failures, locked_until, created_at, updated_at)
			VALUES (1, ?, ?, ?, ?, ?, ?, ?)`,
			a.UserName, a.PasswordHash, boolInt(a.AskAtStart), a.Failures, optionalTime(a.LockedUntil),
			formatTime(a.CreatedAt), formatTime(db.Now()))
		if err != nil {
			return fmt.Errorf("create account: %w", err)
		}
		return nil
	})
}

// SaveAccount implements domain.AccountStore.
func (db *DB) SaveAccount(ctx context.Context, a *domain.Account) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE account SET user_name = ?, password_hash = ?, ask_at_start = ?,
			failures = ?, locked_until = ?, updated_at = ? WHERE id = 1`,
			a.UserName, a.PasswordHash, boolInt(a.AskAtStart), a.Failures, optionalTime(a.LockedUntil), formatTime(db.Now()))
		if err != nil {
			return fmt.Errorf("save account: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return domain.Errorf(domain.ENotFound, "Még nincs felhasználói fiók.")
		}
		return nil
	})
}

// acctParseTime reads what optionalTime and formatTime write.
func acctParseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(time.RFC3339Nano, s)
}
