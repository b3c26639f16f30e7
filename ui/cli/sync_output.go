package cli

import (
	"fmt"
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

type syncDetails struct {
	Conflicts   []syncJSONConflict `json:"conflicts"`
	WeakMatches []syncJSONMatch    `json:"weakMatches"`
}

type syncJSONSide struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// syncJSONConflict: kind is "ambiguous", "claimed", "field" or "search";
// rule is the matching rule ("nameBillingAddress", …) with its Hungarian
// label.
type syncJSONConflict struct {
	Kind      string               `json:"kind"`
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
		Details: syncDetails{Conflicts: []syncJSONConflict{}, WeakMatches: []syncJSONMatch{}},
		Errors:  append([]string{}, r.Errors...), Warnings: append([]string{}, r.Warnings...)}
	for _, c := range r.Conflicts {
		jc := syncJSONConflict{Kind: string(c.Kind), Rule: c.Rule.String(), RuleLabel: c.Rule.Label(),
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
	return out
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
		fmt.Fprintf(w, "  ütközés [%s, %s]: MiniCRM %s (#%d) ↔ helyi %s\n", c.Kind, c.Rule.Label(), c.MiniCRM.Name, c.MiniCRM.ID,
			strings.Join(locals, ", "))
	}
	for _, m := range r.WeakMatches {
		fmt.Fprintf(w, "  gyenge egyezés (csak cím): MiniCRM %s (#%d) ↔ helyi %s (#%d)\n", m.MiniCRM.Name, m.MiniCRM.ID, m.Local.Name, m.Local.ID)
	}
	for _, e := range r.Errors {
		fmt.Fprintln(w, "  hiba:", e)
	}
	for _, x := range r.Warnings {
		fmt.Fprintln(w, "  figyelem:", x)
	}
}
