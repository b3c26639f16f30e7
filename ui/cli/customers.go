package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"text/tabwriter"

	"konnyuszamla/domain"
)

func customers(ctx context.Context, env Env, s Store, sub string, args []string) error {
	switch sub {
	case "list":
		return customersList(ctx, env, s, args)
	case "add":
		return customersAdd(ctx, env, s, args)
	case "edit":
		return customersEdit(ctx, env, s, args)
	case "import":
		return customersImport(ctx, env, s, args)
	case "export":
		return customersExport(ctx, env, s, args)
	}
	return usageError("ismeretlen customers alparancs: %s", sub)
}

func customersList(ctx context.Context, env Env, s Store, args []string) error {
	fs := newFlagSet("customers list", env)
	asJSON := fs.Bool("json", false, "")
	search := fs.String("search", "", "")
	archived := fs.Bool("archived", false, "")
	if pos, err := parseInterspersed(fs, args); err != nil || len(pos) > 0 {
		return orUsage(err, "customers list [--json] [--search SZÖVEG] [--archived]")
	}
	list, err := s.Customers(ctx, domain.CustomerQuery{Search: *search, IncludeArchived: *archived, Sort: domain.SortByName})
	if err != nil {
		return err
	}
	if *asJSON {
		if list == nil {
			list = []domain.Customer{}
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(list)
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "AZONOSÍTÓ\tNÉV\tADÓSZÁM\tVÁROS\tE-MAIL")
	for _, c := range list {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", c.ID, c.Name, c.TaxNumber, c.BillingAddress.City, c.Email)
	}
	return tw.Flush()
}

func customersAdd(ctx context.Context, env Env, s Store, args []string) error {
	if len(args) > 0 {
		return usageError("customers add: a vevő adatait JSON-ban a szabványos bemeneten várja")
	}
	var c domain.Customer
	if err := decodeJSON(env.Stdin, &c); err != nil {
		return err
	}
	c.ID = 0
	if err := s.CreateCustomer(ctx, &c); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, c.ID)
	return nil
}

func customersEdit(ctx context.Context, env Env, s Store, args []string) error {
	if len(args) != 1 {
		return usageError("customers edit AZONOSÍTÓ")
	}
	id, err := strconv.ParseInt(args[0], 10, 64)
	if err != nil || id <= 0 {
		return usageError("a vevő azonosítója pozitív egész szám, nem %q", args[0])
	}
	c, err := s.CustomerByID(ctx, id)
	if err != nil {
		return err
	}
	// Decoding into the stored customer replaces exactly the fields given.
	if err := decodeJSON(env.Stdin, c); err != nil {
		return err
	}
	c.ID = id
	return s.UpdateCustomer(ctx, c)
}

func customersImport(ctx context.Context, env Env, s Store, args []string) error {
	fs := newFlagSet("customers import", env)
	skip := fs.Bool("skip-invalid", false, "")
	pos, err := parseInterspersed(fs, args)
	if err != nil || len(pos) != 1 {
		return orUsage(err, "customers import FÁJL.csv [--skip-invalid]")
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return domain.Errorf(domain.EInvalid, "A fájl nem nyitható meg: %s", pos[0])
	}
	defer f.Close()
	list, rowErrs, err := domain.ReadCustomersCSV(f)
	if err != nil {
		return err
	}
	for _, re := range rowErrs {
		fmt.Fprintln(env.Stderr, re.String())
	}
	if len(rowErrs) > 0 && !*skip {
		return domain.Errorf(domain.EInvalid, "%d hibás sor miatt semmit nem importáltam. Javítsa a sorokat, vagy futtassa --skip-invalid kapcsolóval.", len(rowErrs))
	}
	if err := s.ImportCustomers(ctx, list); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%d vevő importálva", len(list))
	if len(rowErrs) > 0 {
		fmt.Fprintf(env.Stdout, ", %d hibás sor kihagyva", len(rowErrs))
	}
	fmt.Fprintln(env.Stdout)
	return nil
}

func customersExport(ctx context.Context, env Env, s Store, args []string) error {
	fs := newFlagSet("customers export", env)
	archived := fs.Bool("archived", false, "")
	pos, err := parseInterspersed(fs, args)
	if err != nil || len(pos) != 1 {
		return orUsage(err, "customers export FÁJL.csv [--archived]")
	}
	list, err := s.Customers(ctx, domain.CustomerQuery{IncludeArchived: *archived, Sort: domain.SortByName})
	if err != nil {
		return err
	}
	f, err := os.OpenFile(pos[0], os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return domain.Errorf(domain.EInvalid, "A fájl már létezik: %s. Adjon meg új fájlnevet.", pos[0])
	}
	if err != nil {
		return domain.Errorf(domain.EInvalid, "A fájl nem hozható létre: %s", pos[0])
	}
	if err := domain.WriteCustomersCSV(f, list); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close %s: %w", pos[0], err)
	}
	fmt.Fprintf(env.Stdout, "%d vevő exportálva: %s\n", len(list), pos[0])
	return nil
}

func orUsage(err error, usage string) error {
	if err != nil {
		return err
	}
	return usageError("%s", usage)
}
