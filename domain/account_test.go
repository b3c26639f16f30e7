package domain

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestValidateCredentialsReportsEveryField(t *testing.T) {
	err := ValidateCredentials("   ", "rövid", "más")
	got := map[string]string{}
	for _, f := range FieldErrors(err) {
		got[f.Field] = f.Label + ": " + f.Message
	}
	want := map[string]string{
		"userName":      "Felhasználónév: kötelező",
		"password":      "Jelszó: legalább 8 karakter legyen (most 5)",
		"passwordAgain": "Jelszó még egyszer: nem egyezik a jelszóval",
	}
	if ErrorCode(err) != EInvalid || len(got) != len(want) {
		t.Fatalf("err = %v", err)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q", k, got[k], v)
		}
	}
	if err := ValidateCredentials("anna", "árvíztűrő", "árvíztűrő"); err != nil {
		t.Errorf("8+ accented characters refused: %v", err)
	}
	long := strings.Repeat("é", 37) // 74 bytes: bcrypt would ignore the tail
	if err := ValidateNewPassword(long, long); !strings.Contains(ErrorMessage(err), "legfeljebb 72 bájt") {
		t.Errorf("too long password: %v", err)
	}
}

func TestLoginLockoutAfterFiveFailures(t *testing.T) {
	ctx := context.Background()
	subs, store, clock := newSubServices()
	acc := subs.Accounts

	for i := 1; i <= 4; i++ {
		err := acc.Login(ctx, "anna", "rossz-jelszo")
		left := MaxLoginFailures - i
		if !errors.Is(err, ErrWrongCredentials) || !strings.Contains(ErrorMessage(err), "Még "+itoa(left)+" próbálkozás maradt") {
			t.Fatalf("failure %d: %v", i, err)
		}
	}
	// A wrong user name with the right password is just as wrong.
	err := acc.Login(ctx, "bela", "titkos123")
	if !errors.Is(err, ErrLoginLocked) || !strings.Contains(ErrorMessage(err), "5 sikertelen kísérlet után a belépés 1 percig le van tiltva") {
		t.Fatalf("fifth failure: %v", err)
	}

	clock.Advance(15 * time.Second)
	saves := store.saves
	err = acc.Login(ctx, "anna", "titkos123")
	if ErrorCode(err) != EUnavailable || !errors.Is(err, ErrLoginLocked) ||
		!strings.HasSuffix(ErrorMessage(err), "Próbálja újra 45 másodperc múlva.") {
		t.Fatalf("the right password while locked: %v", err)
	}
	if store.saves != saves {
		t.Error("an attempt while locked was stored (it must not even be checked)")
	}

	clock.Advance(45 * time.Second) // exactly a minute after the lock
	if err := acc.Login(ctx, "ANNA ", "titkos123"); err != nil {
		t.Fatalf("after a minute: %v", err)
	}
	if store.account.Failures != 0 || !store.account.LockedUntil.IsZero() {
		t.Errorf("a good login left %d failures, lock %v", store.account.Failures, store.account.LockedUntil)
	}
}

func TestLockRunsOutWithFreshAttempts(t *testing.T) {
	a := &Account{}
	for range MaxLoginFailures {
		_ = a.RecordAttempt(subDay, false)
	}
	if a.LockedFor(subDay.Add(59*time.Second)) != time.Second || a.LockedFor(subDay.Add(time.Minute)) != 0 {
		t.Fatalf("lock until %v", a.LockedUntil)
	}
	err := a.RecordAttempt(subDay.Add(2*time.Minute), false)
	if !strings.Contains(ErrorMessage(err), "Még 4 próbálkozás maradt") {
		t.Errorf("first failure after the lock ran out: %v", err)
	}
}

func TestAccountCreateOnceAndChangePassword(t *testing.T) {
	ctx := context.Background()
	subs, store, _ := newSubServices()
	acc := subs.Accounts
	if store.account.PasswordHash == "titkos123" || store.account.UserName != "anna" {
		t.Fatalf("stored %+v", store.account)
	}
	if err := acc.Create(ctx, "bela", "masikjelszo", "masikjelszo", false); ErrorCode(err) != EConflict {
		t.Errorf("second account: %v", err)
	}

	err := acc.ChangePassword(ctx, "titkos123", "uj", "uj")
	if ErrorCode(err) != EInvalid || len(FieldErrors(err)) != 1 || store.account.Failures != 0 {
		t.Errorf("short new password: %v (failures %d)", err, store.account.Failures)
	}
	if err := acc.ChangePassword(ctx, "rossz-jelszo", "ujjelszo1", "ujjelszo1"); !errors.Is(err, ErrWrongCredentials) {
		t.Errorf("wrong current password: %v", err)
	}
	if store.account.Failures != 1 {
		t.Errorf("a wrong current password did not count: %d", store.account.Failures)
	}
	if err := acc.ChangePassword(ctx, "titkos123", "ujjelszo1", "ujjelszo1"); err != nil {
		t.Fatal(err)
	}
	if err := acc.Login(ctx, "anna", "titkos123"); !errors.Is(err, ErrWrongCredentials) {
		t.Errorf("the old password still works: %v", err)
	}
	if err := acc.Login(ctx, "anna", "ujjelszo1"); err != nil {
		t.Errorf("the new password: %v", err)
	}

	if on, _ := acc.AskAtStart(ctx); on {
		t.Fatal("asks at start by default")
	}
	if err := acc.SetAskAtStart(ctx, true); err != nil {
		t.Fatal(err)
	}
	if on, _ := acc.AskAtStart(ctx); !on {
		t.Error("ask at start not stored")
	}
}

func TestNoAccountYet(t *testing.T) {
	acc := &AccountService{Store: newMemSubStore(), Hasher: plainHasher{}, Now: time.Now}
	if ok, err := acc.Exists(context.Background()); ok || err != nil {
		t.Fatalf("exists %v, %v", ok, err)
	}
	err := acc.Login(context.Background(), "anna", "titkos123")
	if ErrorCode(err) != ENotFound || !strings.Contains(ErrorMessage(err), "konnyuszamla account create") {
		t.Errorf("login without account: %v", err)
	}
}
