package pdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"konnyuszamla/domain"
)

// fixtures are the documents the layout tests run on.
func fixtures(t testing.TB) map[string]*domain.Invoice {
	return map[string]*domain.Invoice{
		"huf": hufMixed(), "eur": eurInvoice(), "storno": storno(t), "proforma": proforma(),
		"fad": cashAccountingFAD(), "lines20": manyLines(20), "lines120": manyLines(120), "stress": stress(),
		"tallrow": tallRow(),
	}
}

func TestLongInvoiceBreaksPages(t *testing.T) {
	inv := manyLines(120)
	pdf := mustRender(t, inv)
	ps := pages(t, pdf)
	n := len(ps)
	if n < 2 {
		t.Fatalf("120 lines on %d page", n)
	}
	for i, p := range ps {
		np := normalize(p)
		containsAll(t, fmt.Sprintf("page %d", i+1), np, "Megnevezés", "Mennyiség", "egységár", "Bruttó",
			fmt.Sprintf("%d/%d", i+1, n), "KönnyűSzámla 0.1.0")
		if i > 0 {
			containsAll(t, fmt.Sprintf("page %d", i+1), np, "Számla KSZ-2026-000320 – folytatás")
		}
	}
	checkMandatory(t, "120 lines", inv, pdf)
	// The totals come after the last line, on the last page.
	last := normalize(ps[n-1])
	containsAll(t, "last page", last, "Bruttó összesen", "Tétel 120")
}

func TestRowTallerThanAPageIsSplit(t *testing.T) {
	ps := pages(t, mustRender(t, tallRow()))
	if len(ps) < 2 {
		t.Fatalf("%d page", len(ps))
	}
	all := normalize(strings.Join(ps, " "))
	for i := 1; i <= 90; i++ {
		containsAll(t, "tall row", all, fmt.Sprintf("sor%02d", i))
	}
	containsAll(t, "tall row", all, "1. Első tétel", "2. sor01 2 db 500 1 000 27% 270 1 270", "3. Utolsó tétel")
	if n := strings.Count(all, "1 000 27% 270 1 270"); n != 1 {
		t.Errorf("the split row's figures printed %d times", n)
	}
	containsAll(t, "tall row page 2", normalize(ps[1]), "Megnevezés", "sor")
}

// TestTextStaysInItsPlace checks every document for text outside the
// margins and for words printed over each other, and that long descriptions
// wrap inside the description column.
func TestTextStaysInItsPlace(t *testing.T) {
	descRight := marginL + lineCols[0].w + lineCols[1].w
	longWords := map[string]bool{}
	for _, w := range strings.Fields(longDescription) {
		longWords[w] = true
	}
	for name, inv := range fixtures(t) {
		ws := words(t, mustRender(t, inv))
		if len(ws) == 0 {
			t.Fatalf("%s: no words", name)
		}
		ys := map[float64]bool{}
		for i, w := range ws {
			if mm(w.xMin) < marginL-0.5 || mm(w.xMax) > pageW-marginL+0.5 || mm(w.yMax) > pageH-8 {
				t.Errorf("%s: %q outside the margins at x %.1f–%.1f mm, y %.1f mm", name, w.text, mm(w.xMin), mm(w.xMax), mm(w.yMax))
			}
			if longWords[w.text] && strings.HasPrefix(name, "lines") {
				ys[w.yMin] = true
				if mm(w.xMax) > descRight+0.3 {
					t.Errorf("%s: description word %q runs to %.1f mm, past the column at %.1f mm", name, w.text, mm(w.xMax), descRight)
				}
			}
			for _, o := range ws[i+1:] {
				if o.page == w.page && overlap(w.xMin, w.xMax, o.xMin, o.xMax) > 0.3 && overlap(w.yMin, w.yMax, o.yMin, o.yMax) > 1 {
					t.Errorf("%s: page %d: %q and %q overlap", name, w.page, w.text, o.text)
				}
			}
		}
		if strings.HasPrefix(name, "lines") && len(ys) < 3 {
			t.Errorf("%s: the long description is not wrapped (%d line positions)", name, len(ys))
		}
	}
}

func overlap(a0, a1, b0, b1 float64) float64 { return min(a1, b1) - max(a0, b0) }

func TestUnicodeSurvivesEverywhere(t *testing.T) {
	for name, inv := range fixtures(t) {
		text := docText(t, mustRender(t, inv))
		containsAll(t, name, text, "Árvíztűrő Tükörfúrógép", "Ő")
		containsNone(t, name, text, "õ", "û", "Õ", "Û")
	}
}

func TestTwentyLinesStaySmall(t *testing.T) {
	pdf := mustRender(t, manyLines(20))
	t.Logf("20 lines: %d bytes", len(pdf))
	if len(pdf) >= 100_000 {
		t.Errorf("20-line invoice is %d bytes, want < 100 KB", len(pdf))
	}
}

func TestRenderIsDeterministic(t *testing.T) {
	for name, inv := range fixtures(t) {
		first := mustRender(t, inv)
		for i := 0; i < 3; i++ {
			if again := mustRender(t, inv); !bytes.Equal(first, again) {
				t.Fatalf("%s: render %d differs from the first (%d vs %d bytes)", name, i+2, len(again), len(first))
			}
		}
	}
}

func TestRenderErrors(t *testing.T) {
	if _, err := Render(nil, Options{}); err == nil {
		t.Error("nil invoice rendered")
	}
	inv := hufMixed()
	inv.Lines[0].VAT = "XYZ"
	if _, err := Render(inv, Options{}); err == nil {
		t.Error("unknown VAT code rendered")
	}
}

func TestDefaultGenerator(t *testing.T) {
	pdf, err := Render(proforma(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	containsAll(t, "default generator", docText(t, pdf), "Készült a(z) KönnyűSzámla számlázó programmal.")
}

// TestWriteSamples writes the fixtures as PDFs into $PDF_SAMPLES_DIR, for
// looking at them (pdftoppm -png -r 70); it is skipped when unset.
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("PDF_SAMPLES_DIR")
	if dir == "" {
		t.Skip("PDF_SAMPLES_DIR not set")
	}
	docs := fixtures(t)
	docs["logo"] = withLogo(t, pngLogo(t, false))
	for name, inv := range docs {
		if err := os.WriteFile(filepath.Join(dir, name+".pdf"), mustRender(t, inv), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func BenchmarkRender20Lines(b *testing.B) {
	inv := manyLines(20)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render(inv, Options{Generator: testGen}); err != nil {
			b.Fatal(err)
		}
	}
}
