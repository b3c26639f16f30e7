package pdf

import (
	"bytes"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"konnyuszamla/domain"
)

// mustRender renders inv with the test generator.
func mustRender(t testing.TB, inv *domain.Invoice) []byte {
	t.Helper()
	b, err := Render(inv, Options{Generator: testGen})
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	return b
}

// poppler runs a poppler-utils tool on pdf (written to a temp file; the
// file name is the last argument) and returns its output. It skips the test
// when the tool is not installed.
func poppler(t testing.TB, tool string, pdf []byte, args ...string) string {
	t.Helper()
	bin, err := exec.LookPath(tool)
	if err != nil {
		if os.Getenv("KONNYUSZAMLA_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s not installed (poppler-utils), and make test requires it: %v", tool, err)
		}
		t.Skipf("%s not installed (poppler-utils): %v", tool, err)
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	var out, stderr bytes.Buffer
	cmd := exec.Command(bin, append(args, path, "-")...)
	if tool == "pdfinfo" || tool == "pdffonts" {
		cmd = exec.Command(bin, append(args, path)...)
	}
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v: %s", tool, err, stderr.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("%s complains: %s", tool, stderr.String())
	}
	return out.String()
}

// pages returns the text of every page, as pdftotext -layout lays it out.
func pages(t testing.TB, pdf []byte) []string {
	t.Helper()
	ps := strings.Split(poppler(t, "pdftotext", pdf, "-layout", "-enc", "UTF-8"), "\f")
	if n := len(ps); n > 0 && strings.TrimSpace(ps[n-1]) == "" {
		ps = ps[:n-1]
	}
	return ps
}

// word is a word pdftotext found, with its box in points.
type word struct {
	page                   int
	xMin, yMin, xMax, yMax float64
	text                   string
}

var (
	pageRE = regexp.MustCompile(`<page `)
	wordRE = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

// words returns every word of pdf with its position.
func words(t testing.TB, pdf []byte) []word {
	t.Helper()
	out := poppler(t, "pdftotext", pdf, "-bbox", "-enc", "UTF-8")
	var ws []word
	for p, chunk := range pageRE.Split(out, -1)[1:] {
		for _, m := range wordRE.FindAllStringSubmatch(chunk, -1) {
			w := word{page: p + 1, text: html.UnescapeString(m[5])}
			for i, v := range []*float64{&w.xMin, &w.yMin, &w.xMax, &w.yMax} {
				*v, _ = strconv.ParseFloat(m[i+1], 64)
			}
			ws = append(ws, w)
		}
	}
	return ws
}

// mm converts points to millimetres.
func mm(pt float64) float64 { return pt * 25.4 / 72 }
