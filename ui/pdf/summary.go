package pdf

import (
	"konnyuszamla/domain"
)

// Sizes of the VAT summary and the totals.
const (
	sumSize  = 8.0  // font size of the VAT summary rows
	sumHeadH = 6.0  // VAT summary header height
	totalsW  = 76.0 // width of the totals box
	totSize  = 9.0  // font size of the totals rows
)

// vatCols are the VAT summary columns: for a forint document a compact
// table beside the totals, for a foreign currency the full width with the
// forint amounts too, since the VAT must also be shown in forints.
func (r *renderer) vatCols() []column {
	if r.inv.Currency == domain.HUF {
		return []column{{"ÁFA-kulcs", 38, "L"}, {"Nettó", 20, "R"}, {"ÁFA", 20, "R"}, {"Bruttó", 20, "R"}}
	}
	c := " (" + string(r.inv.Currency) + ")"
	return []column{
		{"ÁFA-kulcs", 40, "L"}, {"Nettó" + c, 23, "R"}, {"ÁFA" + c, 23, "R"}, {"Bruttó" + c, 24, "R"},
		{"Nettó (Ft)", 23, "R"}, {"ÁFA forintban", 24, "R"}, {"Bruttó (Ft)", 23, "R"},
	}
}

// summaryAndTotals prints the VAT summary and the totals: side by side for
// a forint document, one below the other for a foreign currency.
func (r *renderer) summaryAndTotals() {
	f := r.f
	cols := r.vatCols()
	sumH, totH := r.vatSummary(cols, 0, 0, true), r.totals(0, 0, true)
	totX := marginL + contentW - totalsW
	if r.inv.Currency == domain.HUF {
		r.ensureSpace(max(sumH, totH))
		y := f.GetY()
		r.vatSummary(cols, marginL, y, false)
		r.totals(totX, y, false)
		f.SetY(y + max(sumH, totH) + 5)
		return
	}
	r.ensureSpace(sumH)
	y := f.GetY()
	r.vatSummary(cols, marginL, y, false)
	f.SetY(y + sumH + 4)
	r.ensureSpace(totH)
	y = f.GetY()
	r.totals(totX, y, false)
	f.SetY(y + totH + 5)
}

// vatSummary prints the ÁFA-összesítő at x, y (or, with measure, only
// computes its height) and returns its height.
func (r *renderer) vatSummary(cols []column, x, y float64, measure bool) float64 {
	f, t := r.f, r.t
	lh := lineH(sumSize)
	h := lineH(9) + 0.5
	if !measure {
		f.SetXY(x, y)
		r.font("B", 9)
		r.color(colAccent)
		f.CellFormat(100, h, "ÁFA-összesítő", "", 0, "L", false, 0, "")
		r.tableHeader(cols, x, y+h, sumHeadH)
	}
	h += sumHeadH
	width := 0.0
	for _, c := range cols {
		width += c.w
	}
	rows := make([][]string, 0, len(t.VATSummary)+1)
	for _, s := range t.VATSummary {
		rows = append(rows, []string{vatLong(s.VAT), amount(s.Net), amount(s.VATAmount), amount(s.Gross),
			amount(s.NetHUF), amount(s.VATAmountHUF), amount(s.GrossHUF)})
	}
	rows = append(rows, []string{"Összesen", amount(t.Net), amount(t.VAT), amount(t.Gross),
		amount(t.NetHUF), amount(t.VATHUF), amount(t.GrossHUF)})
	for i, row := range rows {
		total := i == len(rows)-1
		style := ""
		if total {
			style = "B"
		}
		r.font(style, sumSize)
		label := r.wrap(row[0], cols[0].w)
		rh := float64(max(len(label), 1))*lh + 2
		if !measure {
			r.color(colText)
			for n, s := range label {
				f.SetXY(x, y+h+1+float64(n)*lh)
				f.CellFormat(cols[0].w, lh, s, "", 0, "L", false, 0, "")
			}
			cx := x + cols[0].w
			for k := 1; k < len(cols); k++ {
				f.SetXY(cx, y+h+1)
				r.fitCell(cols[k].w, lh, row[k], "R", false)
				cx += cols[k].w
			}
			r.drawColor(colRule)
			f.SetLineWidth(0.15)
			if total {
				f.SetLineWidth(0.3)
				f.Line(x, y+h, x+width, y+h)
			}
			f.Line(x, y+h+rh, x+width, y+h+rh)
		}
		h += rh
	}
	return h
}

// tableHeader prints a shaded one-line header row for cols at x, y.
func (r *renderer) tableHeader(cols []column, x, y, h float64) {
	f := r.f
	width := 0.0
	for _, c := range cols {
		width += c.w
	}
	r.fillColor(colHead)
	f.Rect(x, y, width, h, "F")
	r.font("B", headSize)
	r.color(colText)
	for _, c := range cols {
		f.SetXY(x, y)
		r.fitCell(c.w, h, c.head, c.align, false)
		x += c.w
	}
}
