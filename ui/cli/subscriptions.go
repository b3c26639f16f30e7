package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"konnyuszamla/domain"
)

// Subscriptions runs "subscriptions list|order|activate|cancel".
// order is Előfizetek and Előfizetés véglegesítése in one step; activate
// reads the user name and password from stdin, as the GUI's Belépés does.
func Subscriptions(ctx context.Context, env Env, subs *domain.SubscriptionService, args []string) error {
	if len(args) == 0 {
		return usageError("a subscriptions után adja meg: list, order, activate vagy cancel")
	}
	switch sub, rest := args[0], args[1:]; sub {
	case "list":
		return subscriptionsList(ctx, env, subs, rest)
	case "order", "activate", "cancel":
		if len(rest) != 1 {
			return usageError("subscriptions %s AZONOSÍTÓ (pl. %s)", sub, domain.PlanMiniCRM)
		}
		id := domain.PlanID(rest[0])
		switch sub {
		case "order":
			return subscriptionsOrder(ctx, env, subs, id)
		case "activate":
			return subscriptionsActivate(ctx, env, subs, id)
		}
		return subscriptionsCancel(ctx, env, subs, id)
	}
	return usageError("ismeretlen subscriptions alparancs: %s", args[0])
}

// subscriptionJSON is one item of subscriptions list --json (docs/cli.md).
type subscriptionJSON struct {
	ID    domain.PlanID            `json:"id"`
	Name  string                   `json:"name"`
	Price domain.Money             `json:"price"` // a decimal string, "0" when free
	State domain.SubscriptionState `json:"state"`
	Since *domain.Date             `json:"since"` // the local day the state began; null for none
}

func subscriptionsList(ctx context.Context, env Env, subs *domain.SubscriptionService, args []string) error {
	fs := newFlagSet("subscriptions list", env)
	asJSON := fs.Bool("json", false, "")
	if pos, err := parseInterspersed(fs, args); err != nil || len(pos) > 0 {
		return orUsage(err, "subscriptions list [--json]")
	}
	list, err := subs.Catalogue(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]subscriptionJSON, len(list))
		for i, e := range list {
			out[i] = subscriptionJSON{ID: e.Plan.ID, Name: e.Plan.Name, Price: e.Plan.Price, State: e.Sub.State}
			if !e.Sub.Since.IsZero() {
				d := domain.DateOf(e.Sub.Since.Local())
				out[i].Since = &d
			}
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "AZONOSÍTÓ\tNÉV\tÁR\tÁLLAPOT")
	for _, e := range list {
		price := e.Plan.PriceText()
		if e.Plan.Base {
			price = "a program része"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", e.Plan.ID, e.Plan.Name, price, e.Sub.StateText())
	}
	return tw.Flush()
}

func subscriptionsOrder(ctx context.Context, env Env, subs *domain.SubscriptionService, id domain.PlanID) error {
	if _, err := subs.Order(ctx, id); err != nil {
		return err
	}
	e, err := subs.Entry(ctx, id)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s: %s (%s).\n", domain.SubjectOrdered, e.Plan.Name, e.Plan.PriceText())
	fmt.Fprintf(env.Stdout, "Aktiválás: konnyuszamla subscriptions activate %s (felhasználónév és jelszó a szabványos bemeneten, soronként)\n", id)
	return nil
}

func subscriptionsActivate(ctx context.Context, env Env, subs *domain.SubscriptionService, id domain.PlanID) error {
	// The plan is checked before stdin is read, so a typo in the id is
	// reported as such and not as missing credentials.
	e, err := subs.Entry(ctx, id)
	if err != nil {
		return err
	}
	user, password, err := acctReadCredentials(env.Stdin, "subscriptions activate")
	if err != nil {
		return err
	}
	sub, err := subs.Activate(ctx, id, user, password)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s: %s, %s.\n", domain.SubjectActivated, e.Plan.Name, sub.StateText())
	return nil
}

func subscriptionsCancel(ctx context.Context, env Env, subs *domain.SubscriptionService, id domain.PlanID) error {
	if err := subs.Cancel(ctx, id); err != nil {
		return err
	}
	e, err := subs.Entry(ctx, id)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Lemondva: %s. A beállításai és adatai megmaradtak; újra megrendelhető.\n", e.Plan.Name)
	return nil
}

// RequireSubscription returns nil when the plan is active and otherwise
// the explanation the GUI shows, ending with the commands that order and
// activate it; the headless sync returns it (exit status 1).
func RequireSubscription(ctx context.Context, subs *domain.SubscriptionService, id domain.PlanID) error {
	return subs.Require(ctx, id, fmt.Sprintf("megrendelés: konnyuszamla subscriptions order %s, aktiválás: konnyuszamla subscriptions activate %s.", id, id))
}
