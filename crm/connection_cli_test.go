//go:build cgo

// The SQLite driver needs cgo; without it these end-to-end tests are left
// out and the rest of crm's tests still run.

package crm_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"konnyuszamla/crm"
	"konnyuszamla/crm/minicrmtest"
	"konnyuszamla/domain"
	"konnyuszamla/storage"
	"konnyuszamla/storage/secret"
	"konnyuszamla/ui/cli"
)

// These tests run the headless minicrm commands end to end over the real
// pieces: the SQLite store, storage/secret on go-keyring's in-memory mock
// (global to this test binary; nothing else here uses the keyring), this
// package's Connector, and the fake MiniCRM. They live here because ui/cli
// may not import crm or storage, not even in its tests.

type cliRig struct {
	dir  string
	db   *storage.DB
	srv  *minicrmtest.Server
	conn crm.Connector
	env  map[string]string // the process environment the secret store sees

	// Everything the commands said or returned, for the leak test.
	transcript []string
}

func newCLIRig(t *testing.T, key string) *cliRig {
	t.Helper()
	keyring.MockInit()
	srv := minicrmtest.NewServer(t, minicrmtest.Options{APIKey: key})
	seedSales(srv)
	srv.AddCategory(minicrmtest.Category{Name: "Számlázó"})
	dir := t.TempDir()
	db, err := storage.OpenDir(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return &cliRig{dir: dir, db: db, srv: srv, env: map[string]string{},
		conn: crm.Connector{UserAgent: "KonnyuSzamla/test", HTTPClient: srv.HTTPClient(), Clock: srv.Clock()}}
}

func (r *cliRig) deps() cli.MiniCRMDeps {
	secrets := secret.WithEnvOverride(secret.New(secret.Options{}), func(k string) string { return r.env[k] })
	return cli.MiniCRMDeps{Settings: r.db, Secrets: secrets, Connector: r.conn}
}

// apiURL is the URL MiniCRM would show for the fake, with key.
func (r *cliRig) apiURL(key string) string {
	return strings.Replace(r.srv.URL(), "http://", fmt.Sprintf("http://%d:%s@", r.srv.SystemID(), key), 1) + "/Api/R3"
}

// run runs "minicrm args…" and reports it as cli.Run would: exit status 0,
// 1 with "Hiba: <Hungarian message>" or 2 for wrong usage.
func (r *cliRig) run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := cli.Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, DataDir: r.dir}
	deps := r.deps()
	err := cli.MiniCRM(context.Background(), env, deps, args[0], args[1:])
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
	case strings.HasPrefix(err.Error(), "usage: "):
		code = 2
		fmt.Fprintln(&errOut, "Hibás használat:", err)
	default:
		code = 1
		fmt.Fprintln(&errOut, "Hiba:", domain.ErrorMessage(err))
		// Everything a log line or a crash report could show of the error.
		r.transcript = append(r.transcript, err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err))
		for e := range allErrors(err) {
			r.transcript = append(r.transcript, e.Error(), fmt.Sprintf("%+v", e))
		}
	}
	r.transcript = append(r.transcript, out.String(), errOut.String(), fmt.Sprintf("%+v %#v", deps, deps))
	return code, out.String(), errOut.String()
}

// allErrors walks an error tree (Unwrap() error and Unwrap() []error).
func allErrors(err error) func(func(error) bool) {
	return func(yield func(error) bool) {
		var walk func(error) bool
		walk = func(e error) bool {
			if e == nil {
				return true
			}
			if !yield(e) {
				return false
			}
			switch u := e.(type) {
			case interface{ Unwrap() error }:
				return walk(u.Unwrap())
			case interface{ Unwrap() []error }:
				for _, c := range u.Unwrap() {
					if !walk(c) {
						return false
					}
				}
			}
			return true
		}
		walk(err)
	}
}

