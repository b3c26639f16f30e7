// Package cli implements the headless commands (docs/cli.md): every GUI
// action has a twin here for scripts, scheduled jobs and tests. Like the
// GUI it works only through domain interfaces; main.go opens the storage.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"

	"konnyuszamla/domain"
)

// Store is what the commands need from the local database.
type Store interface {
	domain.CustomerService
	domain.InvoiceService
	domain.MiniCRMSettingsStore
	AccountService() *domain.AccountService
	SubscriptionService() *domain.SubscriptionService
	Backup(ctx context.Context, path string) error
	SchemaVersion(ctx context.Context) (int, error)
	Close() error
}

// Env is the world a command runs in.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	DataDir        string
	Version        string
	// Open opens the local database; commands call it only when they need it.
	Open func(ctx context.Context) (Store, error)
	// MiniCRM holds the keyring and the connector of the minicrm commands;
	// its Settings come from the opened Store.
	MiniCRM MiniCRMDeps
	// Sync builds the customer sync over the opened Store (sync command).
	Sync SyncDeps
	// NAV builds the nav commands' dependencies over the opened Store.
	NAV func(s Store) NAVDeps
}

// Exit statuses, as docs/cli.md defines them.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// errUsage marks a wrongly called command; its message is printed with the usage.
var errUsage = errors.New("usage")

// usageError reports a wrong call with a Hungarian explanation.
func usageError(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errUsage, fmt.Sprintf(format, args...))
}

// Run runs the command in args and returns the exit status.
func Run(ctx context.Context, env Env, args []string) int {
	err := dispatch(ctx, env, args)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.Is(err, errUsage):
		fmt.Fprintln(env.Stderr, "Hibás használat:", strings.TrimPrefix(err.Error(), errUsage.Error()+": "))
		Usage(env.Stderr)
		return exitUsage
	default:
		fmt.Fprintln(env.Stderr, "Hiba:", oneLine(failureMessage(err)))
		return exitFail
	}
}

// failureMessage is the one line a failed command prints after "Hiba:":
// the user message, and for an unexpected error also its details, since
// a headless run has no log window to look them up in.
func failureMessage(err error) string {
	if domain.ErrorCode(err) != domain.EInternal {
		return domain.ErrorMessage(err)
	}
	var de *domain.Error
	if !errors.As(err, &de) || de.Message == "" {
		return "Váratlan hiba történt (részletek: " + err.Error() + ")."
	}
	// The message, the context wrapped around it, and its cause.
	var details []string
	if err.Error() != de.Error() {
		details = append(details, err.Error())
	}
	if de.Err != nil {
		details = append(details, de.Err.Error())
	}
	if len(details) == 0 {
		return de.Error()
	}
	return strings.TrimRight(de.Error(), ". ") + " (részletek: " + strings.Join(details, "; ") + ")."
}

func dispatch(ctx context.Context, env Env, args []string) error {
	switch args[0] {
	case "version":
		return cmdVersion(ctx, env, args[1:])
	case "customers":
		if len(args) < 2 {
			return usageError("a customers után adja meg: list, add, edit, import vagy export")
		}
		return withStore(ctx, env, func(s Store) error { return customers(ctx, env, s, args[1], args[2:]) })
	case "seller", "invoices":
		if len(args) < 2 {
			return usageError("a(z) %s után adja meg az alparancsot", args[0])
		}
		return withStore(ctx, env, func(s Store) error {
			if args[0] == "seller" {
				return seller(ctx, env, s, args[1], args[2:])
			}
			return invoices(ctx, env, s, args[1], args[2:])
		})
	case "minicrm":
		if len(args) < 2 {
			return usageError("a minicrm után adja meg: set, show vagy test")
		}
		return withStore(ctx, env, func(s Store) error {
			deps := env.MiniCRM
			deps.Settings = s
			return MiniCRM(ctx, env, deps, args[1], args[2:])
		})
	case "sync":
		return withStore(ctx, env, func(s Store) error { return Sync(ctx, env, env.Sync, s, args[1:]) })
	case "nav":
		if len(args) < 2 {
			return usageError("a nav után adja meg: export, status, send vagy resend")
		}
		if env.NAV == nil {
			return errors.New("nav: dependencies not wired")
		}
		return withStore(ctx, env, func(s Store) error { return NAV(ctx, env, env.NAV(s), args[1], args[2:]) })
	case "outbox":
		return withStore(ctx, env, func(s Store) error { return Outbox(ctx, env, env.Sync.Outbox, s, args[1:]) })
	case "account":
		return withStore(ctx, env, func(s Store) error { return Account(ctx, env, s.AccountService(), args[1:]) })
	case "subscriptions":
		return withStore(ctx, env, func(s Store) error { return Subscriptions(ctx, env, s.SubscriptionService(), args[1:]) })
	case "backup":
		return withStore(ctx, env, func(s Store) error { return cmdBackup(ctx, s, args[1:]) })
	case "help", "-h", "--help":
		Usage(env.Stdout)
		return nil
	}
	return usageError("ismeretlen parancs: %s", args[0])
}

