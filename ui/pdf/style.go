package pdf

import "strings"

// rgb is a colour of text, rules or fills.
type rgb struct{ r, g, b int }

// The palette: dark text, a muted grey for labels, one accent for headings.
var (
	colText   = rgb{25, 28, 33}
	colMuted  = rgb{105, 112, 122}
	colAccent = rgb{24, 64, 112}
	colRule   = rgb{190, 196, 204}
	colHead   = rgb{228, 234, 242} // table header fill
	colZebra  = rgb{246, 248, 250} // every second table row
	colNotice = rgb{160, 30, 30}   // "Díjbekérő – nem számla", drafts
)

// font selects DejaVu Sans; style is "" or "B".
func (r *renderer) font(style string, size float64) { r.f.SetFont(fontFamily, style, size) }

// color sets the text colour.
func (r *renderer) color(c rgb) { r.f.SetTextColor(c.r, c.g, c.b) }

// drawColor sets the colour of lines and rectangle borders.
func (r *renderer) drawColor(c rgb) { r.f.SetDrawColor(c.r, c.g, c.b) }

// fillColor sets the colour of filled cells and rectangles.
func (r *renderer) fillColor(c rgb) { r.f.SetFillColor(c.r, c.g, c.b) }

// lineH is the height of one text line at size points: 1.3 × the font size.
func lineH(size float64) float64 { return size * 0.3528 * 1.3 }

// wrap splits s into lines that fit width w in the current font, keeping the
// user's own line breaks. An empty s gives no lines.
func (r *renderer) wrap(s string, w float64) []string {
	var out []string
	for _, para := range strings.Split(strings.ReplaceAll(s, "\r", ""), "\n") {
		if strings.TrimSpace(para) == "" {
			if len(out) > 0 {
				out = append(out, "")
			}
			continue
		}
		out = append(out, r.wrapPara(para, w)...)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// wrapPara wraps one paragraph greedily, breaking after spaces and after
// hyphens, so that "egymillió-háromszázezer-egy forint" breaks as Hungarian
// typography does (the hyphen stays at the end of the line). A word wider
// than the column is cut where it must be. No-break spaces never break.
func (r *renderer) wrapPara(s string, w float64) []string {
	avail := w - 2*r.f.GetCellMargin()
	fits := func(t string) bool { return r.f.GetStringWidth(strings.TrimRight(t, " ")) <= avail }
	var out []string
	line := ""
	for _, tok := range breakTokens(s) {
		if fits(line + tok) {
			line += tok
			continue
		}
		if strings.TrimSpace(line) != "" {
			out = append(out, strings.TrimRight(line, " "))
		}
		line = tok
		if !fits(tok) {
			parts := r.f.SplitText(strings.TrimRight(tok, " "), w)
			out = append(out, parts[:len(parts)-1]...)
			line = parts[len(parts)-1]
		}
	}
	if strings.TrimSpace(line) != "" {
		out = append(out, strings.TrimRight(line, " "))
	}
	return out
}

// wrapFit is wrap at the largest font size from size down to minSize at
// which every word of s fits the width whole, so that a long unit such as
// "szolgáltatási csomag" is set smaller rather than cut inside a word. It
// returns the lines and that size, and restores the font size.
func (r *renderer) wrapFit(s string, w, size, minSize float64) ([]string, float64) {
	f := r.f
	avail := w - 2*f.GetCellMargin()
	f.SetFontSize(size)
	widest := 0.0
	for _, tok := range breakTokens(s) {
		widest = max(widest, f.GetStringWidth(strings.TrimRight(tok, " ")))
	}
	use := size
	if widest > avail {
		use = max(size*avail/widest, minSize)
	}
	f.SetFontSize(use)
	lines := r.wrap(s, w)
	f.SetFontSize(size)
	return lines, use
}

// breakTokens splits s after every space and every hyphen.
func breakTokens(s string) []string {
	var toks []string
	start := 0
	for i, c := range s {
		if c == ' ' || c == '-' {
			toks = append(toks, s[start:i+1])
			start = i + 1
		}
	}
	if start < len(s) {
		toks = append(toks, s[start:])
	}
	return toks
}

// fitCell prints s in a w × h cell like CellFormat, shrinking the font (down
// to 60 %) when s would be wider than the cell, so that a large amount
// never runs into the next column. The font size is restored afterwards.
func (r *renderer) fitCell(w, h float64, s, align string, fill bool) {
	f := r.f
	size, _ := f.GetFontSize()
	avail := w - 2*f.GetCellMargin()
	if sw := f.GetStringWidth(s); sw > avail && sw > 0 {
		f.SetFontSize(max(size*avail/sw, size*0.6))
	}
	f.CellFormat(w, h, s, "", 0, align, fill, 0, "")
	f.SetFontSize(size)
}

// paragraph prints s wrapped to width w at x in the regular font of the
// given size, breaking pages between lines, and leaves the position below.
func (r *renderer) paragraph(x, w float64, s string, size float64) {
	h := lineH(size)
	r.font("", size)
	for _, ln := range r.wrap(s, w) {
		r.ensureSpace(h)
		r.font("", size) // a new page changes the font
		r.color(colText)
		r.f.SetX(x)
		r.f.CellFormat(w, h, ln, "", 1, "L", false, 0, "")
	}
}

// sectionTitle prints a small accent-coloured heading.
func (r *renderer) sectionTitle(s string) {
	r.font("B", 9)
	r.color(colAccent)
	r.f.SetX(marginL)
	r.f.CellFormat(contentW, lineH(9)+0.5, s, "", 1, "L", false, 0, "")
	r.color(colText)
}
