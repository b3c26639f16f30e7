package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"konnyuszamla/domain"
)

// MiniCRMDeps are what the minicrm commands need besides Env: the settings
// store (the opened database), the OS keyring and the MiniCRM connector.
type MiniCRMDeps struct {
	Settings  domain.MiniCRMSettingsStore
	Secrets   domain.SecretStore
	Connector domain.MiniCRMConnector
}

// MiniCRMUsage lists the minicrm commands for Usage.
const MiniCRMUsage = `  minicrm set [--system-id N] [--company N] [--base-url URL] [--demo=true|false] [--allowed-ips LISTA]
              [--customers-module ID] [--invoices-module ID] [--api-key-stdin | --api-url-stdin]
                                         a MiniCRM kapcsolat beállítása; a kulcs csak a kulcstartóba kerül
  minicrm show [--json]                  a beállítások (a kulcsot soha nem írja ki, csak hogy el van-e mentve)
  minicrm test                           a kapcsolat ellenőrzése; 0-val lép ki, ha működik
`

// MiniCRM runs "minicrm set|show|test" (docs/cli.md). Like every command
// it returns a *domain.Error whose Hungarian message Run prints; the API
// key is never printed.
func MiniCRM(ctx context.Context, env Env, deps MiniCRMDeps, sub string, args []string) error {
	if deps.Settings == nil || deps.Secrets == nil || deps.Connector == nil {
		return errors.New("minicrm: dependencies not wired")
	}
	svc := &domain.MiniCRMService{Settings: deps.Settings, Secrets: deps.Secrets, Connector: deps.Connector}
	switch sub {
	case "set":
		return minicrmSet(ctx, env, svc, args)
	case "show":
		return minicrmShow(ctx, env, svc, args)
	case "test":
		return minicrmTest(ctx, env, svc, args)
	}
	if sub == "" {
		return usageError("a minicrm után adja meg: set, show vagy test")
	}
	return usageError("ismeretlen minicrm alparancs: %s", sub)
}

const minicrmSetUsage = "minicrm set [--system-id N] [--company N] [--base-url URL] [--demo=true|false] [--allowed-ips LISTA] " +
	"[--customers-module ID] [--invoices-module ID] [--api-key-stdin | --api-url-stdin]"

func minicrmSet(ctx context.Context, env Env, svc *domain.MiniCRMService, args []string) error {
	fs := newFlagSet("minicrm set", env)
	systemID := fs.String("system-id", "", "")
	company := fs.String("company", "", "")
	baseURL := fs.String("base-url", "", "")
	demo := fs.Bool("demo", false, "")
	allowed := fs.String("allowed-ips", "", "")
	customers := fs.Int64("customers-module", 0, "")
	invoices := fs.Int64("invoices-module", 0, "")
	keyStdin := fs.Bool("api-key-stdin", false, "")
	urlStdin := fs.Bool("api-url-stdin", false, "")
	if pos, err := parseInterspersed(fs, args); err != nil || len(pos) > 0 {
		return orUsage(err, minicrmSetUsage)
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	switch {
	case len(given) == 0:
		return usageError("%s: adjon meg legalább egy beállítást", minicrmSetUsage)
	case *keyStdin && *urlStdin:
		return usageError("az --api-key-stdin és az --api-url-stdin közül csak az egyiket adja meg")
	case *customers < 0 || *invoices < 0:
		return usageError("a modul azonosítója pozitív egész szám (0: nincs)")
	}

	s, err := svc.Settings.MiniCRMSettings(ctx)
	if err != nil {
		return err
	}
	// Only the flags given change the stored settings.
	if given["system-id"] {
		s.SystemID = *systemID
	}
	if given["company"] {
		s.Company = *company
	}
	if given["base-url"] {
		s.BaseURL = *baseURL
	}
	if given["demo"] {
		s.Demo = *demo
	}
	if given["allowed-ips"] {
		s.AllowedIPs = domain.SplitIPList(*allowed)
	}
	if given["customers-module"] {
		s.CustomersModule = *customers
	}
	if given["invoices-module"] {
		s.InvoicesModule = *invoices
	}

	var key string
	switch {
	case *keyStdin:
		if key, err = readSecretLine(env.Stdin, "API kulcs"); err != nil {
			return err
		}
	case *urlStdin:
		text, err := readSecretLine(env.Stdin, "API URL")
		if err != nil {
			return err
		}
		u, err := svc.Connector.ParseAPIURL(text)
		if err != nil {
			return err
		}
		if given["system-id"] && normalizedID(*systemID) != u.SystemID {
			return domain.Errorf(domain.EInvalid, "A --system-id (%s) és az API URL rendszerazonosítója (%s) eltér.", strings.TrimSpace(*systemID), u.SystemID)
		}
		s.SystemID, key = u.SystemID, u.APIKey
		if !given["base-url"] && u.BaseURL != "" {
			s.BaseURL = u.BaseURL
		}
	}
	if err := svc.Save(ctx, &s, key); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "A MiniCRM beállítások mentve.")
	if key != "" {
		fmt.Fprintln(env.Stdout, "Az API kulcs a rendszer kulcstartójába került. Ellenőrzés: konnyuszamla minicrm test")
	}
	return nil
}

