package pdf

import (
	"strconv"
	"strings"
)

// column is one column of a table: its header (lines split by "\n"), width
// in millimetres and alignment ("L" or "R").
type column struct {
	head  string
	w     float64
	align string
}

// lineCols are the columns of the line table; the widths add up to contentW.
var lineCols = []column{
	{"#", 9, "R"},
	{"Megnevezés", 48, "L"},
	{"Mennyiség", 18, "R"},
	{"Egység", 16, "L"},
	{"Nettó\negységár", 20, "R"},
	{"Nettó\nérték", 20, "R"},
	{"ÁFA", 11, "R"},
	{"ÁFA\nérték", 18, "R"},
	{"Bruttó\nérték", 20, "R"},
}

// Sizes of the line table.
const (
	tableSize  = 8.0 // font size of the rows
	headSize   = 7.0 // font size of the header
	headH      = 8.0 // header height
	rowPad     = 1.2 // space above and below a row's text
	descColumn = 1   // index of the wrapping description column
	unitColumn = 3   // index of the unit column, which wraps too
)

// lineTable prints the caption and one row per invoice line. Long
// descriptions wrap inside their column; a row that does not fit goes to the
// next page, where the header is repeated. A row taller than a whole page is
// split between pages.
func (r *renderer) lineTable() {
	f := r.f
	lh := lineH(tableSize)
	r.ensureSpace(lineH(9) + headH + lh + 2*rowPad)
	r.font("B", 9)
	r.color(colAccent)
	f.SetX(marginL)
	f.CellFormat(contentW/2, lineH(9)+0.5, "Tételek", "", 0, "L", false, 0, "")
	r.font("", 7.5)
	r.color(colMuted)
	f.CellFormat(contentW/2, lineH(9)+0.5, "Az összegek pénzneme: "+string(r.inv.Currency), "", 1, "R", false, 0, "")
	r.lineTableHeader()
	r.inTable = true

	// Most description lines a row may have to fit on a continuation page.
	maxLines := int((bottomY - (marginT + 2 + headH) - 2*rowPad) / lh)
	for i, l := range r.inv.Lines {
		r.font("", tableSize)
		desc := r.wrap(l.Description, lineCols[descColumn].w)
		unit, unitSize := r.wrapFit(l.Unit, lineCols[unitColumn].w, tableSize, 6)
		n := max(len(desc), len(unit), 1)
		zebra := i%2 == 1
		if n <= maxLines {
			r.ensureSpace(float64(n)*lh + 2*rowPad)
			r.lineRow(i, rowText{desc, unit, unitSize}, true, zebra)
			continue
		}
		for first := true; len(desc) > 0; {
			k := int((bottomY - f.GetY() - 2*rowPad) / lh)
			if k < 2 {
				r.newPage()
				continue
			}
			k = min(k, len(desc))
			var u []string
			if first {
				u = unit[:min(k, len(unit))]
			}
			r.lineRow(i, rowText{desc[:k], u, unitSize}, first, zebra)
			desc, first = desc[k:], false
		}
	}
	r.inTable = false
	f.SetY(f.GetY() + 5)
}

// lineTableHeader prints the shaded header row of the line table.
func (r *renderer) lineTableHeader() {
	f := r.f
	y := f.GetY()
	r.fillColor(colHead)
	f.Rect(marginL, y, contentW, headH, "F")
	r.font("B", headSize)
	r.color(colText)
	lh := lineH(headSize)
	x := marginL
	for _, c := range lineCols {
		parts := strings.Split(c.head, "\n")
		top := y + (headH-float64(len(parts))*lh)/2
		for k, p := range parts {
			f.SetXY(x, top+float64(k)*lh)
			r.fitCell(c.w, lh, p, c.align, false)
		}
		x += c.w
	}
	f.SetY(y + headH)
}

// rowText is the wrapped text of a line-table row: the description and the
// unit, which is set at unitSize (smaller than the row when a word of it
// would not fit).
type rowText struct {
	desc, unit []string
	unitSize   float64
}

// lineRow prints line i with the given wrapped text; the other cells are
// printed only on the first part of a row split between pages.
func (r *renderer) lineRow(i int, txt rowText, first, zebra bool) {
	f := r.f
	l, a := r.inv.Lines[i], r.t.Lines[i]
	lh := lineH(tableSize)
	y := f.GetY()
	h := float64(max(len(txt.desc), len(txt.unit), 1))*lh + 2*rowPad
	if zebra {
		r.fillColor(colZebra)
		f.Rect(marginL, y, contentW, h, "F")
	}
	r.font("", tableSize)
	r.color(colText)
	cells := []string{
		strconv.Itoa(i+1) + ".", "",
		quantity(l.Quantity), "", r.inv.Currency.FormatUnitPrice(l.UnitPrice),
		amount(a.Net), vatShort(l.VAT), amount(a.VAT), amount(a.Gross),
	}
	x := marginL
	for k, c := range lineCols {
		switch {
		case k == descColumn || k == unitColumn:
			text := txt.desc
			if k == unitColumn {
				text = txt.unit
				f.SetFontSize(txt.unitSize)
			}
			for n, s := range text {
				f.SetXY(x, y+rowPad+float64(n)*lh)
				f.CellFormat(c.w, lh, s, "", 0, "L", false, 0, "")
			}
			f.SetFontSize(tableSize)
		case first:
			f.SetXY(x, y+rowPad)
			r.fitCell(c.w, lh, cells[k], c.align, false)
		}
		x += c.w
	}
	r.drawColor(colRule)
	f.SetLineWidth(0.15)
	f.Line(marginL, y+h, marginL+contentW, y+h)
	f.SetY(y + h)
}
