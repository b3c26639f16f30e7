package cli

import (
	"fmt"
	"io"
	"strings"

	"konnyuszamla/domain"
)

// syncJSON is the `sync --json` object (docs/cli.md): the counts at the top
// level, and the lists of conflicts and weak matches under "details"
// (a JSON object cannot hold both "conflicts": 2 and "conflicts": […]).
type syncJSON struct {
	DryRun        bool        `json:"dryRun"`
	Demo          bool        `json:"demo"`
	Created       int         `json:"created"`
	Updated       int         `json:"updated"`
	PushedNew     int         `json:"pushedNew"`
	PushedUpdates int         `json:"pushedUpdates"`
	Linked        int         `json:"linked"`
	Conflicts     int         `json:"conflicts"`
	WeakMatches   int         `json:"weakMatches"`
	Unchanged     int         `json:"unchanged"`
	Requests      int         `json:"requests"`
	Cancelled     bool        `json:"cancelled"`
	Details       syncDetails `json:"details"`
	Errors        []string    `json:"errors"`
	Warnings      []string    `json:"warnings"`
}

// syncDetails: new, updates, pushNew and pushUpdates list what a run
// would do (filled by --dry-run from the preview; empty after a real run,
// whose counts are at the top level).
type syncDetails struct {
	Conflicts   []syncJSONConflict `json:"conflicts"`
	WeakMatches []syncJSONMatch    `json:"weakMatches"`
	New         []syncJSONCustomer `json:"new"`
	Updates     []syncJSONUpdate   `json:"updates"`
	PushNew     []syncJSONCustomer `json:"pushNew"`
	PushUpdates []syncJSONUpdate   `json:"pushUpdates"`
}

// syncJSONCustomer is a customer to create: id is the MiniCRM id (new) or
// the local id (pushNew); kind is "company" or "person".
type syncJSONCustomer struct {
	ID        int64  `json:"id"`
	Name      string `json:"name"`
	Kind      string `json:"kind"`
	KindLabel string `json:"kindLabel"`
	TaxNumber string `json:"taxNumber,omitempty"`
	Address   string `json:"address,omitempty"`
}

// syncJSONUpdate is a customer whose fields change: each field with its
// JSON name, Hungarian label, old and new value.
type syncJSONUpdate struct {
	Rule      string               `json:"rule"`
	RuleLabel string               `json:"ruleLabel"`
	MiniCRM   syncJSONSide         `json:"minicrm"`
	Local     syncJSONSide         `json:"local"`
	Fields    []domain.FieldChange `json:"fields"`
	Conflicts []domain.FieldChange `json:"conflicts,omitempty"`
}

type syncJSONSide struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// syncJSONConflict: kind is "ambiguous", "claimed", "field" or "search",
// kindLabel the same in Hungarian;
// rule is the matching rule ("nameBillingAddress", …) with its Hungarian
// label.
type syncJSONConflict struct {
	Kind      string               `json:"kind"`
	KindLabel string               `json:"kindLabel"`
	Rule      string               `json:"rule"`
	RuleLabel string               `json:"ruleLabel"`
	MiniCRM   syncJSONSide         `json:"minicrm"`
	Local     []syncJSONSide       `json:"local"`
	Fields    []domain.FieldChange `json:"fields,omitempty"`
}

type syncJSONMatch struct {
	Rule      string       `json:"rule"`
	RuleLabel string       `json:"ruleLabel"`
	MiniCRM   syncJSONSide `json:"minicrm"`
	Local     syncJSONSide `json:"local"`
}

