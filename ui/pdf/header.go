package pdf

import "konnyuszamla/domain"

// header prints the logo (top left) and, at the right, the document title,
// its number and the lines that say what kind of document it is.
func (r *renderer) header() {
	f, inv := r.f, r.inv
	bottom := marginT
	if h, ok := r.addLogo(); ok {
		bottom = marginT + h
	}
	const bw = 120.0
	x := marginL + contentW - bw
	f.SetXY(x, marginT-1)
	r.font("B", 20)
	r.color(colAccent)
	f.CellFormat(bw, 9, inv.Type.Label(), "", 2, "R", false, 0, "")

	number := inv.Number
	if number == "" {
		number = "–"
	}
	r.font("B", 10.5)
	r.color(colText)
	f.SetX(x)
	f.CellFormat(bw, 5.5, "Sorszám: "+number, "", 2, "R", false, 0, "")

	type line struct {
		s     string
		bold  bool
		color rgb
	}
	var lines []line
	switch inv.Type {
	case domain.DocProforma:
		lines = append(lines, line{"Díjbekérő – nem számla", true, colNotice})
	case domain.DocStorno:
		lines = append(lines, line{"A(z) " + inv.Cancels + " számú számla érvénytelenítése", true, colText})
	}
	if inv.FromProforma != "" && inv.Type == domain.DocInvoice {
		lines = append(lines, line{"Díjbekérő száma: " + inv.FromProforma, false, colText})
	}
	if inv.Number == "" {
		lines = append(lines, line{"Piszkozat – nem kiállított bizonylat", true, colNotice})
	}
	for _, l := range lines {
		style := ""
		if l.bold {
			style = "B"
		}
		r.font(style, 9)
		r.color(l.color)
		for _, s := range r.wrap(l.s, bw) {
			f.SetX(x)
			f.CellFormat(bw, lineH(9), s, "", 2, "R", false, 0, "")
		}
	}
	r.color(colText)
	y := max(bottom, f.GetY()) + 3
	r.drawColor(colAccent)
	f.SetLineWidth(0.5)
	f.Line(marginL, y, marginL+contentW, y)
	f.SetY(y + 4)
}

// kv is one labelled line of a party block; an empty label prints the value
// alone (the address).
type kv struct{ label, value string }

// parties prints the seller (Eladó) and buyer (Vevő) side by side, each in a
// framed box of the same height.
func (r *renderer) parties() {
	s, b := r.inv.Seller, r.inv.Buyer
	var sl []kv
	for _, a := range addressLines(s.Address) {
		sl = append(sl, kv{"", a})
	}
	sl = append(sl, kv{"Adószám", s.TaxNumber})
	sl = appendSet(sl, "Közösségi adószám", s.EUVATNumber)
	sl = appendSet(sl, "Bankszámlaszám", s.BankAccount)
	sl = appendSet(sl, "E-mail", s.Email)
	sl = appendSet(sl, "Telefon", s.Phone)

	var bl []kv
	for _, a := range addressLines(b.Address) {
		bl = append(bl, kv{"", a})
	}
	bl = appendSet(bl, "Adószám", b.TaxNumber)
	bl = appendSet(bl, "Közösségi adószám", b.EUVATNumber)

	const gap = 6.0
	w := (contentW - gap) / 2
	y := r.f.GetY()
	y1 := r.partyBlock(marginL, y, w, "Eladó", s.Name, sl)
	y2 := r.partyBlock(marginL+w+gap, y, w, "Vevő", b.Name, bl)
	h := max(y1, y2) - y + 2
	r.drawColor(colRule)
	r.f.SetLineWidth(0.25)
	r.f.RoundedRect(marginL, y, w, h, 1.5, "1234", "D")
	r.f.RoundedRect(marginL+w+gap, y, w, h, 1.5, "1234", "D")
	r.f.SetY(y + h + 4)
}