func withStore(ctx context.Context, env Env, fn func(Store) error) error {
	s, err := env.Open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	return fn(s)
}

// Usage prints the list of commands.
func Usage(w io.Writer) {
	fmt.Fprint(w, `Használat: konnyuszamla [--data MAPPA] [PARANCS]
Parancs nélkül a grafikus felület indul.

Parancsok:
  version                                verzió, sémaverzió, adatmappa
  customers list [--json] [--search SZÖVEG] [--archived]
  customers add                          egy vevő JSON-ban a szabványos bemeneten; kiírja az azonosítót
  customers edit AZONOSÍTÓ               JSON a szabványos bemeneten; a megadott mezők felülírják a tároltakat
  customers import FÁJL.csv [--skip-invalid]
  customers export FÁJL.csv [--archived]
  seller set                             a saját cég adatai JSON-ban a szabványos bemeneten
  invoices issue                         bizonylat piszkozata JSON-ban; kiírja: {"number":…,"pdf":…}
  invoices list [--json]
  invoices pdf SORSZÁM [-o FÁJL]         a kiállításkor írt PDF (útvonala, vagy másolata a FÁJL-ba)
  invoices cancel SORSZÁM                sztornó számla kiállítása; kiírja a sorszámát
  invoices pay SORSZÁM [--date ÉÉÉÉ-HH-NN] [--amount ÖSSZEG] [--method MÓD]
  invoices convert SORSZÁM               számla a díjbekérőből; kiírja a sorszámát
  invoices withdraw SORSZÁM              díjbekérő visszavonása
  backup FÁJL                            konzisztens mentés az adatbázisról (futó program mellett is)
  account create [--ask-at-start]        a tulajdonos felhasználóneve és jelszava a szabványos bemeneten, soronként
  subscriptions list [--json]            az előfizetések és állapotuk
  subscriptions order AZONOSÍTÓ          megrendelés (Előfizetek + véglegesítés); AZONOSÍTÓ: minicrm
  subscriptions activate AZONOSÍTÓ       aktiválás; felhasználónév és jelszó a szabványos bemeneten, soronként
  subscriptions cancel AZONOSÍTÓ         lemondás; a beállítások és adatok megmaradnak
`)
	fmt.Fprint(w, MiniCRMUsage)
	fmt.Fprint(w, SyncUsage)
	fmt.Fprint(w, SyncSeparateUsage)
	fmt.Fprint(w, NAVUsage)
	fmt.Fprint(w, OutboxUsage)
}

// parseInterspersed parses flags that may stand before, between or after the
// positional arguments, and returns the positional ones. Its errors are
// usage errors in Hungarian.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError("%s", flagProblem(err))
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// flagPatterns translate the errors of the flag package (Go 1.26 texts).
var flagPatterns = []struct {
	re   *regexp.Regexp
	text func(m []string) string
}{
	{regexp.MustCompile(`^flag provided but not defined: (-\S*)$`), func(m []string) string {
		return "ismeretlen kapcsoló: " + m[1]
	}},
	{regexp.MustCompile(`^flag needs an argument: (-\S*)$`), func(m []string) string {
		return "a(z) " + m[1] + " kapcsoló után meg kell adni az értékét (" + m[1] + " ÉRTÉK vagy " + m[1] + "=ÉRTÉK)"
	}},
	{regexp.MustCompile(`^invalid boolean value (".*") for (-\S*): `), func(m []string) string {
		return "a(z) " + m[2] + " kapcsoló értéke true vagy false lehet, nem " + m[1]
	}},
	{regexp.MustCompile(`^invalid boolean flag (\S*): `), func(m []string) string {
		return "a(z) -" + m[1] + " kapcsoló értéke true vagy false lehet"
	}},
	{regexp.MustCompile(`^invalid value (".*") for flag (-\S*): value out of range$`), func(m []string) string {
		return "a(z) " + m[2] + " kapcsoló értéke túl nagy: " + m[1]
	}},
	{regexp.MustCompile(`^invalid value (".*") for flag (-\S*): `), func(m []string) string {
		return "a(z) " + m[2] + " kapcsoló értéke hibás: " + m[1]
	}},
	{regexp.MustCompile(`^bad flag syntax: (.*)$`), func(m []string) string {
		return "hibás kapcsoló: " + m[1]
	}},
}

// flagProblem says in Hungarian what the flag package refused.
func flagProblem(err error) string {
	msg := err.Error()
	for _, p := range flagPatterns {
		if m := p.re.FindStringSubmatch(msg); m != nil {
			return p.text(m)
		}
	}
	return "hibás kapcsoló: " + msg // not expected: a flag type added later
}

func newFlagSet(name string, env Env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