func syncJSONOf(r domain.SyncReport) syncJSON {
	out := syncJSON{DryRun: r.DryRun, Demo: r.Demo, Created: r.Created, Updated: r.Updated, PushedNew: r.PushedNew,
		PushedUpdates: r.PushedUpdates, Linked: r.Linked, Conflicts: len(r.Conflicts), WeakMatches: len(r.WeakMatches),
		Unchanged: r.Unchanged, Requests: r.Requests, Cancelled: r.Cancelled,
		Details: syncDetails{Conflicts: []syncJSONConflict{}, WeakMatches: []syncJSONMatch{}, New: []syncJSONCustomer{},
			Updates: []syncJSONUpdate{}, PushNew: []syncJSONCustomer{}, PushUpdates: []syncJSONUpdate{}},
		Errors: append([]string{}, r.Errors...), Warnings: append([]string{}, r.Warnings...)}
	for _, c := range r.Conflicts {
		jc := syncJSONConflict{Kind: string(c.Kind), KindLabel: c.Kind.Label(), Rule: c.Rule.String(), RuleLabel: c.Rule.Label(),
			MiniCRM: syncJSONSide(c.MiniCRM), Local: []syncJSONSide{}, Fields: c.Fields}
		for _, l := range c.Local {
			jc.Local = append(jc.Local, syncJSONSide(l))
		}
		out.Details.Conflicts = append(out.Details.Conflicts, jc)
	}
	for _, m := range r.WeakMatches {
		out.Details.WeakMatches = append(out.Details.WeakMatches, syncJSONMatch{Rule: m.Rule.String(), RuleLabel: m.Rule.Label(),
			MiniCRM: syncJSONSide(m.MiniCRM), Local: syncJSONSide(m.Local)})
	}
	if pl := r.Plan; pl != nil {
		for _, c := range pl.New {
			out.Details.New = append(out.Details.New, syncJSONCustomerOf(c))
		}
		for _, c := range pl.PushNew {
			out.Details.PushNew = append(out.Details.PushNew, syncJSONCustomerOf(c))
		}
		for _, u := range pl.Updates {
			out.Details.Updates = append(out.Details.Updates, syncJSONUpdateOf(u))
		}
		for _, u := range pl.PushUpdates {
			out.Details.PushUpdates = append(out.Details.PushUpdates, syncJSONUpdateOf(u))
		}
	}
	return out
}

func syncJSONCustomerOf(c domain.SyncPlanCustomer) syncJSONCustomer {
	return syncJSONCustomer{ID: c.ID, Name: c.Name, Kind: string(c.Kind), KindLabel: syncKindLabel(c.Kind),
		TaxNumber: c.TaxNumber, Address: c.Address}
}

func syncJSONUpdateOf(u domain.SyncPlanUpdate) syncJSONUpdate {
	fields := u.Fields
	if fields == nil {
		fields = []domain.FieldChange{}
	}
	return syncJSONUpdate{Rule: u.Rule.String(), RuleLabel: u.Rule.Label(), MiniCRM: syncJSONSide(u.MiniCRM),
		Local: syncJSONSide(u.Local), Fields: fields, Conflicts: u.Conflicts}
}

func syncKindLabel(k domain.CustomerKind) string {
	if k == domain.KindPerson {
		return "magánszemély"
	}
	return "cég"
}

