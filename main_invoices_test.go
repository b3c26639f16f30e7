package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const sellerJSON = `{"name": "Árvíztűrő Tükörfúrógép Kft.", "taxNumber": "12892312-2-13", "bankAccount": "11773016-11111018",
 "address": {"country": "HU", "postalCode": "1052", "city": "Budapest", "street": "Váci utca 1."}, "cashAccounting": true}`

const draftJSON = `{"type": "invoice", "customerId": 1, "paymentMethod": "transfer", "currency": "HUF", "note": "Köszönjük!",
 "lines": [{"description": "Tanácsadás", "quantity": "2", "unit": "óra", "unitPrice": "15000", "vat": "27"},
           {"description": "Könyv", "quantity": "1", "unit": "db", "unitPrice": "4762", "vat": "5"}]}`

// invoiceDataDir returns a data folder with the seller and one customer.
func invoiceDataDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if code, _, errOut := runCmd(t, dir, sellerJSON, "seller", "set"); code != 0 {
		t.Fatalf("seller set: %s", errOut)
	}
	if code, _, errOut := runCmd(t, dir, addJSON, "customers", "add"); code != 0 {
		t.Fatalf("customers add: %s", errOut)
	}
	return dir
}

func TestInvoicesIssueListPDF(t *testing.T) {
	dir := invoiceDataDir(t)
	code, out, errOut := runCmd(t, dir, draftJSON, "invoices", "issue")
	if code != 0 {
		t.Fatalf("issue: exit %d: %s", code, errOut)
	}
	var issued struct{ Number, PDF string }
	if err := json.Unmarshal([]byte(out), &issued); err != nil {
		t.Fatalf("issue output %q: %v", out, err)
	}
	if !strings.HasPrefix(issued.Number, "KSZ-") || !strings.HasSuffix(issued.PDF, issued.Number+".pdf") {
		t.Fatalf("issued %+v", issued)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		text, err := exec.Command("pdftotext", "-layout", issued.PDF, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Számla", issued.Number, "Árvíztűrő Tükörfúrógép Kft.", "Minta Kft.", "12345676-2-42",
			"Pénzforgalmi elszámolás", "43 100 Ft", "átutalás"} {
			if !strings.Contains(strings.ReplaceAll(string(text), "\u00a0", " "), want) {
				t.Errorf("PDF text lacks %q", want)
			}
		}
	}

	code, out, _ = runCmd(t, dir, "", "invoices", "list", "--json")
	if code != 0 {
		t.Fatalf("list exit %d", code)
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	doc := list[0]
	if doc["number"] != issued.Number || doc["status"] != "issued" || doc["gross"] != "43100" || doc["net"] != "34762" ||
		doc["vat"] != "8338" || doc["payable"] != "43100" || doc["minicrm"] != "none" || doc["customerId"] != 1.0 {
		t.Errorf("list item %v", doc)
	}
	summary := doc["vatSummary"].([]any)
	first := summary[0].(map[string]any)
	if len(summary) != 2 || first["vat"] != "27" || first["net"] != "30000" || first["vatAmount"] != "8100" || first["gross"] != "38100" {
		t.Errorf("vatSummary %v", summary)
	}

	copyPath := t.TempDir() + "/masolat.pdf"
	if code, _, errOut := runCmd(t, dir, "", "invoices", "pdf", issued.Number, "-o", copyPath); code != 0 {
		t.Fatalf("pdf -o: %s", errOut)
	}
	a, _ := os.ReadFile(issued.PDF)
	b, _ := os.ReadFile(copyPath)
	if len(a) == 0 || string(a) != string(b) {
		t.Error("the copy is not the PDF written at issue")
	}
	// Like export and backup, pdf -o never overwrites a file.
	os.WriteFile(copyPath, []byte("saját fájl"), 0o600)
	code, out, errOut = runCmd(t, dir, "", "invoices", "pdf", issued.Number, "-o", copyPath)
	if b, _ := os.ReadFile(copyPath); code != 1 || out != "" || string(b) != "saját fájl" ||
		errOut != "Hiba: A fájl már létezik: "+copyPath+". Adjon meg új fájlnevet.\n" {
		t.Errorf("pdf -o over an existing file: exit %d, %q, file %q", code, errOut, b)
	}
	missing := filepath.Join(t.TempDir(), "nincs", "masolat.pdf")
	code, _, errOut = runCmd(t, dir, "", "invoices", "pdf", issued.Number, "-o", missing)
	if code != 1 || errOut != "Hiba: A PDF nem írható ide: "+missing+" (a mappa nem létezik).\n" {
		t.Errorf("pdf -o into a missing folder: exit %d, %q", code, errOut)
	}
}

func TestInvoicesCancelPayConvert(t *testing.T) {
	dir := invoiceDataDir(t)
	_, out, _ := runCmd(t, dir, draftJSON, "invoices", "issue")
	var inv struct{ Number string }
	json.Unmarshal([]byte(out), &inv)

	code, out, errOut := runCmd(t, dir, "", "invoices", "cancel", inv.Number)
	if storno := strings.TrimSpace(out); code != 0 || !strings.HasPrefix(storno, "KSZ-") || !strings.HasSuffix(storno, "-00002") {
		t.Fatalf("cancel: %d %q %q", code, out, errOut)
	}
	if code, _, errOut := runCmd(t, dir, "", "invoices", "cancel", inv.Number); code != 1 || !strings.Contains(errOut, "már sztornózták") {
		t.Errorf("second cancel: %d %q", code, errOut)
	}

	proforma := strings.Replace(draftJSON, `"type": "invoice"`, `"type": "proforma"`, 1)
	_, out, _ = runCmd(t, dir, proforma, "invoices", "issue")
	var p struct{ Number string }
	json.Unmarshal([]byte(out), &p)
	if !strings.HasPrefix(p.Number, "DB-") {
		t.Fatalf("proforma number %q", p.Number)
	}
	if code, out, errOut := runCmd(t, dir, "", "invoices", "pay", p.Number, "--amount", "10000"); code != 0 || !strings.Contains(out, "kiállítva") {
		t.Fatalf("partial pay: %d %q %q", code, out, errOut)
	}
	if code, out, errOut := runCmd(t, dir, "", "invoices", "pay", p.Number); code != 0 || !strings.Contains(out, "fizetve") {
		t.Fatalf("pay rest: %d %q %q", code, out, errOut)
	}
	code, out, errOut = runCmd(t, dir, "", "invoices", "convert", p.Number)
	if code != 0 || !strings.HasPrefix(strings.TrimSpace(out), "KSZ-") {
		t.Fatalf("convert: %d %q %q", code, out, errOut)
	}
	converted := strings.TrimSpace(out)
	_, out, _ = runCmd(t, dir, "", "invoices", "list", "--json")
	var list []map[string]any
	json.Unmarshal([]byte(out), &list)
	if len(list) != 4 {
		t.Fatalf("listed %d documents: %s", len(list), out)
	}
	for _, d := range list {
		// cancels, fromProforma and invoicedAs are always present.
		want := map[string]any{"cancels": "", "fromProforma": "", "invoicedAs": ""}
		switch d["number"] {
		case converted:
			want["fromProforma"] = p.Number
			if d["status"] != "paid" {
				t.Errorf("converted invoice %v", d)
			}
		case p.Number:
			want["invoicedAs"] = converted
		case inv.Number:
		default: // the sztornó
			want["cancels"] = inv.Number
		}
		for key, v := range want {
			if got, ok := d[key]; !ok || got != v {
				t.Errorf("%s: %s = %v (present %v), want %q", d["number"], key, got, ok, v)
			}
		}
	}
	_, out, _ = runCmd(t, dir, "", "invoices", "list")
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, p.Number+" ") && !strings.HasSuffix(line, "számlázva: "+converted) {
			t.Errorf("the converted proforma is listed as %q", line)
		}
	}
	if !strings.Contains(out, "számlázva: "+converted) {
		t.Errorf("plain list:\n%s", out)
	}

	// A proforma is withdrawn, not cancelled.
	_, out, _ = runCmd(t, dir, proforma, "invoices", "issue")
	var p2 struct{ Number string }
	json.Unmarshal([]byte(out), &p2)
	code, _, errOut = runCmd(t, dir, "", "invoices", "cancel", p2.Number)
	if code != 1 || errOut != "Hiba: Díjbekérőt nem kell sztornózni, mert nem számla: helyette visszavonható.\n" {
		t.Errorf("cancel a proforma: exit %d, %q", code, errOut)
	}
}

func TestInvoicesIssueErrorsNameTheField(t *testing.T) {
	dir := t.TempDir()
	runCmd(t, dir, addJSON, "customers", "add")
	code, _, errOut := runCmd(t, dir, draftJSON, "invoices", "issue")
	if code != 1 || !strings.Contains(errOut, "saját cégadatok") {
		t.Errorf("without seller: %d %q", code, errOut)
	}
	runCmd(t, dir, sellerJSON, "seller", "set")
	bad := strings.Replace(draftJSON, `"quantity": "2"`, `"quantity": "0"`, 1)
	code, _, errOut = runCmd(t, dir, bad, "invoices", "issue")
	if code != 1 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "1. tétel") {
		t.Errorf("zero quantity: %d %q", code, errOut)
	}
	code, _, errOut = runCmd(t, dir, `{"customerId": 1, "lines": [{"description": "x", "quantity": "1,5.3"}]}`, "invoices", "issue")
	if code != 1 {
		t.Errorf("bad decimal: %d %q", code, errOut)
	}
}
