package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"text/tabwriter"
	"time"

	"konnyuszamla/domain"
)

// OutboxDeps are what the outbox commands (and the sync's flush) need;
// main.go builds them over the opened database (crm.Uploader implements
// Flush).
type OutboxDeps struct {
	View domain.OutboxView
	// Flush makes every waiting upload due and sends what it can now; nil
	// when not wired.
	Flush func(ctx context.Context) error
}

// OutboxUsage lists the outbox commands for Usage.
const OutboxUsage = `  outbox list [--json] [--all]          a MiniCRM-be feltöltésre váró és hibás bizonylatok (--all: a feltöltöttek is)
  outbox retry [AZONOSÍTÓ]               a várakozó és hibás feltöltések (vagy egy) újrapróbálása most
  outbox skip AZONOSÍTÓ                  „ne töltse fel”: a tétel nem kerül fel a MiniCRM-be
`

const outboxUsage = "outbox list [--json] [--all] | outbox retry [AZONOSÍTÓ] | outbox skip AZONOSÍTÓ"

// Outbox runs "outbox list|retry|skip". Retry needs the MiniCRM add-on.
func Outbox(ctx context.Context, env Env, open func(ctx context.Context, s Store) (OutboxDeps, error), s Store, args []string) error {
	if len(args) == 0 {
		return usageError("%s", outboxUsage)
	}
	if open == nil {
		return errors.New("outbox: dependencies not wired")
	}
	deps, err := open(ctx, s)
	if err != nil {
		return err
	}
	switch args[0] {
	case "list":
		return outboxList(ctx, env, deps, args[1:])
	case "retry":
		if len(args) > 2 {
			return usageError("%s", outboxUsage)
		}
		var id int64
		if len(args) == 2 {
			if id, err = strconv.ParseInt(args[1], 10, 64); err != nil || id <= 0 {
				return usageError("az azonosító pozitív egész szám (lásd: outbox list)")
			}
		}
		if err := RequireSubscription(ctx, s.SubscriptionService(), domain.PlanMiniCRM); err != nil {
			return err
		}
		n, err := deps.View.OutboxRetry(ctx, id)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stderr, "%d feltöltés újrapróbálása…\n", n)
		if deps.Flush != nil {
			if err := deps.Flush(ctx); err != nil {
				return err
			}
		}
		return outboxList(ctx, env, deps, nil)
	case "skip":
		if len(args) != 2 {
			return usageError("outbox skip AZONOSÍTÓ")
		}
		id, err := strconv.ParseInt(args[1], 10, 64)
		if err != nil || id <= 0 {
			return usageError("az azonosító pozitív egész szám (lásd: outbox list)")
		}
		if err := deps.View.OutboxSkip(ctx, id); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "%d: nem töltjük fel\n", id)
		return nil
	}
	return usageError("ismeretlen outbox alparancs: %s (list, retry vagy skip)", args[0])
}

// outboxItemJSON is one item of "outbox list --json".
type outboxItemJSON struct {
	ID        int64  `json:"id"`
	Number    string `json:"number"`
	Type      string `json:"type"`
	Buyer     string `json:"buyer"`
	Event     string `json:"event"` // create, paid, cancelled
	State     string `json:"state"` // pending, sending, sent, failed, skipped, demo
	Label     string `json:"label"`
	Attempts  int    `json:"attempts"`
	LastError string `json:"lastError,omitempty"`
	NextTry   string `json:"nextTry,omitempty"`
	SentAt    string `json:"sentAt,omitempty"`
}

type outboxListJSON struct {
	Waiting int              `json:"waiting"` // documents waiting (pending or failed)
	Items   []outboxItemJSON `json:"items"`
}

func outboxList(ctx context.Context, env Env, deps OutboxDeps, args []string) error {
	fs := newFlagSet("outbox list", env)
	asJSON := fs.Bool("json", false, "")
	all := fs.Bool("all", false, "")
	if pos, err := parseInterspersed(fs, args); err != nil || len(pos) > 0 {
		return orUsage(err, "outbox list [--json] [--all]")
	}
	items, err := deps.View.OutboxItems(ctx, *all)
	if err != nil {
		return err
	}
	waiting, err := deps.View.OutboxWaitingDocuments(ctx)
	if err != nil {
		return err
	}
	out := outboxListJSON{Waiting: waiting, Items: []outboxItemJSON{}}
	for _, it := range items {
		j := outboxItemJSON{ID: it.ID, Number: it.Number, Type: string(it.DocType), Buyer: it.BuyerName,
			Event: string(it.Kind), State: string(it.State), Label: it.State.Label(), Attempts: it.Attempts,
			LastError: it.LastError}
		if !it.NextTry.IsZero() && it.State == domain.UploadPending {
			j.NextTry = it.NextTry.Format(time.RFC3339)
		}
		if !it.SentAt.IsZero() {
			j.SentAt = it.SentAt.Format(time.RFC3339)
		}
		out.Items = append(out.Items, j)
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	if len(out.Items) == 0 {
		fmt.Fprintln(env.Stdout, "Nincs feltöltésre váró bizonylat.")
		return nil
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "AZONOSÍTÓ\tSORSZÁM\tESEMÉNY\tVEVŐ\tÁLLAPOT\tPRÓBÁK\tOK")
	for _, it := range items {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%d\t%s\n", it.ID, it.Number, it.Kind.Label(), it.BuyerName,
			it.State.Label(), it.Attempts, oneLine(it.LastError))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if text := domain.OutboxStatusText(waiting); text != "" {
		fmt.Fprintln(env.Stdout, text)
	}
	return nil
}

// syncFlushOutbox sends the waiting uploads after a sync. Its failures do
// not fail the sync: the outbox keeps the items and says why.
func syncFlushOutbox(ctx context.Context, env Env, deps SyncDeps, s Store) {
	if deps.Outbox == nil {
		return
	}
	o, err := deps.Outbox(ctx, s)
	if err == nil && o.Flush != nil {
		err = o.Flush(ctx)
	}
	if err != nil {
		fmt.Fprintln(env.Stderr, "MiniCRM feltöltés:", oneLine(failureMessage(err)))
		return
	}
	if n, err := o.View.OutboxWaitingDocuments(ctx); err == nil {
		if text := domain.OutboxStatusText(n); text != "" {
			fmt.Fprintln(env.Stderr, text+" (outbox list)")
		}
	}
}
