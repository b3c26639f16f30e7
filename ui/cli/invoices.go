package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"text/tabwriter"

	"konnyuszamla/domain"
)

func invoices(ctx context.Context, env Env, s Store, sub string, args []string) error {
	switch sub {
	case "issue":
		return invoicesIssue(ctx, env, s, args)
	case "list":
		return invoicesList(ctx, env, s, args)
	case "pdf":
		return invoicesPDF(ctx, env, s, args)
	case "cancel":
		return numberCommand(args, "invoices cancel SORSZÁM", func(number string) error {
			storno, err := s.CancelInvoice(ctx, number, domain.Date{})
			if err == nil {
				fmt.Fprintln(env.Stdout, storno.Number)
			}
			return err
		})
	case "convert":
		return numberCommand(args, "invoices convert SORSZÁM", func(number string) error {
			inv, err := s.ConvertProforma(ctx, number, domain.Date{})
			if err == nil {
				fmt.Fprintln(env.Stdout, inv.Number)
			}
			return err
		})
	case "withdraw":
		return numberCommand(args, "invoices withdraw SORSZÁM", func(number string) error {
			return s.WithdrawProforma(ctx, number)
		})
	case "pay":
		return invoicesPay(ctx, env, s, args)
	}
	return usageError("ismeretlen invoices alparancs: %s", sub)
}

func numberCommand(args []string, usage string, fn func(string) error) error {
	if len(args) != 1 {
		return usageError("%s", usage)
	}
	return fn(args[0])
}

func invoicesIssue(ctx context.Context, env Env, s Store, args []string) error {
	if len(args) > 0 {
		return usageError("invoices issue: a bizonylat piszkozatát JSON-ban a szabványos bemeneten várja")
	}
	var draft domain.Invoice
	if err := decodeJSON(env.Stdin, &draft); err != nil {
		return err
	}
	inv, err := s.IssueDocument(ctx, &draft)
	if err != nil {
		return err
	}
	path, err := s.DocumentPDF(ctx, inv.Number)
	if err != nil {
		return err
	}
	return json.NewEncoder(env.Stdout).Encode(map[string]string{"number": inv.Number, "pdf": path})
}

// issuedJSON is one item of "invoices list --json" (docs/cli.md): the
// document, its computed totals, the invoice a proforma became ("" when
// none, like cancels and fromProforma) and its MiniCRM upload state.
type issuedJSON struct {
	*domain.Invoice
	domain.Totals
	InvoicedAs string `json:"invoicedAs"`
	MiniCRM    string `json:"minicrm"`
}

func invoicesList(ctx context.Context, env Env, s Store, args []string) error {
	fs := newFlagSet("invoices list", env)
	asJSON := fs.Bool("json", false, "")
	if pos, err := parseInterspersed(fs, args); err != nil || len(pos) > 0 {
		return orUsage(err, "invoices list [--json]")
	}
	list, err := s.Documents(ctx, domain.InvoiceQuery{})
	if err != nil {
		return err
	}
	if !*asJSON {
		return writeInvoiceTable(env.Stdout, list)
	}
	out := make([]issuedJSON, 0, len(list))
	for _, sum := range list {
		inv, err := s.Document(ctx, sum.Number)
		if err != nil {
			return err
		}
		totals, err := inv.Totals()
		if err != nil {
			return err
		}
		out = append(out, issuedJSON{Invoice: inv, Totals: totals, InvoicedAs: sum.InvoicedAs, MiniCRM: "none"})
	}
	enc := json.NewEncoder(env.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeInvoiceTable(w io.Writer, list []domain.InvoiceSummary) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SORSZÁM\tTÍPUS\tVEVŐ\tKELT\tHATÁRIDŐ\tBRUTTÓ\tÁLLAPOT")
	for _, d := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", d.Number, d.Type.Label(), d.BuyerName,
			d.IssueDate.FormatHU(), d.DueDate.FormatHU(), d.Gross.String(), listStatus(d))
	}
	return tw.Flush()
}

// listStatus is the ÁLLAPOT column: the status, or for a proforma turned
// into an invoice that invoice, as the Számlák tab shows it.
func listStatus(d domain.InvoiceSummary) string {
	if d.InvoicedAs != "" {
		return "számlázva: " + d.InvoicedAs
	}
	return d.Status.Label()
}

func invoicesPDF(ctx context.Context, env Env, s Store, args []string) error {
	fs := newFlagSet("invoices pdf", env)
	out := fs.String("o", "", "")
	pos, err := parseInterspersed(fs, args)
	if err != nil || len(pos) != 1 {
		return orUsage(err, "invoices pdf SORSZÁM [-o FÁJL]")
	}
	path, err := s.DocumentPDF(ctx, pos[0])
	if err != nil {
		return err
	}
	if *out == "" {
		fmt.Fprintln(env.Stdout, path)
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	if err := writeNewFile(*out, data, "A PDF"); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, *out)
	return nil
}

// writeNewFile writes data to path, which must not exist yet: like export
// and backup, the command never overwrites a file. what names the content
// in the messages ("A PDF").
func writeNewFile(path string, data []byte, what string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	switch {
	case errors.Is(err, fs.ErrExist):
		return domain.Errorf(domain.EInvalid, "A fájl már létezik: %s. Adjon meg új fájlnevet.", path)
	case errors.Is(err, fs.ErrNotExist):
		return domain.Errorf(domain.EInvalid, "%s nem írható ide: %s (a mappa nem létezik).", what, path)
	case errors.Is(err, fs.ErrPermission):
		return domain.Errorf(domain.EInvalid, "%s nem írható ide: %s (nincs írási jog).", what, path)
	case err != nil:
		return &domain.Error{Code: domain.EInvalid, Message: fmt.Sprintf("%s nem írható ide: %s.", what, path), Err: err}
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return fmt.Errorf("close %s: %w", path, err)
	}
	return nil
}

func invoicesPay(ctx context.Context, env Env, s Store, args []string) error {
	fs := newFlagSet("invoices pay", env)
	dateFlag := fs.String("date", "", "")
	amountFlag := fs.String("amount", "", "")
	methodFlag := fs.String("method", "", "")
	pos, err := parseInterspersed(fs, args)
	if err != nil || len(pos) != 1 {
		return orUsage(err, "invoices pay SORSZÁM [--date ÉÉÉÉ-HH-NN] [--amount ÖSSZEG] [--method transfer|cash|card|cod|other]")
	}
	var p domain.Payment
	if *dateFlag != "" {
		if p.Date, err = domain.ParseDate(*dateFlag); err != nil {
			return err
		}
	}
	p.Method = domain.PaymentMethod(*methodFlag)
	if *amountFlag != "" {
		if p.Amount, err = domain.ParseDecimal(*amountFlag); err != nil {
			return err
		}
	} else {
		inv, err := s.Document(ctx, pos[0])
		if err != nil {
			return err
		}
		full, err := inv.FullPayment(p.Date)
		if err != nil {
			return err
		}
		p.Amount = full.Amount
	}
	inv, err := s.AddPayment(ctx, pos[0], p)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s: %s\n", inv.Number, inv.Status.Label())
	return nil
}
