package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"konnyuszamla/domain"
)

// minicrmShowJSON is the `minicrm show --json` shape (docs/cli.md). It has
// no field that could hold the key. Unset modules are null. keyStored says
// whether the keyring holds a key for the system, also while
// KONNYUSZAMLA_MINICRM_API_KEY answers instead of it; it is false when the
// keyring cannot be read (a warning goes to stderr). keySource says where
// the key in use comes from: "keyring", "environment" or null.
type minicrmShowJSON struct {
	SystemID        string   `json:"systemId"`
	Company         string   `json:"company"`
	BaseURL         string   `json:"baseUrl"`
	Demo            bool     `json:"demo"`
	AllowedIPs      []string `json:"allowedIps"`
	CustomersModule *int64   `json:"customersModule"`
	InvoicesModule  *int64   `json:"invoicesModule"`
	KeyStored       bool     `json:"keyStored"`
	KeySource       *string  `json:"keySource"`
}

func minicrmShow(ctx context.Context, env Env, svc *domain.MiniCRMService, args []string) error {
	fs := newFlagSet("minicrm show", env)
	asJSON := fs.Bool("json", false, "")
	if pos, err := parseInterspersed(fs, args); err != nil || len(pos) > 0 {
		return orUsage(err, "minicrm show [--json]")
	}
	s, err := svc.Settings.MiniCRMSettings(ctx)
	if err != nil {
		return err
	}
	// The settings are still worth showing when the keyring fails; its
	// problem goes to stderr so that stdout stays valid JSON.
	warn := func(err error) { fmt.Fprintln(env.Stderr, "Figyelem:", oneLine(domain.ErrorMessage(err))) }
	state, keyErr := svc.KeyStatus(ctx, s.SystemID)
	if keyErr != nil {
		warn(keyErr)
	}
	stored := state == domain.KeyInKeyring
	if state == domain.KeyFromEnvironment {
		var err error
		if stored, err = svc.StoredInKeyring(ctx, s.SystemID); err != nil {
			warn(err)
		}
	}
	out := minicrmShowJSON{
		SystemID: s.SystemID, Company: s.Company, BaseURL: s.BaseURL, Demo: s.Demo, AllowedIPs: s.AllowedIPs,
		CustomersModule: optionalID(s.CustomersModule), InvoicesModule: optionalID(s.InvoicesModule),
		KeyStored: stored,
	}
	if out.AllowedIPs == nil {
		out.AllowedIPs = []string{}
	}
	switch {
	case keyErr != nil:
	case state == domain.KeyInKeyring:
		out.KeySource = showPtr("keyring")
	case state == domain.KeyFromEnvironment:
		out.KeySource = showPtr("environment")
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	return printMiniCRM(env, out, state, keyErr)
}

func printMiniCRM(env Env, out minicrmShowJSON, state domain.KeyStatus, keyErr error) error {
	orText := func(v, none string) string {
		if v == "" {
			return none
		}
		return v
	}
	idText := func(id *int64, none string) string {
		if id == nil {
			return none
		}
		return strconv.FormatInt(*id, 10)
	}
	demo := "nem"
	if out.Demo {
		demo = "igen (csak letöltés, a program semmit nem ír a MiniCRM-be)"
	}
	key := "nincs megadva"
	switch {
	case keyErr != nil:
		key = "nem ismert (a kulcstartó nem érhető el)"
	case state == domain.KeyInKeyring:
		key = "el van mentve a kulcstartóban"
	case state == domain.KeyFromEnvironment && out.KeyStored:
		key = "a KONNYUSZAMLA_MINICRM_API_KEY környezeti változóból (a kulcstartóban is van egy elmentett kulcs)"
	case state == domain.KeyFromEnvironment:
		key = "a KONNYUSZAMLA_MINICRM_API_KEY környezeti változóból (a kulcstartóban nincs elmentve)"
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	for _, row := range [][2]string{
		{domain.MiniCRMSystemIDLabel, orText(out.SystemID, "(nincs megadva)")},
		{"Vállalat száma", orText(out.Company, "(nincs megadva)")},
		{"API cím", out.BaseURL},
		{"Demó rendszer", demo},
		{domain.MiniCRMAllowedIPsLabel, orText(strings.Join(out.AllowedIPs, ", "), "bárhonnan")},
		{"Vevők modul", idText(out.CustomersModule, "(nincs kiválasztva)")},
		{"Számlák modul", idText(out.InvoicesModule, "(nincs)")},
		{"API kulcs", key},
	} {
		fmt.Fprintf(tw, "%s:\t%s\n", row[0], row[1])
	}
	return tw.Flush()
}

func optionalID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

func showPtr[T any](v T) *T { return &v }