func TestCLIMiniCRMSetShowTestAgainstFake(t *testing.T) {
	r := newCLIRig(t, "")
	key := r.srv.APIKey()
	code, out, errOut := r.run(t, r.apiURL(key)+"\n", "set", "--api-url-stdin", "--company", "0")
	if code != 0 || !strings.Contains(out, "mentve") {
		t.Fatalf("set: exit %d %q %q", code, out, errOut)
	}
	code, out, errOut = r.run(t, "", "test")
	if code != 0 || !strings.Contains(out, "A kapcsolat működik") || !strings.Contains(out, "Értékesítés") ||
		!strings.Contains(out, "Számlázó") || !strings.Contains(errOut, "Javaslat: konnyuszamla minicrm set --customers-module") {
		t.Fatalf("test: exit %d %q %q", code, out, errOut)
	}
	code, out, _ = r.run(t, "", "show", "--json")
	if code != 0 || !strings.Contains(out, `"keyStored": true`) || !strings.Contains(out, `"systemId": "12345"`) ||
		!strings.Contains(out, `"baseUrl": "`+r.srv.URL()+`"`) {
		t.Fatalf("show: %s", out)
	}
	s, err := r.db.MiniCRMSettings(context.Background())
	if err != nil || s.SystemID != "12345" || s.Company != "0" {
		t.Fatalf("stored settings %+v %v", s, err)
	}
}

func TestCLIMiniCRMWrongKeyAndServerErrors(t *testing.T) {
	r := newCLIRig(t, "")
	good := r.srv.APIKey()
	// A first key is stored untested (offline setup); the test then fails.
	r.run(t, "ffffffffffffffffffffffffffffffff\n", "set", "--system-id", "12345", "--base-url", r.srv.URL(), "--api-key-stdin")
	code, _, errOut := r.run(t, "", "test")
	if code != 1 || !strings.Contains(errOut, "Hiba: A rendszerazonosító vagy az API kulcs hibás (401)") {
		t.Fatalf("wrong key: exit %d %q", code, errOut)
	}
	// The right key replaces it (tested first), and the test passes.
	if code, _, errOut := r.run(t, good+"\n", "set", "--api-key-stdin"); code != 0 {
		t.Fatalf("replace: exit %d %q", code, errOut)
	}
	if code, _, errOut := r.run(t, "", "test"); code != 0 {
		t.Fatalf("after replace: exit %d %q", code, errOut)
	}
	// A wrong replacement is refused and the good key stays.
	code, _, errOut = r.run(t, "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee\n", "set", "--api-key-stdin")
	if code != 1 || !strings.Contains(errOut, "API kulcs hibás") {
		t.Fatalf("wrong replacement: exit %d %q", code, errOut)
	}
	if v, _ := keyring.Get(secret.Service, "minicrm:12345"); v != good {
		t.Fatal("a wrong key replaced the working one")
	}
	r.srv.FailNext(10, minicrmtest.FaultServerError)
	code, _, errOut = r.run(t, "", "test")
	if code != 1 || !strings.Contains(errOut, "szerverhibát jelzett (500)") {
		t.Errorf("500: exit %d %q", code, errOut)
	}
}

func TestCLIMiniCRMEnvironmentKeyWithoutKeyring(t *testing.T) {
	r := newCLIRig(t, "")
	r.run(t, "", "set", "--system-id", "12345", "--base-url", r.srv.URL())
	keyring.MockInitWithError(errors.New("The name org.freedesktop.secrets was not provided by any .service files"))
	r.env[secret.EnvAPIKey] = r.srv.APIKey()

	if code, out, errOut := r.run(t, "", "test"); code != 0 || !strings.Contains(out, "A kapcsolat működik") {
		t.Fatalf("test with the environment key: exit %d %q %q", code, out, errOut)
	}
	// keyStored stays a boolean: false, with a warning, when the keyring
	// behind the variable cannot be read.
	if _, out, errOut := r.run(t, "", "show", "--json"); !strings.Contains(out, `"keySource": "environment"`) ||
		!strings.Contains(out, `"keyStored": false`) || !strings.HasPrefix(errOut, "Figyelem: ") {
		t.Errorf("show: %s / %s", out, errOut)
	}
	// Storing needs the keyring, and the message says how to get one.
	code, _, errOut := r.run(t, "0123456789abcdef0123456789abcdef\n", "set", "--api-key-stdin")
	if code != 1 || !strings.Contains(errOut, "gnome-keyring") || !strings.Contains(errOut, "nem tároljuk egyszerű fájlban") {
		t.Errorf("set without keyring: exit %d %q", code, errOut)
	}
}
