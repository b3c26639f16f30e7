package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"testing"

	"konnyuszamla/domain"
)

// TestDecodeJSONErrorsAreHungarian: every way the input of "customers add",
// "invoices issue" or "seller set" can be wrong gives one Hungarian
// sentence naming the field or the place.
func TestDecodeJSONErrorsAreHungarian(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"empty", "", "Üres bemenet: a parancs JSON-t vár a szabványos bemeneten."},
		{"only spaces", " \n\t", "Üres bemenet: a parancs JSON-t vár a szabványos bemeneten."},
		{"unknown field", `{"type": "invoice", "foo": 1}`, `A bemenet ismeretlen mezőt tartalmaz: "foo".`},
		{"trailing comma", `{"type": "invoice",}`,
			"A bemenet nem érvényes JSON: váratlan '}' karakter, mezőnevet (idézőjeles szöveget) várt, a(z) 20. bájtnál."},
		{"missing colon", `{"note" "x"}`, "A bemenet nem érvényes JSON: váratlan '\"' karakter, a mezőnév után kettőspontot várt, a(z) 9. bájtnál."},
		{"not JSON", "számla", "A bemenet nem érvényes JSON: váratlan 's' karakter, értéket várt, a(z) 1. bájtnál."},
		{"bad literal", `{"note": nul}`, "A bemenet nem érvényes JSON: váratlan '}' karakter, a true, false vagy null szóban, a(z) 13. bájtnál."},
		{"cut short", `{"type": "invoice", "lines": [`, "A bemenet nem érvényes JSON: idő előtt véget ért (hiányzik egy lezáró idézőjel, } vagy ])."},
		{"string for a number", `{"customerId": "12"}`, `A bemenet "customerId" mezőjének típusa hibás: egész számot vár, de szöveget kapott.`},
		{"fraction for an id", `{"customerId": 1.5}`, `A bemenet "customerId" mezőjének típusa hibás: egész számot vár, de 1.5 számot kapott.`},
		{"number for a text", `{"lines": [{"description": "a"}, {"description": 7}]}`,
			`A bemenet "lines[1].description" mezőjének típusa hibás: szöveget vár, de számot kapott.`},
		{"object for a list", `{"lines": {}}`, `A bemenet "lines" mezőjének típusa hibás: listát vár, de objektumot kapott.`},
		{"a list", `[{"type": "invoice"}]`, "A bemenet objektumot vár, de listát kapott."},
		{"bad decimal", `{"lines": [{"quantity": "1"}, {"quantity": "1,5.3"}]}`, `A bemenet "lines[1].quantity" mezője hibás: hibás szám`},
		{"bad date", `{"issueDate": "2026-02-30"}`, `A bemenet "issueDate" mezője hibás: nem létező vagy hibás dátum: "2026-02-30"`},
		{"two objects", `{"type": "invoice"} {"type": "proforma"}`,
			"A bemenet egyetlen JSON-objektumot várt, de utána további adat áll (a(z) 21. bájttól)."},
	} {
		var inv domain.Invoice
		err := decodeJSON(strings.NewReader(tc.in), &inv)
		msg := domain.ErrorMessage(err)
		if domain.ErrorCode(err) != domain.EInvalid || !strings.HasPrefix(msg, tc.want) {
			t.Errorf("%s: %v (%s)\n got %s\nwant %s", tc.name, err, domain.ErrorCode(err), msg, tc.want)
		}
		if strings.Contains(msg, "json:") || strings.Contains(msg, "invalid") || strings.Contains(msg, "\n") {
			t.Errorf("%s: not one Hungarian line: %q", tc.name, msg)
		}
	}

	var c domain.Customer
	if err := decodeJSON(strings.NewReader(`{"name": "Minta Kft.", "billingAddress": {"city": 1}}`+"\n"), &c); domain.ErrorMessage(err) !=
		`A bemenet "billingAddress.city" mezőjének típusa hibás: szöveget vár, de számot kapott.` {
		t.Errorf("nested field: %v", err)
	}
	if err := decodeJSON(strings.NewReader("{\"name\": \"Minta Kft.\"}\n\n"), &c); err != nil || c.Name != "Minta Kft." {
		t.Errorf("valid input with trailing newlines: %v, %+v", err, c)
	}
	if err := decodeJSON(failingReader{}, &c); domain.ErrorCode(err) != domain.EInternal {
		t.Errorf("unreadable input: %v, want an internal error", err)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("broken pipe") }

func TestFlagErrorsAreHungarian(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"KSZ-1", "-x"}, "ismeretlen kapcsoló: -x"},
		{[]string{"--nincs=1"}, "ismeretlen kapcsoló: -nincs"},
		{[]string{"KSZ-1", "-o"}, "a(z) -o kapcsoló után meg kell adni az értékét (-o ÉRTÉK vagy -o=ÉRTÉK)"},
		{[]string{"--json=talán"}, `a(z) -json kapcsoló értéke true vagy false lehet, nem "talán"`},
		{[]string{"--n", "sok"}, `a(z) -n kapcsoló értéke hibás: "sok"`},
		{[]string{"--n", "99999999999999999999"}, `a(z) -n kapcsoló értéke túl nagy: "99999999999999999999"`},
		{[]string{"---o"}, "hibás kapcsoló: ---o"},
	} {
		fs := newFlagSet("test", Env{})
		fs.String("o", "", "")
		fs.Bool("json", false, "")
		fs.Int64("n", 0, "")
		_, err := parseInterspersed(fs, tc.args)
		if !errors.Is(err, errUsage) || !strings.HasSuffix(err.Error(), ": "+tc.want) {
			t.Errorf("%v: %v, want a usage error %q", tc.args, err, tc.want)
		}
	}
	fs := newFlagSet("test", Env{})
	if _, err := parseInterspersed(fs, []string{"-h"}); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("-h: %v", err)
	}
}

// runWithError reports err the way Run reports a failed command (handed
// over as the error of opening the store, which Run reports unchanged).
func runWithError(err error) (int, string) {
	var errOut bytes.Buffer
	env := Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &errOut,
		Open: func(context.Context) (Store, error) { return nil, err }}
	code := Run(context.Background(), env, []string{"backup", "unused"})
	return code, errOut.String()
}

func TestRunPrintsOneLine(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("read documents: %w", errors.New("disk I/O error\nat page 7")),
			"Hiba: Váratlan hiba történt (részletek: read documents: disk I/O error at page 7).\n"},
		{&domain.Error{Code: domain.EInternal, Message: "A napló nem írható.", Err: errors.New("EROFS")},
			"Hiba: A napló nem írható (részletek: EROFS).\n"},
		{domain.Errorf(domain.EInternal, "Belső hiba."), "Hiba: Belső hiba.\n"},
		{domain.Errorf(domain.ENotFound, "Nincs KSZ-1 sorszámú bizonylat."), "Hiba: Nincs KSZ-1 sorszámú bizonylat.\n"},
	} {
		code, errOut := runWithError(tc.err)
		if code != exitFail || errOut != tc.want {
			t.Errorf("%v: exit %d\n got %q\nwant %q", tc.err, code, errOut, tc.want)
		}
	}
}
