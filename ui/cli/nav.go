package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"konnyuszamla/domain"
)

// NAVDeps are what the nav commands need; main.go builds them over the
// opened database (the nav package implements Exporter and Send).
type NAVDeps struct {
	Exporter domain.NAVExporter
	Reports  domain.NAVReportStore
	Service  *domain.NAVService
	// Send runs one pass of the report queue (send what waits, ask NAV
	// about what was sent); nil when not wired.
	Send func(ctx context.Context) error
}

// NAVUsage lists the nav commands for Usage.
const NAVUsage = `  nav export SORSZÁM [-o FÁJL]           a számla NAV adatszolgáltatása (invoiceData XML, Online Számla 3.0)
  nav status [--json]                    a NAV beküldés állapota bizonylatonként, a NAV üzeneteivel
  nav send                               a várakozó jelentések beküldése és az állapotok lekérdezése most
  nav resend SORSZÁM                     hibás (ABORTED) jelentés újraküldése, ahol a hiba oka ezt engedi
`

// NAV runs "nav export|status|send|resend".
func NAV(ctx context.Context, env Env, deps NAVDeps, sub string, args []string) error {
	switch sub {
	case "export":
		return navExport(ctx, env, deps, args)
	case "status":
		return navStatus(ctx, env, deps, args)
	case "send":
		if len(args) > 0 || deps.Send == nil {
			return usageError("nav send")
		}
		if err := deps.Send(ctx); err != nil {
			return err
		}
		return navStatus(ctx, env, deps, nil)
	case "resend":
		return numberCommand(args, "nav resend SORSZÁM", func(number string) error {
			if err := deps.Reports.ResendNAVReport(ctx, number); err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "%s: újraküldésre vár\n", number)
			return nil
		})
	}
	return usageError("ismeretlen nav alparancs: %s (export, status, send vagy resend)", sub)
}

func navExport(ctx context.Context, env Env, deps NAVDeps, args []string) error {
	fs := newFlagSet("nav export", env)
	out := fs.String("o", "", "")
	pos, err := parseInterspersed(fs, args)
	if err != nil || len(pos) != 1 {
		return orUsage(err, "nav export SORSZÁM [-o FÁJL]")
	}
	data, err := deps.Exporter.InvoiceData(ctx, pos[0])
	if err != nil {
		return err
	}
	if *out == "" {
		_, err := env.Stdout.Write(data)
		return err
	}
	if err := os.WriteFile(*out, data, 0o600); err != nil {
		return domain.Errorf(domain.EInvalid, "Az XML nem írható ide: %s", *out)
	}
	fmt.Fprintln(env.Stdout, *out)
	return nil
}

// navStatusJSON is the output of "nav status --json".
type navStatusJSON struct {
	Configured  bool               `json:"configured"`
	Environment string             `json:"environment"` // test or production
	Message     string             `json:"message,omitempty"`
	Reports     []navReportJSON    `json:"reports"`
	Counts      map[string]int     `json:"counts"`
	settings    domain.NAVSettings `json:"-"`
}

type navReportJSON struct {
	domain.NAVReport
	Label      string `json:"label"`
	Resendable bool   `json:"resendable"`
	Advice     string `json:"advice,omitempty"`
}

func navStatus(ctx context.Context, env Env, deps NAVDeps, args []string) error {
	fs := newFlagSet("nav status", env)
	asJSON := fs.Bool("json", false, "")
	if pos, err := parseInterspersed(fs, args); err != nil || len(pos) > 0 {
		return orUsage(err, "nav status [--json]")
	}
	out := navStatusJSON{Environment: "test", Reports: []navReportJSON{}, Counts: map[string]int{}}
	if deps.Service != nil {
		setup, err := deps.Service.Setup(ctx)
		var de *domain.Error
		if err != nil && !errors.As(err, &de) {
			return err
		}
		out.Configured = err == nil && setup.Ready()
		if setup.Settings.Production {
			out.Environment = "production"
		}
		out.settings = setup.Settings
		if !out.Configured {
			out.Message = domain.NAVNotSetUpMessage
		}
	}
	reports, err := deps.Reports.NAVReports(ctx)
	if err != nil {
		return err
	}
	for i := range reports {
		r := &reports[i]
		out.Counts[string(r.State)]++
		out.Reports = append(out.Reports, navReportJSON{NAVReport: *r, Label: r.State.Label(),
			Resendable: r.Resendable(), Advice: domain.NAVAdvice(r)})
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	return writeNAVStatus(env.Stdout, out)
}

func writeNAVStatus(w io.Writer, out navStatusJSON) error {
	if out.Message != "" {
		fmt.Fprintln(w, out.Message)
	} else {
		fmt.Fprintf(w, "NAV %s, technikai felhasználó: %s\n", out.settings.Environment(), out.settings.Login)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SORSZÁM\tTÍPUS\tNAV ÁLLAPOT\tTRANZAKCIÓ\tÜZENET")
	for _, r := range out.Reports {
		msg := navMessagesText(r.Messages)
		if msg == "" {
			msg = r.LastError
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Number, r.Type.Label(), r.Label, r.TransactionID, oneLine(msg))
	}
	return tw.Flush()
}

// navMessagesText joins NAV's messages: "ERROR INVOICE_NUMBER_NOT_UNIQUE: …".
func navMessagesText(msgs []domain.NAVMessage) string {
	parts := make([]string, 0, len(msgs))
	for _, m := range msgs {
		parts = append(parts, strings.TrimSpace(m.Severity+" "+m.Code)+": "+m.Text)
	}
	return strings.Join(parts, "; ")
}
