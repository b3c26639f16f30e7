package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
)

// SyncSeparateUsage lists the sync separate command for Usage and sync --help.
const SyncSeparateUsage = `  sync separate CUSTOMER_ID [--json]
                                         egy gyenge (csak cím alapján történt) egyezés szétválasztása: a helyi vevő
                                         visszakapja korábbi adatait, a MiniCRM-vevő külön vevő lesz
`

const syncSeparateUsage = "sync separate CUSTOMER_ID [--json]"

// SyncCommand is the sync command with what Sync's flags do not cover:
// "sync --help" (and -h, help) prints the usage of sync, and "sync
// separate CUSTOMER_ID" undoes a weak match; anything else runs Sync.
func SyncCommand(ctx context.Context, env Env, deps SyncDeps, s Store, args []string) error {
	if handled, err := syncSubcommand(ctx, env, deps, s, args); handled {
		return err
	}
	return Sync(ctx, env, deps, s, args)
}

// syncSubcommand handles sync's help and its separate subcommand; handled
// is false for a plain sync run.
func syncSubcommand(ctx context.Context, env Env, deps SyncDeps, s Store, args []string) (handled bool, err error) {
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" || (a == "help" && args[0] == "help") {
			syncPrintUsage(env)
			return true, nil
		}
	}
	if len(args) > 0 && args[0] == "separate" {
		return true, SyncSeparate(ctx, env, deps, s, args[1:])
	}
	return false, nil
}

func syncPrintUsage(env Env) {
	fmt.Fprintln(env.Stdout, "Használat:")
	fmt.Fprint(env.Stdout, SyncUsage)
	fmt.Fprint(env.Stdout, SyncSeparateUsage)
}

// SyncSeparate runs "sync separate CUSTOMER_ID [--json]": it undoes the
// weak (address-only) match of local customer CUSTOMER_ID, at any time
// after the run that made it (the ids are in the sync log and in sync
// --json's details.weakMatches[].local.id). It is a local change, so it
// works without the MiniCRM subscription too.
func SyncSeparate(ctx context.Context, env Env, deps SyncDeps, s Store, args []string) error {
	fs := newFlagSet("sync separate", env)
	asJSON := fs.Bool("json", false, "")
	pos, err := parseInterspersed(fs, args)
	if err != nil || len(pos) != 1 {
		return orUsage(err, syncSeparateUsage)
	}
	id, perr := strconv.ParseInt(pos[0], 10, 64)
	if perr != nil || id <= 0 {
		return usageError("a vevő azonosítója pozitív egész szám: %q", pos[0])
	}
	if deps.Open == nil {
		return fmt.Errorf("sync separate: dependencies not wired")
	}
	syncer, err := deps.Open(ctx, s)
	if err != nil {
		return err
	}
	if err := syncer.SeparateWeakMatch(ctx, id); err != nil {
		return err
	}
	if *asJSON {
		return json.NewEncoder(env.Stdout).Encode(struct {
			Separated int64 `json:"separated"`
		}{id})
	}
	fmt.Fprintf(env.Stdout, "Szétválasztva: a(z) #%d helyi vevő visszakapta korábbi adatait, a MiniCRM-vevő külön vevő lett.\n", id)
	return nil
}
