package domain

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits of the owner account.
const (
	MinPasswordLen = 8 // characters
	// MaxPasswordBytes is bcrypt's limit: it ignores (and x/crypto refuses)
	// anything past 72 bytes, so a longer password would not protect more.
	MaxPasswordBytes = 72
	MaxUserNameLen   = 64
	// MaxLoginFailures wrong attempts in a row lock the login for
	// LoginLockout, which makes guessing the password by hand hopeless.
	MaxLoginFailures = 5
	LoginLockout     = time.Minute
)

// Account is the owner of the data (there is exactly one). Its user name
// and password are asked at the activation of a subscription and, when the
// owner wants it, at every start. Only a slow salted hash of the password
// is kept.
type Account struct {
	UserName     string
	PasswordHash string
	// AskAtStart: the app asks for the password before it shows any data.
	AskAtStart bool
	// Failures counts the wrong logins in a row since the last good one.
	Failures int
	// LockedUntil is when logging in is possible again after
	// MaxLoginFailures wrong attempts; zero when not locked.
	LockedUntil time.Time
	CreatedAt   time.Time
}

// PasswordHasher makes and checks password hashes; storage implements it
// with bcrypt (the standard library has no slow password hash).
type PasswordHasher interface {
	// Hash returns a salted hash of password.
	Hash(password string) (string, error)
	// Verify reports whether password matches hash; the error is for a
	// malformed hash only.
	Verify(hash, password string) (bool, error)
}

// Sentinels carried (errors.Is) by the *Error of a refused login.
var (
	ErrWrongCredentials = errors.New("wrong user name or password")
	ErrLoginLocked      = errors.New("login locked after too many failures")
)

// ValidateCredentials checks a new account's user name and its password
// typed twice, and returns every problem at once as an EInvalid *Error.
func ValidateCredentials(userName, password, again string) error {
	var fe fieldErrors
	name := strings.TrimSpace(userName)
	checkText(&fe, "userName", "Felhasználónév", name, MaxUserNameLen, true)
	validatePassword(&fe, password, again)
	return fe.err("A fiók adatai hibásak.")
}

// ValidateNewPassword checks a new password typed twice.
func ValidateNewPassword(password, again string) error {
	var fe fieldErrors
	validatePassword(&fe, password, again)
	return fe.err("Az új jelszó nem megfelelő.")
}

func validatePassword(fe *fieldErrors, password, again string) {
	n := utf8.RuneCountInString(password)
	switch {
	case n < MinPasswordLen:
		fe.add("password", "Jelszó", fmt.Sprintf("legalább %d karakter legyen (most %d)", MinPasswordLen, n))
	case len(password) > MaxPasswordBytes:
		fe.add("password", "Jelszó", fmt.Sprintf("legfeljebb %d bájt lehet (az ékezetes betű 2 bájt)", MaxPasswordBytes))
	}
	if again != password {
		fe.add("passwordAgain", "Jelszó még egyszer", "nem egyezik a jelszóval")
	}
}

// SameUserName compares user names as people type them: surrounding spaces
// and letter case do not matter.
func SameUserName(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

// LockedFor returns how long logging in is still refused at now (0: not
// locked). Once the lock has run out the failures start again from zero.
func (a *Account) LockedFor(now time.Time) time.Duration {
	if a.LockedUntil.IsZero() || !now.Before(a.LockedUntil) {
		return 0
	}
	return a.LockedUntil.Sub(now)
}

// LockedError is the *Error of a login tried while locked.
func (a *Account) LockedError(now time.Time) error {
	return &Error{Code: EUnavailable, Err: ErrLoginLocked, Message: fmt.Sprintf(
		"Túl sok sikertelen belépési kísérlet miatt a belépés átmenetileg le van tiltva. Próbálja újra %s múlva.",
		waitText(a.LockedFor(now)))}
}

// RecordAttempt updates the failure count after a login at now whose
// credentials were ok or not. It returns nil for a good login, otherwise
// an *Error that says the credentials were wrong and how many attempts are
// left, or that the login is now locked. Call it only when LockedFor(now)
// is zero.
func (a *Account) RecordAttempt(now time.Time, ok bool) error {
	if !a.LockedUntil.IsZero() && !now.Before(a.LockedUntil) {
		a.Failures, a.LockedUntil = 0, time.Time{}
	}
	if ok {
		a.Failures = 0
		return nil
	}
	a.Failures++
	if a.Failures >= MaxLoginFailures {
		a.LockedUntil = now.Add(LoginLockout)
		return &Error{Code: EInvalid, Err: errors.Join(ErrWrongCredentials, ErrLoginLocked), Message: fmt.Sprintf(
			"Hibás felhasználónév vagy jelszó. %d sikertelen kísérlet után a belépés %d percig le van tiltva.",
			MaxLoginFailures, int(LoginLockout/time.Minute))}
	}
	return &Error{Code: EInvalid, Err: ErrWrongCredentials, Message: fmt.Sprintf(
		"Hibás felhasználónév vagy jelszó. Még %d próbálkozás maradt, utána %d percig nem lehet belépni.",
		MaxLoginFailures-a.Failures, int(LoginLockout/time.Minute))}
}

// waitText writes a short wait the Hungarian way, rounded up to seconds:
// "1 perc", "45 másodperc", "1 perc 5 másodperc".
func waitText(d time.Duration) string {
	secs := int((d + time.Second - 1) / time.Second)
	m, s := secs/60, secs%60
	switch {
	case m == 0:
		return itoa(s) + " másodperc"
	case s == 0:
		return itoa(m) + " perc"
	}
	return itoa(m) + " perc " + itoa(s) + " másodperc"
}
