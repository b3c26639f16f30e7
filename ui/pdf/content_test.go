package pdf

import (
	"strings"
	"testing"

	"konnyuszamla/domain"
)

// docText is the whole document as pdftotext reads it in reading order,
// normalised; phrases that wrap inside one box stay contiguous in it.
func docText(t *testing.T, pdf []byte) string {
	t.Helper()
	return normalize(poppler(t, "pdftotext", pdf, "-enc", "UTF-8"))
}

// layoutLines are the lines of pdftotext -layout, normalised.
func layoutLines(t *testing.T, pdf []byte) []string {
	t.Helper()
	var out []string
	for _, p := range pages(t, pdf) {
		for _, l := range strings.Split(p, "\n") {
			out = append(out, normalize(l))
		}
	}
	return out
}

func containsAll(t *testing.T, what, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, normalize(w)) {
			t.Errorf("%s: %q missing", what, w)
		}
	}
}

func containsNone(t *testing.T, what, text string, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(text, w) {
			t.Errorf("%s: %q should not be printed", what, w)
		}
	}
}

// hasLine reports whether some layout line contains want (normalised).
func hasLine(lines []string, want string) bool {
	want = normalize(want)
	for _, l := range lines {
		if strings.Contains(l, want) {
			return true
		}
	}
	return false
}

// checkMandatory asserts the Áfa tv. 169. § items of inv: parties, number,
// dates, payment method, every line with all its columns in order, the VAT
// summary rows and the totals.
func checkMandatory(t *testing.T, name string, inv *domain.Invoice, pdf []byte) {
	t.Helper()
	tot, err := inv.Totals()
	if err != nil {
		t.Fatal(err)
	}
	text, lines := docText(t, pdf), layoutLines(t, pdf)
	s, b := inv.Seller, inv.Buyer
	containsAll(t, name, text, "Eladó", s.Name, "1111 Budapest, Fő utca 1.", "Adószám: "+s.TaxNumber,
		"Vevő", b.Name, "6720 Szeged, Kárász utca 2.", "Adószám: "+b.TaxNumber,
		"Sorszám: "+inv.Number, "Kelt", inv.IssueDate.FormatHU(), "Teljesítés dátuma", inv.FulfilmentDate.FormatHU(),
		"Fizetési határidő", inv.DueDate.FormatHU(), "Fizetési mód", inv.PaymentMethod.Label(),
		"Pénznem", string(inv.Currency), "ÁFA-összesítő")
	// The amount in words may break after a hyphen, which pdftotext may
	// then take for a soft hyphen and drop.
	dehyphen := func(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "- ", ""), "-", "") }
	if w := domain.AmountPhrase(tot.Payable); !strings.Contains(dehyphen(text), dehyphen(w)) {
		t.Errorf("%s: %q missing", name, w)
	}
	for _, l := range []string{"Nettó összesen " + tot.Net.String(), "ÁFA összesen " + tot.VAT.String(),
		"Bruttó összesen " + tot.Gross.String()} {
		if !hasLine(lines, l) {
			t.Errorf("%s: %q missing", name, l)
		}
	}
	for i, l := range inv.Lines {
		a := tot.Lines[i]
		num := itoa(i+1) + "."
		cells := strings.Join([]string{quantity(l.Quantity), l.Unit, inv.Currency.FormatUnitPrice(l.UnitPrice),
			amount(a.Net), vatShort(l.VAT), amount(a.VAT), amount(a.Gross)}, " ")
		if hasLine(lines, num+" "+l.Description+" "+cells) {
			continue
		}
		// A wrapped description: the figures stand on its first line, and
		// the whole description is there in reading order.
		if !hasLinePrefixSuffix(lines, num, cells) || !strings.Contains(text, num+" "+normalize(l.Description)) {
			t.Errorf("%s: line %d not printed as %q", name, i+1, num+" "+l.Description+" "+cells)
		}
	}
	for _, r := range tot.VATSummary {
		row := strings.Join([]string{amount(r.Net), amount(r.VATAmount), amount(r.Gross)}, " ")
		if inv.Currency != domain.HUF {
			row += " " + strings.Join([]string{amount(r.NetHUF), amount(r.VATAmountHUF), amount(r.GrossHUF)}, " ")
		}
		if !hasLine(lines, row) {
			t.Errorf("%s: VAT summary row %s not printed as %q", name, r.VAT, row)
		}
		containsAll(t, name, text, vatLong(r.VAT))
	}
	containsNone(t, name, text, "õ", "û", "Õ", "Û")
}

// hasLinePrefixSuffix reports whether some layout line starts with prefix
// and ends with suffix.
func hasLinePrefixSuffix(lines []string, prefix, suffix string) bool {
	suffix = normalize(suffix)
	for _, l := range lines {
		if strings.HasPrefix(l, prefix+" ") && strings.HasSuffix(l, suffix) {
			return true
		}
	}
	return false
}

func itoa(n int) string { return quantity(domain.DecimalFromInt(int64(n))) }

