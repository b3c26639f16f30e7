package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"konnyuszamla/storage"
)

// runCmd runs a headless command against the data folder dir.
func runCmd(t *testing.T, dir, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(append([]string{"--data", dir}, args...), strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestVersionCommand(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := runCmd(t, dir, "", "version")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"KönnyűSzámla " + version, fmt.Sprintf("sémaverzió: %d", storage.SchemaVersion()), "adatmappa: " + dir} {
		if !strings.Contains(out, want) {
			t.Errorf("version output %q lacks %q", out, want)
		}
	}
}

func TestVersionMatchesFyneAppToml(t *testing.T) {
	toml, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`).FindSubmatch(toml)
	if m == nil || string(m[1]) != version {
		t.Errorf("FyneApp.toml version %q, main.version %q", m, version)
	}
}

const addJSON = `{"kind": "company", "name": "Minta Kft.", "taxNumber": "12345676242", "euVatNumber": "HU12345676",
 "email": "info@minta.example", "phone": "+36 1 234 5678", "bankAccount": "11773016-11111018",
 "billingAddress": {"country": "HU", "postalCode": "1111", "city": "Budapest", "street": "Fő utca 1."},
 "mailingAddress": {"country": "HU", "postalCode": "1112", "city": "Budapest", "street": "Pf. 12"},
 "note": ""}`

func TestCustomersAddEditList(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := runCmd(t, dir, addJSON, "customers", "add")
	if code != 0 || strings.TrimSpace(out) != "1" {
		t.Fatalf("add: exit %d, out %q, err %q", code, out, errOut)
	}
	code, _, errOut = runCmd(t, dir, `{"email": "uj@minta.example", "billingAddress": {"city": "Szeged", "postalCode": "6720"}}`, "customers", "edit", "1")
	if code != 0 {
		t.Fatalf("edit: exit %d: %s", code, errOut)
	}
	code, out, _ = runCmd(t, dir, "", "customers", "list", "--json", "--search", "szeged")
	if code != 0 {
		t.Fatalf("list exit %d", code)
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("list --json is not JSON: %v\n%s", err, out)
	}
	if len(list) != 1 {
		t.Fatalf("want 1 customer, got %d", len(list))
	}
	c := list[0]
	billing := c["billingAddress"].(map[string]any)
	if c["id"] != 1.0 || c["taxNumber"] != "12345676-2-42" || c["email"] != "uj@minta.example" ||
		billing["city"] != "Szeged" || billing["street"] != "Fő utca 1." || c["mailingAddress"] == nil {
		t.Errorf("customer after edit: %v", c)
	}
	code, out, _ = runCmd(t, dir, "", "customers", "list", "--search", "nincs-ilyen", "--json")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("empty search: exit %d, %q", code, out)
	}
}

func TestCustomersAddRejectsBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := strings.Replace(addJSON, "12345676242", "12345675242", 1)
	code, out, errOut := runCmd(t, dir, bad, "customers", "add")
	if code != 1 || out != "" {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	if strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "Adószám: az első 8 számjegy (törzsszám) ellenőrző számjegye hibás") {
		t.Errorf("stderr %q should be one line naming the tax number", errOut)
	}
	code, _, errOut = runCmd(t, dir, `{"nev": "Elgépelt"}`, "customers", "add")
	if code != 1 || errOut != "Hiba: A bemenet ismeretlen mezőt tartalmaz: \"nev\".\n" {
		t.Errorf("unknown field: exit %d, %q", code, errOut)
	}
	if _, out, _ := runCmd(t, dir, "", "customers", "list", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("rejected input was stored: %s", out)
	}
}

func TestCustomersImportExport(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(t.TempDir(), "vevok.csv")
	content := "\ufeffNév;Adószám;Irányítószám;Város;Utca, házszám;E-mail\r\n" +
		"Alma Kft.;12345676-2-42;6720;Szeged;Kárász u. 1.;alma@example.hu\r\n" +
		"Hibás Kft.;12345675-2-42;6720;Szeged;Kárász u. 2.;hibas@example.hu\r\n" +
		"Körte Bt.;12892312-2-13;1111;Budapest;Fő utca 2.;nem-email\r\n" +
		"Szilva Zrt.;12892312-2-13;9021;Győr;Baross út 3.;szilva@example.hu\r\n"
	if err := os.WriteFile(csvPath, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCmd(t, dir, "", "customers", "import", csvPath)
	if code != 1 {
		t.Fatalf("import with bad rows: exit %d", code)
	}
	for _, want := range []string{"3. sor: Adószám:", "4. sor: E-mail:", "2 hibás sor miatt semmit nem importáltam"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if _, out, _ := runCmd(t, dir, "", "customers", "list", "--json"); strings.TrimSpace(out) != "[]" {
		t.Fatalf("a failed import stored rows: %s", out)
	}
	code, out, errOut := runCmd(t, dir, "", "customers", "import", csvPath, "--skip-invalid")
	if code != 0 || !strings.Contains(out, "2 vevő importálva, 2 hibás sor kihagyva") {
		t.Fatalf("--skip-invalid: exit %d, %q, %q", code, out, errOut)
	}

	exportPath := filepath.Join(t.TempDir(), "export.csv")
	if code, _, errOut := runCmd(t, dir, "", "customers", "export", exportPath); code != 0 {
		t.Fatalf("export: %s", errOut)
	}
	data, _ := os.ReadFile(exportPath)
	if !bytes.HasPrefix(data, []byte("\ufeffTípus;Név;Adószám;")) || !bytes.Contains(data, []byte("cég;Alma Kft.;12345676-2-42;")) {
		t.Errorf("export format:\n%s", data)
	}
	// What was exported imports again unchanged into a new folder.
	dir2 := t.TempDir()
	if code, out, errOut := runCmd(t, dir2, "", "customers", "import", exportPath); code != 0 || !strings.Contains(out, "2 vevő importálva") {
		t.Fatalf("re-import: %d %q %q", code, out, errOut)
	}
	_, a, _ := runCmd(t, dir, "", "customers", "list", "--json")
	_, b, _ := runCmd(t, dir2, "", "customers", "list", "--json")
	if a != b {
		t.Errorf("round trip differs:\n%s\n%s", a, b)
	}
}

func TestBackupCommand(t *testing.T) {
	dir := t.TempDir()
	runCmd(t, dir, addJSON, "customers", "add")
	target := filepath.Join(t.TempDir(), "mentes.db")
	if code, _, errOut := runCmd(t, dir, "", "backup", target); code != 0 {
		t.Fatalf("backup: %s", errOut)
	}
	// The backup is a database the app opens with the customer in it.
	restored := t.TempDir()
	data, _ := os.ReadFile(target)
	os.WriteFile(filepath.Join(restored, "konnyuszamla.db"), data, 0o600)
	if _, out, _ := runCmd(t, restored, "", "customers", "list"); !strings.Contains(out, "Minta Kft.") {
		t.Errorf("restored backup lists %q", out)
	}
}

func TestUsageAndFailureExitCodes(t *testing.T) {
	dir := t.TempDir()
	if code, _, errOut := runCmd(t, dir, "", "nincs-ilyen-parancs"); code != 2 || !strings.Contains(errOut, "ismeretlen parancs") {
		t.Errorf("unknown command: exit %d, %q", code, errOut)
	}
	if code, _, _ := runCmd(t, dir, "", "customers", "edit", "abc"); code != 2 {
		t.Errorf("bad id: exit %d, want 2", code)
	}
	if code, _, errOut := runCmd(t, dir, "", "customers", "edit", "42"); code != 1 || !strings.Contains(errOut, "Nincs 42 azonosítójú vevő.") {
		t.Errorf("missing customer: exit %d, %q", code, errOut)
	}
	corrupt := t.TempDir()
	os.WriteFile(filepath.Join(corrupt, "konnyuszamla.db"), bytes.Repeat([]byte("szemét "), 1000), 0o600)
	code, _, errOut := runCmd(t, corrupt, "", "customers", "list")
	if code != 1 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "sérült") {
		t.Errorf("corrupt database: exit %d, stderr %q", code, errOut)
	}
}

// TestCLIErrorsAreOneHungarianLine: cli.md promises one Hungarian line on
// stderr naming the field or the cause (exit 1), or a usage error (exit 2).
func TestCLIErrorsAreOneHungarianLine(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, stdin string
		args        []string
		want        string
	}{
		{"empty input", "", []string{"customers", "add"}, "Üres bemenet: a parancs JSON-t vár a szabványos bemeneten."},
		{"syntax error", `{"name": "Minta Kft.",}`, []string{"customers", "add"},
			"A bemenet nem érvényes JSON: váratlan '}' karakter, mezőnevet (idézőjeles szöveget) várt, a(z) 23. bájtnál."},
		{"type error", `{"name": "Minta Kft.", "minicrmId": "37146"}`, []string{"customers", "add"},
			`A bemenet "minicrmId" mezőjének típusa hibás: egész számot vár, de szöveget kapott.`},
		{"seller input", `{"name": "Saját Kft.", "cashAccounting": "igen"}`, []string{"seller", "set"},
			`A bemenet "cashAccounting" mezőjének típusa hibás: true vagy false értéket vár, de szöveget kapott.`},
		{"draft decimal", `{"customerId": 1, "lines": [{"description": "x", "quantity": "1,5.3"}]}`, []string{"invoices", "issue"},
			`A bemenet "lines[0].quantity" mezője hibás: hibás szám: "1,5.3"`},
		{"backup into a missing folder", "", []string{"backup", filepath.Join(dir, "nincs", "mentes.db")},
			"A mentés nem írható ide: " + filepath.Join(dir, "nincs", "mentes.db") + " (a mappa nem létezik)."},
	} {
		code, out, errOut := runCmd(t, dir, tc.stdin, tc.args...)
		if code != 1 || out != "" || strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, "Hiba: "+tc.want) {
			t.Errorf("%s: exit %d, stdout %q\n got %q\nwant %q", tc.name, code, out, errOut, "Hiba: "+tc.want)
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"customers", "list", "-x"}, "Hibás használat: ismeretlen kapcsoló: -x"},
		{[]string{"invoices", "pdf", "KSZ-2026-00001", "-o"}, "Hibás használat: a(z) -o kapcsoló után meg kell adni az értékét"},
		{[]string{"customers", "list", "--json=talán"}, `Hibás használat: a(z) -json kapcsoló értéke true vagy false lehet, nem "talán"`},
	} {
		code, _, errOut := runCmd(t, dir, "", tc.args...)
		first, _, _ := strings.Cut(errOut, "\n")
		if code != 2 || !strings.HasPrefix(first, tc.want) {
			t.Errorf("%v: exit %d, first line %q, want %q", tc.args, code, first, tc.want)
		}
	}
}

func TestCustomersImportQuoteErrorsInHungarian(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(t.TempDir(), "vevok.csv")
	content := "Név;Adószám;Irányítószám;Város;Utca, házszám\r\n" +
		"Alma Kft.;12345676-2-42;6720;Szeged;Kárász u. 1.\r\n" +
		"Idéz\"ő Kft.;12345676-2-42;1111;Budapest;Fő utca 1.\r\n"
	if err := os.WriteFile(csvPath, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCmd(t, dir, "", "customers", "import", csvPath)
	if code != 1 || !strings.HasPrefix(errOut, `3. sor: hibás CSV-sor: idézőjel (") áll egy idézőjel nélküli mezőben`) ||
		strings.Contains(errOut, "quote") {
		t.Errorf("bare quote: exit %d, %q", code, errOut)
	}
	os.WriteFile(csvPath, []byte("N\"év;Város\r\n"), 0o600)
	code, _, errOut = runCmd(t, dir, "", "customers", "import", csvPath)
	if code != 1 || strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, "Hiba: A CSV-fájl fejléce hibás (1. sor): idézőjel") {
		t.Errorf("bad header: exit %d, %q", code, errOut)
	}
}
