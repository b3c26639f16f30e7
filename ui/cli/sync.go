package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"konnyuszamla/domain"
)

// Syncer is the customer sync as the sync command uses it;
// *domain.SyncService implements it.
type Syncer interface {
	domain.CustomerSyncer
	SetCardStatus(ctx context.Context, statusID int64) error
}

// SyncDeps is what the sync command needs besides the opened Store:
// main.go builds the sync over it (storage and the crm connector).
type SyncDeps struct {
	Open func(ctx context.Context, s Store) (Syncer, error)
	// Outbox opens the MiniCRM outbox: a sync also flushes it, and the
	// outbox commands use it. Nil leaves both out.
	Outbox func(ctx context.Context, s Store) (OutboxDeps, error)
}

// SyncUsage lists the sync command for Usage.
const SyncUsage = `  sync [--dry-run] [--json] [--card-status ID]
                                         vevők szinkronizálása a MiniCRM-mel (--dry-run: csak megmutatja, mit tenne;
                                         --card-status: az új MiniCRM-vevők adatlapjának „Vevők” csoportbeli státusza;
                                         utána a MiniCRM-be váró bizonylatokat is feltölti, lásd: outbox)
`

const syncUsage = "sync [--dry-run] [--json] [--card-status ID]"

// Sync runs "sync [--dry-run] [--json]" (docs/cli.md): pass 1 (MiniCRM →
// app) and pass 2 (app → MiniCRM), or with --dry-run only what they would
// do. It exits 1 with the subscription's explanation while the MiniCRM
// add-on is not active, and with the reason when MiniCRM fails (the report
// of what was done is still printed).
func Sync(ctx context.Context, env Env, deps SyncDeps, s Store, args []string) error {
	if handled, err := syncSubcommand(ctx, env, deps, s, args); handled {
		return err
	}
	fs := newFlagSet("sync", env)
	dryRun := fs.Bool("dry-run", false, "")
	asJSON := fs.Bool("json", false, "")
	cardStatus := fs.Int64("card-status", -1, "")
	if pos, err := parseInterspersed(fs, args); err != nil || len(pos) > 0 {
		return orUsage(err, syncUsage)
	}
	if err := RequireSubscription(ctx, s.SubscriptionService(), domain.PlanMiniCRM); err != nil {
		return err
	}
	if deps.Open == nil {
		return errors.New("sync: dependencies not wired")
	}
	syncer, err := deps.Open(ctx, s)
	if err != nil {
		return err
	}
	if *cardStatus >= 0 {
		if err := syncer.SetCardStatus(ctx, *cardStatus); err != nil {
			return err
		}
	}
	progress := syncProgressPrinter(env)
	p, err := syncer.PrepareSync(ctx, domain.SyncOptions{DryRun: *dryRun}, progress)
	if err != nil {
		return err
	}
	var rep domain.SyncReport
	var runErr error
	if *dryRun {
		rep = p.Report()
		rep.DryRun = true
	} else {
		r, err := syncer.ApplySync(ctx, p, nil, progress)
		if r == nil {
			return err
		}
		rep, runErr = *r, err
		// The documents waiting for MiniCRM go now too.
		syncFlushOutbox(ctx, env, deps, s)
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(syncJSONOf(rep)); err != nil {
			return err
		}
	} else {
		syncPrint(env, rep)
	}
	switch {
	case runErr != nil:
		return runErr
	case rep.Cancelled:
		return domain.Errorf(domain.EUnavailable, "A szinkronizálás megszakadt; a következő futás folytatja.")
	case len(rep.Errors) > 0:
		return domain.Errorf(domain.EUnavailable, "A szinkronizálás %d hibával fejeződött be (részletek fent); "+
			"a következő futás folytatja.", len(rep.Errors))
	}
	return nil
}

// syncProgressPrinter writes each new phase to stderr, so that a long run
// shows it is alive without mixing into stdout (and --json).
func syncProgressPrinter(env Env) func(domain.SyncProgress) {
	var last domain.SyncPhase
	return func(p domain.SyncProgress) {
		if p.Phase == last || env.Stderr == nil {
			return
		}
		last = p.Phase
		line := string(p.Phase)
		if p.Total > 0 {
			line += fmt.Sprintf(" (%d tétel", p.Total)
			if left := domain.FormatRemaining(p.Remaining); left != "" {
				line += ", " + left
			}
			line += ")"
		}
		fmt.Fprintln(env.Stderr, line+"…")
	}
}
