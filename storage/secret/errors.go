package secret

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"

	"github.com/zalando/go-keyring"

	"konnyuszamla/domain"
)

// Sentinels matched by errors.Is on the errors of a Store, besides
// domain.ErrSecretNotFound.
var (
	// ErrTimeout: the keyring did not answer in time, typically because it
	// is locked and waits for the user to unlock it.
	ErrTimeout = errors.New("keyring call timed out")
	// ErrUnavailable: there is no usable keyring (no Secret Service on the
	// session bus, no session bus, an unsupported platform, a locked
	// keyring that cannot prompt).
	ErrUnavailable = errors.New("keyring unavailable")
)

// classify turns a keyring failure into a *domain.Error with a Hungarian
// message. secret, when given, is redacted from the cause's text, so that
// even a keyring that echoed it could not leak it into a log.
func classify(op, account string, err error, secret string) error {
	cause := fmt.Errorf("keyring %s %s: %w", op, account, &redacted{err: err, secret: secret})
	switch {
	case errors.Is(err, keyring.ErrNotFound):
		return &domain.Error{Code: domain.ENotFound, Err: fmt.Errorf("%w: %w", domain.ErrSecretNotFound, cause),
			Message: "A rendszer kulcstartójában nincs ilyen bejegyzés."}
	case errors.Is(err, keyring.ErrSetDataTooBig):
		return &domain.Error{Code: domain.EInvalid, Err: cause,
			Message: "A titok túl hosszú ahhoz, hogy a rendszer kulcstartója tárolja."}
	case errors.Is(err, context.Canceled):
		return &domain.Error{Code: domain.EUnavailable, Err: cause, Message: "A kulcstartó művelet megszakadt."}
	case errors.Is(err, ErrTimeout), errors.Is(err, context.DeadlineExceeded):
		return &domain.Error{Code: domain.EUnavailable, Err: fmt.Errorf("%w: %w", ErrUnavailable, cause), Message: timeoutMessage()}
	}
	return &domain.Error{Code: domain.EUnavailable, Err: fmt.Errorf("%w: %w", ErrUnavailable, cause), Message: unavailableMessage()}
}

// unavailableMessage says what to do when there is no usable keyring, in
// the words of the user's operating system.
func unavailableMessage() string {
	const head = "A rendszer kulcstartója nem érhető el, ezért a MiniCRM API kulcs nem menthető és nem olvasható. "
	const tail = " Biztonsági okból a kulcsot nem tároljuk egyszerű fájlban. Addig a KONNYUSZAMLA_MINICRM_API_KEY " +
		"környezeti változóval is megadható (ezt a program nem menti el)."
	switch runtime.GOOS {
	case "windows":
		return head + "Ellenőrizze, hogy a Hitelesítőadat-kezelő (Credential Manager) szolgáltatás fut-e." + tail
	case "darwin":
		return head + "Ellenőrizze, hogy a Kulcskarika (Keychain) fel van-e oldva." + tail
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly":
		return head + "Telepítse és indítsa el a GNOME Kulcstartót (gnome-keyring) vagy a KWalletet, " +
			"és oldja fel a bejelentkezési kulcstartót (Linuxon a Secret Service szolgáltatásra van szükség)." + tail
	}
	return head + "Ezen az operációs rendszeren nincs támogatott kulcstartó." + tail
}

func timeoutMessage() string {
	return "A rendszer kulcstartója nem válaszolt időben; valószínűleg zárolva van, és feloldásra vár. " +
		"Oldja fel (a felugró ablakban, vagy Linuxon a Jelszavak és kulcsok / KWallet programban), majd próbálja újra."
}

// redacted hides a secret from an error's text; errors.Is still sees the
// original.
type redacted struct {
	err    error
	secret string
}

func (r *redacted) Error() string {
	if r.secret == "" {
		return r.err.Error()
	}
	return strings.ReplaceAll(r.err.Error(), r.secret, "[REDACTED]")
}

func (r *redacted) Unwrap() error { return r.err }