// syncPrintPlan writes the lists of a dry run: new local customers,
// updates field by field, and what goes to MiniCRM.
func syncPrintPlan(w io.Writer, pl *domain.SyncPlanDetails, demo bool) {
	if pl == nil {
		return
	}
	customer := func(c domain.SyncPlanCustomer, idLabel string) string {
		line := fmt.Sprintf("%s (%s #%d, %s", c.Name, idLabel, c.ID, syncKindLabel(c.Kind))
		if c.TaxNumber != "" {
			line += ", adószám: " + c.TaxNumber
		}
		if c.Address != "" {
			line += ", " + c.Address
		}
		return line + ")"
	}
	fields := func(fs []domain.FieldChange, prefix string) {
		for _, f := range fs {
			fmt.Fprintf(w, "      %s%s: %s → %s\n", prefix, f.Label, syncValue(f.Old), syncValue(f.New))
		}
	}
	if len(pl.New) > 0 {
		fmt.Fprintf(w, "\nÚj helyi vevők a MiniCRM-ből (%d):\n", len(pl.New))
		for _, c := range pl.New {
			fmt.Fprintln(w, "  •", customer(c, "MiniCRM"))
		}
	}
	if len(pl.Updates) > 0 {
		fmt.Fprintf(w, "\nMódosuló helyi vevők (%d):\n", len(pl.Updates))
		for _, u := range pl.Updates {
			fmt.Fprintf(w, "  • %s (helyi #%d) ← MiniCRM %s (#%d), egyezés: %s\n", u.Local.Name, u.Local.ID, u.MiniCRM.Name,
				u.MiniCRM.ID, u.Rule.Label())
			if len(u.Fields) == 0 {
				fmt.Fprintln(w, "      csak a megjegyzés bővül")
			}
			fields(u.Fields, "")
			fields(u.Conflicts, "ütközés – mindkét helyen módosult, a MiniCRM értéke érvényes: ")
		}
	}
	if demo {
		return
	}
	if len(pl.PushNew) > 0 {
		fmt.Fprintf(w, "\nÚj vevők a MiniCRM-ben (%d; létrehozás előtt adószám, e-mail és név alapján keresünk):\n", len(pl.PushNew))
		for _, c := range pl.PushNew {
			fmt.Fprintln(w, "  •", customer(c, "helyi"))
		}
	}
	if len(pl.PushUpdates) > 0 {
		fmt.Fprintf(w, "\nMiniCRM-be küldött módosítások (%d):\n", len(pl.PushUpdates))
		for _, u := range pl.PushUpdates {
			fmt.Fprintf(w, "  • %s (helyi #%d → MiniCRM #%d)\n", u.Local.Name, u.Local.ID, u.MiniCRM.ID)
			fields(u.Fields, "")
		}
	}
}

func syncValue(v string) string {
	if v == "" {
		return "(üres)"
	}
	return "„" + v + "”"
}

// syncPrint writes the report for a person.
func syncPrint(env Env, r domain.SyncReport) {
	w := env.Stdout
	if r.DryRun {
		fmt.Fprintln(w, "Próba (--dry-run): semmi nem változott; a szinkronizálás ezt tenné:")
	}
	fmt.Fprintf(w, "MiniCRM → KönnyűSzámla: %d új, %d módosított, %d változatlan vevő\n", r.Created, r.Updated, r.Unchanged)
	if r.Demo {
		fmt.Fprintln(w, "KönnyűSzámla → MiniCRM: kimarad, mert demó rendszer (csak letöltés)")
	} else {
		fmt.Fprintf(w, "KönnyűSzámla → MiniCRM: %d új vevő, %d összekapcsolva, %d módosítás\n", r.PushedNew, r.Linked, r.PushedUpdates)
	}
	fmt.Fprintf(w, "Ütközés: %d, gyenge egyezés: %d, HTTP-kérés: %d\n", len(r.Conflicts), len(r.WeakMatches), r.Requests)
	for _, c := range r.Conflicts {
		var locals []string
		for _, l := range c.Local {
			locals = append(locals, fmt.Sprintf("%s (#%d)", l.Name, l.ID))
		}
		fmt.Fprintf(w, "  ütközés (%s; %s): MiniCRM %s (#%d) ↔ helyi %s\n", c.Kind.Label(), c.Rule.Label(), c.MiniCRM.Name, c.MiniCRM.ID,
			strings.Join(locals, ", "))
	}
	for _, m := range r.WeakMatches {
		fmt.Fprintf(w, "  gyenge egyezés (csak cím): MiniCRM %s (#%d) ↔ helyi %s (#%d)\n", m.MiniCRM.Name, m.MiniCRM.ID, m.Local.Name, m.Local.ID)
	}
	if r.DryRun {
		syncPrintPlan(w, r.Plan, r.Demo)
	}
	for _, e := range r.Errors {
		fmt.Fprintln(w, "  hiba:", e)
	}
	for _, x := range r.Warnings {
		fmt.Fprintln(w, "  figyelem:", x)
	}
}
