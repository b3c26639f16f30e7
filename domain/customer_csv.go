package domain

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// CSV format of the customer register, as Hungarian Excel opens and saves
// it: UTF-8 with a byte-order mark, ';' between fields, a header row. Import
// matches header names ignoring case and accents, and also accepts the JSON
// field names (name, taxNumber, …); columns may come in any order.
var csvColumns = []struct {
	header string // written on export
	json   string // also accepted on import
	get    func(*Customer) string
	set    func(*Customer, string)
}{
	{"Típus", "kind", func(c *Customer) string { return kindLabel(c.Kind) }, func(c *Customer, v string) { c.Kind = parseKind(v) }},
	{"Név", "name", func(c *Customer) string { return c.Name }, func(c *Customer, v string) { c.Name = v }},
	{"Adószám", "taxNumber", func(c *Customer) string { return c.TaxNumber }, func(c *Customer, v string) { c.TaxNumber = v }},
	{"Közösségi adószám", "euVatNumber", func(c *Customer) string { return c.EUVATNumber }, func(c *Customer, v string) { c.EUVATNumber = v }},
	{"E-mail", "email", func(c *Customer) string { return c.Email }, func(c *Customer, v string) { c.Email = v }},
	{"Telefon", "phone", func(c *Customer) string { return c.Phone }, func(c *Customer, v string) { c.Phone = v }},
	{"Bankszámlaszám", "bankAccount", func(c *Customer) string { return c.BankAccount }, func(c *Customer, v string) { c.BankAccount = v }},
	{"Ország", "country", func(c *Customer) string { return c.BillingAddress.Country }, func(c *Customer, v string) { c.BillingAddress.Country = v }},
	{"Irányítószám", "postalCode", func(c *Customer) string { return c.BillingAddress.PostalCode }, func(c *Customer, v string) { c.BillingAddress.PostalCode = v }},
	{"Város", "city", func(c *Customer) string { return c.BillingAddress.City }, func(c *Customer, v string) { c.BillingAddress.City = v }},
	{"Utca, házszám", "street", func(c *Customer) string { return c.BillingAddress.Street }, func(c *Customer, v string) { c.BillingAddress.Street = v }},
	{"Levelezési ország", "mailingCountry", func(c *Customer) string { return mailing(c).Country }, func(c *Customer, v string) { setMailing(c).Country = v }},
	{"Levelezési irányítószám", "mailingPostalCode", func(c *Customer) string { return mailing(c).PostalCode }, func(c *Customer, v string) { setMailing(c).PostalCode = v }},
	{"Levelezési város", "mailingCity", func(c *Customer) string { return mailing(c).City }, func(c *Customer, v string) { setMailing(c).City = v }},
	{"Levelezési utca, házszám", "mailingStreet", func(c *Customer) string { return mailing(c).Street }, func(c *Customer, v string) { setMailing(c).Street = v }},
	{"Megjegyzés", "note", func(c *Customer) string { return c.Note }, func(c *Customer, v string) { c.Note = v }},
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// RowError reports why one line of an imported CSV file is wrong.
type RowError struct {
	Line   int
	Fields []FieldError
	Err    string // a problem with the row as a whole
}

func (r RowError) String() string {
	msgs := make([]string, 0, len(r.Fields)+1)
	if r.Err != "" {
		msgs = append(msgs, r.Err)
	}
	for _, f := range r.Fields {
		msgs = append(msgs, f.String())
	}
	return fmt.Sprintf("%d. sor: %s", r.Line, strings.Join(msgs, "; "))
}

// WriteCustomersCSV writes customers in the register's CSV format.
func WriteCustomersCSV(w io.Writer, customers []Customer) error {
	bw := bufio.NewWriter(w)
	bw.Write(utf8BOM)
	cw := csv.NewWriter(bw)
	cw.Comma = ';'
	cw.UseCRLF = true // what Excel writes and expects
	record := make([]string, len(csvColumns))
	for i, col := range csvColumns {
		record[i] = col.header
	}
	cw.Write(record)
	for i := range customers {
		for j, col := range csvColumns {
			record[j] = col.get(&customers[i])
		}
		cw.Write(record)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return bw.Flush()
}

// ReadCustomersCSV reads the register's CSV format. Every row is normalised
// and validated; valid rows come back in customers, each bad row in rowErrs
// with its line number. err is set only when the file itself is unusable.
func ReadCustomersCSV(r io.Reader) (customers []Customer, rowErrs []RowError, err error) {
	br := bufio.NewReader(r)
	if head, _ := br.Peek(3); bytes.Equal(head, utf8BOM) {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.Comma = ';'
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, nil, Errorf(EInvalid, "A CSV-fájl üres: hiányzik a fejléc sora.")
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, nil, Errorf(EInvalid, "A CSV-fájl fejléce hibás (%d. sor): %s.", pe.Line, csvProblem(pe))
		}
		return nil, nil, fmt.Errorf("read csv header: %w", err)
	}
	setters, err := mapHeader(header)
	if err != nil {
		return nil, nil, err
	}
	for {
		record, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				rowErrs = append(rowErrs, RowError{Line: pe.StartLine, Err: "hibás CSV-sor: " + csvProblem(pe)})
				continue
			}
			return nil, nil, fmt.Errorf("read csv: %w", err)
		}
		// FieldPos is valid only after a successful Read: after a parse
		// error in the first field it panics.
		line, _ := cr.FieldPos(0)
		if isBlank(record) {
			continue
		}
		c, rowErr := customerFromRecord(record, setters, len(header))
		if rowErr != nil {
			rowErr.Line = line
			rowErrs = append(rowErrs, *rowErr)
			continue
		}
		customers = append(customers, c)
	}
	return customers, rowErrs, nil
}