func minicrmTest(ctx context.Context, env Env, svc *domain.MiniCRMService, args []string) error {
	if len(args) > 0 {
		return usageError("minicrm test: nincs kapcsolója")
	}
	s, err := svc.Settings.MiniCRMSettings(ctx)
	if err != nil {
		return err
	}
	if !s.Configured() {
		return domain.Errorf(domain.EInvalid, "Nincs beállítva a MiniCRM rendszerazonosítója. "+
			"Adja meg: konnyuszamla minicrm set --system-id N --api-key-stdin (vagy --api-url-stdin).")
	}
	mods, err := svc.Test(ctx, s, "")
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "A kapcsolat működik (rendszer: %s, %s).\n", s.SystemID, s.BaseURL)
	if s.Demo {
		fmt.Fprintln(env.Stdout, "Demó rendszer: csak letöltés, a program semmit nem ír a MiniCRM-be.")
	}
	fmt.Fprintln(env.Stdout, "Modulok:")
	for _, m := range mods {
		role := ""
		switch m.ID {
		case s.CustomersModule:
			role = "  (Vevők modul)"
		case s.InvoicesModule:
			role = "  (Számlák modul)"
		}
		fmt.Fprintf(env.Stdout, "  %d\t%s%s\n", m.ID, m.Name, role)
	}
	for _, w := range s.ModuleWarnings(mods) {
		fmt.Fprintln(env.Stderr, "Figyelem:", w)
	}
	if s.CustomersModule == 0 {
		if id, ok := domain.DefaultCustomersModule(mods); ok {
			fmt.Fprintf(env.Stderr, "Javaslat: konnyuszamla minicrm set --customers-module %d\n", id)
		}
	}
	return nil
}

// readSecretLine reads the first non-empty line of r. The text is a
// secret: no error repeats it.
func readSecretLine(r io.Reader, what string) (string, error) {
	if r == nil {
		return "", domain.Errorf(domain.EInvalid, "Az %s a szabványos bemeneten várható, de az nem olvasható.", what)
	}
	sc := bufio.NewScanner(io.LimitReader(r, 64<<10))
	sc.Buffer(make([]byte, 0, 4096), 64<<10)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" {
			return line, nil
		}
	}
	if err := sc.Err(); err != nil {
		return "", fmt.Errorf("read %s from stdin: %w", what, err)
	}
	return "", domain.Errorf(domain.EInvalid, "Üres a szabványos bemenet: az %s egy sorban várható.", what)
}

// normalizedID writes a system id as Normalize does ("098" → "98").
func normalizedID(id string) string {
	s := domain.MiniCRMSettings{SystemID: id}
	s.Normalize()
	return s.SystemID
}
