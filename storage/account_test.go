package storage_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"konnyuszamla/domain"
	"konnyuszamla/storage"
)

// acctTestClock is a settable clock for the lockout tests.
type acctTestClock struct{ t time.Time }

func (c *acctTestClock) Now() time.Time { return c.t }

// fastAccounts is the account service over db with the cheapest bcrypt
// cost, so that a dozen logins stay fast under -race; the production cost
// is tested in TestAccountStoresOnlyASlowSaltedHash.
func fastAccounts(db *storage.DB, clock *acctTestClock) *domain.AccountService {
	return &domain.AccountService{Store: db, Hasher: storage.BcryptHasher{Cost: bcrypt.MinCost}, Now: clock.Now}
}

func TestAccountStoresOnlyASlowSaltedHash(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := mustOpenDir(t, dir)
	const password = "Árvíztűrő-tükörfúrógép-42"
	if err := db.AccountService().Create(ctx, " anna ", password, password, true); err != nil {
		t.Fatal(err)
	}
	a, err := db.Account(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if a.UserName != "anna" || !a.AskAtStart || !a.CreatedAt.Equal(fixedNow) {
		t.Errorf("stored %+v", a)
	}
	if cost, err := bcrypt.Cost([]byte(a.PasswordHash)); err != nil || cost < 10 {
		t.Errorf("hash cost %d, %v; want bcrypt cost ≥ 10", cost, err)
	}
	db.Close()
	for _, name := range []string{storage.FileName, storage.FileName + "-wal"} {
		data, _ := os.ReadFile(filepath.Join(dir, name))
		if bytes.Contains(data, []byte(password)) {
			t.Errorf("the password is readable in %s", name)
		}
	}

	// Salting and checking do not depend on the cost; the cheapest keeps
	// the test quick under -race.
	h := storage.BcryptHasher{Cost: bcrypt.MinCost}
	h1, _ := h.Hash(password)
	h2, _ := h.Hash(password)
	if h1 == h2 {
		t.Error("two hashes of the same password are equal: no salt")
	}
	for _, tt := range []struct {
		hash, password string
		want           bool
	}{{h1, password, true}, {h2, password, true}, {h1, "árvíztűrő-tükörfúrógép-42", false}, {h1, "", false}} {
		if ok, err := h.Verify(tt.hash, tt.password); ok != tt.want || err != nil {
			t.Errorf("Verify(%q) = %v, %v; want %v", tt.password, ok, err, tt.want)
		}
	}
	if _, err := h.Verify("nem-hash", password); err == nil {
		t.Error("a malformed hash verified without error")
	}
}

func TestAccountTableRefusesAPlainPassword(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	err := db.CreateAccount(ctx, &domain.Account{UserName: "anna", PasswordHash: "titkos123", CreatedAt: fixedNow})
	if err == nil {
		t.Fatal("a plain password was stored")
	}
	if _, err := db.Account(ctx); domain.ErrorCode(err) != domain.ENotFound {
		t.Errorf("after the refused insert: %v", err)
	}
}

func TestAccountCreateOnce(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	acc := fastAccounts(db, &acctTestClock{fixedNow})
	if ok, err := acc.Exists(ctx); ok || err != nil {
		t.Fatalf("exists on a new database: %v, %v", ok, err)
	}
	if err := acc.Create(ctx, "anna", "titkos123", "titkos123", false); err != nil {
		t.Fatal(err)
	}
	err := db.CreateAccount(ctx, &domain.Account{UserName: "bela", PasswordHash: strings.Repeat("x", 60)})
	if domain.ErrorCode(err) != domain.EConflict {
		t.Errorf("second account: %v", err)
	}
	if name, _ := acc.UserName(ctx); name != "anna" {
		t.Errorf("user name %q after a refused second account", name)
	}
}

func TestLoginLockoutSurvivesRestart(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	clock := &acctTestClock{fixedNow}
	db := mustOpenDir(t, dir)
	if err := fastAccounts(db, clock).Create(ctx, "anna", "titkos123", "titkos123", false); err != nil {
		t.Fatal(err)
	}
	for i := range domain.MaxLoginFailures {
		err := fastAccounts(db, clock).Login(ctx, "anna", "rossz-jelszo")
		if !errors.Is(err, domain.ErrWrongCredentials) {
			t.Fatalf("failure %d: %v", i+1, err)
		}
	}
	db.Close()

	// Restarting the app does not lift the lock.
	db = mustOpenDir(t, dir)
	clock.t = fixedNow.Add(30 * time.Second)
	err := fastAccounts(db, clock).Login(ctx, "anna", "titkos123")
	if !errors.Is(err, domain.ErrLoginLocked) || !strings.Contains(domain.ErrorMessage(err), "30 másodperc múlva") {
		t.Fatalf("right password 30 s into the lock: %v", err)
	}
	clock.t = fixedNow.Add(time.Minute)
	if err := fastAccounts(db, clock).Login(ctx, "anna", "titkos123"); err != nil {
		t.Fatalf("a minute later: %v", err)
	}
	if a, _ := db.Account(ctx); a.Failures != 0 || !a.LockedUntil.IsZero() {
		t.Errorf("after a good login: %d failures, locked until %v", a.Failures, a.LockedUntil)
	}
}

func TestPasswordChangeAndStartPrompt(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	acc := fastAccounts(db, &acctTestClock{fixedNow})
	if err := acc.Create(ctx, "anna", "titkos123", "titkos123", false); err != nil {
		t.Fatal(err)
	}
	if err := acc.ChangePassword(ctx, "titkos123", "ujjelszo-2026", "ujjelszo-2026"); err != nil {
		t.Fatal(err)
	}
	if err := acc.SetAskAtStart(ctx, true); err != nil {
		t.Fatal(err)
	}
	if err := acc.Login(ctx, "anna", "titkos123"); !errors.Is(err, domain.ErrWrongCredentials) {
		t.Errorf("old password after the change: %v", err)
	}
	if err := acc.Login(ctx, "anna", "ujjelszo-2026"); err != nil {
		t.Errorf("new password: %v", err)
	}
	if on, _ := acc.AskAtStart(ctx); !on {
		t.Error("the start-up prompt setting was not stored")
	}
}