// appendSet adds the line label: value when value is not empty.
func appendSet(l []kv, label, value string) []kv {
	if value == "" {
		return l
	}
	return append(l, kv{label, value})
}

// partyBlock prints one party inside a box at x, y of width w and returns
// the y below its last line.
func (r *renderer) partyBlock(x, y, w float64, heading, name string, lines []kv) float64 {
	f := r.f
	const pad = 3.0
	inner := w - 2*pad
	f.SetXY(x+pad, y+2)
	r.font("B", 7.5)
	r.color(colAccent)
	f.CellFormat(inner, 4, heading, "", 2, "L", false, 0, "")
	r.font("B", 10.5)
	r.color(colText)
	for _, s := range r.wrap(name, inner) {
		f.SetX(x + pad)
		f.CellFormat(inner, lineH(10.5), s, "", 2, "L", false, 0, "")
	}
	f.SetY(f.GetY() + 0.8)
	const size = 8.5
	for _, l := range lines {
		lx, lw := x+pad, inner
		if l.label != "" {
			r.font("", size)
			r.color(colMuted)
			lbl := l.label + ": "
			lbw := f.GetStringWidth(lbl) // the value's cell margin follows
			f.SetX(lx)
			f.CellFormat(lbw+2*f.GetCellMargin(), lineH(size), lbl, "", 0, "L", false, 0, "")
			lx, lw = lx+lbw, lw-lbw
		}
		r.font("", size)
		r.color(colText)
		for _, s := range r.wrap(l.value, lw) {
			f.SetX(lx)
			f.CellFormat(lw, lineH(size), s, "", 2, "L", false, 0, "")
		}
	}
	return f.GetY()
}

// infoStrip prints the dates, payment method and currency in a shaded band
// of labelled columns.
func (r *renderer) infoStrip() {
	f, inv := r.f, r.inv
	cols := []kv{
		{"Kelt", inv.IssueDate.FormatHU()},
		{"Teljesítés dátuma", inv.FulfilmentDate.FormatHU()},
		{"Fizetési határidő", inv.DueDate.FormatHU()},
		{"Fizetési mód", inv.PaymentMethod.Label()},
		{"Pénznem", string(inv.Currency)},
	}
	if inv.Currency != domain.HUF {
		cols = append(cols, kv{"Árfolyam", exchangeRate(inv.Currency, inv.ExchangeRate)})
	}
	y := f.GetY()
	const h = 11.0
	r.fillColor(colHead)
	f.RoundedRect(marginL, y, contentW, h, 1.5, "1234", "F")
	w := contentW / float64(len(cols))
	for i, c := range cols {
		x := marginL + float64(i)*w
		f.SetXY(x+1, y+1.3)
		r.font("", 7)
		r.color(colMuted)
		r.fitCell(w-2, 3.8, c.label, "L", false)
		f.SetXY(x+1, y+5.3)
		r.font("B", 9.5)
		r.color(colText)
		r.fitCell(w-2, 4.6, c.value, "L", false)
	}
	f.SetY(y + h + 3)
}

// notices prints the wordings the law requires to stand out: pénzforgalmi
// elszámolás (169. § h) and fordított adózás (169. § n).
func (r *renderer) notices() {
	var ns []string
	if r.inv.Seller.CashAccounting {
		ns = append(ns, "Pénzforgalmi elszámolás")
	}
	if r.hasCode(domain.VATFAD) {
		ns = append(ns, "Fordított adózás")
	}
	if len(ns) == 0 {
		return
	}
	f := r.f
	for _, n := range ns {
		y := f.GetY()
		r.fillColor(colAccent)
		f.Rect(marginL, y+0.6, 1.2, 4, "F")
		f.SetXY(marginL+2.5, y)
		r.font("B", 9.5)
		r.color(colAccent)
		f.CellFormat(contentW-2.5, 5.2, n, "", 1, "L", false, 0, "")
	}
	r.color(colText)
	f.SetY(f.GetY() + 2)
}