func TestHUFInvoiceMixedRatesAndCashRounding(t *testing.T) {
	inv := hufMixed()
	pdf := mustRender(t, inv)
	checkMandatory(t, "HUF", inv, pdf)
	tot, _ := inv.Totals()
	if tot.Rounding.Sign() == 0 {
		t.Fatalf("fixture should be cash-rounded, gross %s", tot.Gross)
	}
	text := docText(t, pdf)
	lines := layoutLines(t, pdf)
	for _, l := range []string{"Kerekítés " + tot.Rounding.String(), "Fizetendő " + tot.Payable.String()} {
		if !hasLine(lines, l) {
			t.Errorf("%q missing", l)
		}
	}
	containsAll(t, "HUF", text, "Számla", "Árvíztűrő tükörfúrógép", "Ő Ű ő ű", "Közösségi adószám: HU12345676",
		"Bankszámlaszám: 11773016-11111018", "info@tukorfurogep.hu", "+36 1 234 5678",
		"Díjbekérő száma: D-2026-000017", "Megjegyzés", "Köszönjük a vásárlást!",
		"TAM: Tárgyi adómentes – Áfa tv. 85–86. §", "Az összegek pénzneme: HUF")
	containsNone(t, "HUF", text, "Pénzforgalmi elszámolás", "Fordított adózás", "Árfolyam", "Díjbekérő – nem számla", "Piszkozat")
}

func TestEURInvoiceShowsRateAndForintVAT(t *testing.T) {
	inv := eurInvoice()
	pdf := mustRender(t, inv)
	checkMandatory(t, "EUR", inv, pdf)
	tot, _ := inv.Totals()
	if l := "ÁFA összesen forintban " + tot.VATHUF.String(); !hasLine(layoutLines(t, pdf), l) {
		t.Errorf("%q missing", l)
	}
	containsAll(t, "EUR", docText(t, pdf), "Árfolyam", "1 EUR = 395,12 Ft", "ÁFA forintban", "euró", "Nettó (EUR)", "Az összegek pénzneme: EUR")
	containsNone(t, "EUR", docText(t, pdf), "Kerekítés", "Fizetendő")
}

func TestStornoReferencesTheCancelledInvoice(t *testing.T) {
	inv := storno(t)
	pdf := mustRender(t, inv)
	checkMandatory(t, "sztornó", inv, pdf)
	containsAll(t, "sztornó", docText(t, pdf), "Sztornó számla", "A(z) KSZ-2026-000100 számú számla érvénytelenítése",
		"azaz mínusz", "-2 óra")
}

func TestProformaSaysItIsNoInvoice(t *testing.T) {
	inv := proforma()
	pdf := mustRender(t, inv)
	checkMandatory(t, "díjbekérő", inv, pdf)
	text := docText(t, pdf)
	containsAll(t, "díjbekérő", text, "Díjbekérő", "Díjbekérő – nem számla")
	containsNone(t, "díjbekérő", text, "Sztornó")
}

func TestCashAccountingAndReverseCharge(t *testing.T) {
	inv := cashAccountingFAD()
	pdf := mustRender(t, inv)
	checkMandatory(t, "FAD", inv, pdf)
	containsAll(t, "FAD", docText(t, pdf), "Pénzforgalmi elszámolás", "Fordított adózás",
		"FAD: Fordított adózás – Áfa tv. 142. §", "FAD – belföldi fordított adózás")
}

func TestDraftIsMarked(t *testing.T) {
	inv := hufMixed()
	inv.Number, inv.Status = "", ""
	containsAll(t, "draft", docText(t, mustRender(t, inv)), "Piszkozat – nem kiállított bizonylat")
}

func TestMetadataAndFonts(t *testing.T) {
	pdf := mustRender(t, hufMixed())
	info := poppler(t, "pdfinfo", pdf, "-enc", "UTF-8")
	containsAll(t, "pdfinfo", normalize(info), "Title: Számla KSZ-2026-000123",
		"Author: Árvíztűrő Tükörfúrógép Kft.", "Creator: KönnyűSzámla 0.1.0", "Page size: 595.28 x 841.89 pts (A4)")
	if !strings.Contains(info, "CreationDate:") || !strings.Contains(info, "2026") {
		t.Errorf("creation date is not the issue date:\n%s", info)
	}
	fonts := poppler(t, "pdffonts", pdf)
	for _, l := range strings.Split(fonts, "\n")[2:] {
		if strings.TrimSpace(l) == "" {
			continue
		}
		// name type encoding emb sub uni object ID; gofpdf does not give
		// its subsets the ABCDEF+ name prefix, so "sub" says no even though
		// only the used glyphs are embedded (see TestTwentyLinesStaySmall).
		f := strings.Fields(l)
		if n := len(f); n < 7 || !strings.Contains(strings.ToLower(f[0]), "dejavu") || !strings.Contains(l, "CID TrueType") ||
			f[n-5] != "yes" || f[n-3] != "yes" {
			t.Errorf("font not an embedded Unicode DejaVu font: %s", l)
		}
	}
	if strings.Contains(fonts, "Helvetica") || strings.Contains(fonts, "Times") || strings.Contains(fonts, "Courier") {
		t.Errorf("core font used:\n%s", fonts)
	}
}