// csvProblem says in Hungarian what the CSV reader found wrong; the
// reader's own texts are English.
func csvProblem(pe *csv.ParseError) string {
	var what string
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		what = "idézőjel (\") áll egy idézőjel nélküli mezőben; a mezőt tegye idézőjelek közé, a benne lévő idézőjelet pedig írja kétszer (\"\")"
	case errors.Is(pe.Err, csv.ErrQuote):
		what = "egy idézőjeles mező idézőjele nincs lezárva, vagy a záró idézőjel után további szöveg áll"
	case errors.Is(pe.Err, csv.ErrFieldCount):
		what = "a mezők száma eltér a fejlécétől"
	default:
		what = "a sor nem értelmezhető"
	}
	if pe.Line != pe.StartLine {
		// A quoted field may span lines; say where the reader gave up too.
		return fmt.Sprintf("%s (a(z) %d. sorban kezdődő mező a(z) %d. sorig tart)", what, pe.StartLine, pe.Line)
	}
	return fmt.Sprintf("%s (a sor %d. bájtjánál)", what, pe.Column)
}

func customerFromRecord(record []string, setters []func(*Customer, string), width int) (Customer, *RowError) {
	if len(record) != width {
		return Customer{}, &RowError{Err: "a mezők száma " + strconv.Itoa(len(record)) + ", a fejlécé " + strconv.Itoa(width)}
	}
	var c Customer
	for i, v := range record {
		if setters[i] != nil {
			setters[i](&c, v)
		}
	}
	c.Normalize()
	if err := c.Validate(); err != nil {
		return Customer{}, &RowError{Fields: FieldErrors(err)}
	}
	return c, nil
}

// mapHeader finds the setter of each column; unknown columns are an error,
// so that a misspelt header does not silently drop data.
func mapHeader(header []string) ([]func(*Customer, string), error) {
	byName := make(map[string]func(*Customer, string))
	for _, col := range csvColumns {
		byName[Fold(col.header)] = col.set
		byName[Fold(col.json)] = col.set
	}
	setters := make([]func(*Customer, string), len(header))
	seen := make(map[string]bool)
	for i, h := range header {
		key := Fold(h)
		set, ok := byName[key]
		if !ok {
			return nil, Errorf(EInvalid, "Ismeretlen oszlop a CSV fejlécében: %q (%d. oszlop).", h, i+1)
		}
		if seen[key] {
			return nil, Errorf(EInvalid, "A(z) %q oszlop kétszer szerepel a fejlécben.", h)
		}
		seen[key] = true
		setters[i] = set
	}
	if !seen[Fold("Név")] && !seen["name"] {
		return nil, Errorf(EInvalid, "A CSV fejlécéből hiányzik a „Név” oszlop.")
	}
	return setters, nil
}

func isBlank(record []string) bool {
	for _, v := range record {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

func mailing(c *Customer) Address {
	if c.MailingAddress == nil {
		return Address{}
	}
	return *c.MailingAddress
}

func setMailing(c *Customer) *Address {
	if c.MailingAddress == nil {
		c.MailingAddress = &Address{}
	}
	return c.MailingAddress
}

func kindLabel(k CustomerKind) string {
	if k == KindPerson {
		return "magánszemély"
	}
	return "cég"
}

func parseKind(v string) CustomerKind {
	switch Fold(v) {
	case "maganszemely", "person", "szemely", "magan":
		return KindPerson
	case "ceg", "company", "":
		return KindCompany
	}
	return CustomerKind(v) // Validate reports it
}
