package pdf

import (
	"konnyuszamla/domain"
)

// totals prints the totals box at x, y (or, with measure, only computes its
// height) and returns its height: net, VAT (and VAT in forints for a foreign
// currency), gross, the cash rounding and the payable amount, and the
// payable amount in words.
func (r *renderer) totals(x, y float64, measure bool) float64 {
	f, t := r.f, r.t
	type row struct {
		label string
		value domain.Money
	}
	rows := []row{{"Nettó összesen", t.Net}, {"ÁFA összesen", t.VAT}}
	if r.inv.Currency != domain.HUF {
		rows = append(rows, row{"ÁFA összesen forintban", t.VATHUF})
	}
	final := row{"Bruttó összesen", t.Gross}
	if r.isCashRounded() {
		rows = append(rows, row{"Bruttó összesen", t.Gross}, row{"Kerekítés", t.Rounding})
		final = row{"Fizetendő", t.Payable}
	}
	const pad = 2.0
	inner := totalsW - 2*pad
	rh := lineH(totSize) + 0.6
	h := 1.0
	r.font("", totSize)
	for _, rw := range rows {
		if !measure {
			r.color(colText)
			r.labelValue(x+pad, y+h, inner, rh, rw.label, rw.value.String())
		}
		h += rh
	}

	// The final amount, highlighted; a huge amount goes below its label.
	const finalSize = 11.0
	r.font("B", finalSize)
	fh := lineH(finalSize) + 3
	value := final.value.String()
	twoLines := f.GetStringWidth(final.label)+f.GetStringWidth(value)+6 > inner
	if twoLines {
		fh += lineH(finalSize)
	}
	h += 1
	if !measure {
		r.fillColor(colHead)
		f.RoundedRect(x, y+h, totalsW, fh, 1.2, "1234", "F")
		r.color(colAccent)
		if twoLines {
			f.SetXY(x+pad, y+h+1.5)
			f.CellFormat(inner, lineH(finalSize), final.label, "", 0, "L", false, 0, "")
			f.SetXY(x+pad, y+h+1.5+lineH(finalSize))
			r.fitCell(inner, lineH(finalSize), value, "R", false)
		} else {
			r.labelValue(x+pad, y+h, inner, fh, final.label, value)
		}
	}
	h += fh + 1

	// The payable amount in words.
	r.font("", 8)
	words := r.wrap(domain.AmountPhrase(final.value), totalsW-2*pad)
	if !measure {
		r.color(colText)
		for n, s := range words {
			f.SetXY(x+pad, y+h+float64(n)*lineH(8))
			f.CellFormat(totalsW-2*pad, lineH(8), s, "", 0, "R", false, 0, "")
		}
	}
	h += float64(len(words)) * lineH(8)
	return h
}

// labelValue prints label at the left and value right-aligned in the rest
// of width w, in the current font; the value shrinks rather than run into
// the label.
func (r *renderer) labelValue(x, y, w, h float64, label, value string) {
	f := r.f
	lw := f.GetStringWidth(label) + 2*f.GetCellMargin()
	f.SetXY(x, y)
	f.CellFormat(lw, h, label, "", 0, "L", false, 0, "")
	f.SetXY(x+lw, y)
	r.fitCell(w-lw, h, value, "R", false)
}

// notes prints the legal basis of every exemption and special VAT code used
// (Áfa tv. 169. § m, n) and the user's note (Megjegyzés).
func (r *renderer) notes() {
	var bases []string
	for _, c := range r.usedCodes() {
		if info, ok := c.Info(); ok && info.LegalBasis != "" {
			bases = append(bases, string(c)+": "+info.LegalBasis)
		}
	}
	const size = 8.5
	first := lineH(9) + 0.5 + lineH(size)
	if len(bases) > 0 {
		r.ensureSpace(first)
		r.sectionTitle("Adómentesség, különleges adózás jogalapja")
		r.font("", size)
		for _, b := range bases {
			r.paragraph(marginL, contentW, b, size)
		}
		r.f.SetY(r.f.GetY() + 3)
	}
	if r.inv.Note != "" {
		r.ensureSpace(first)
		r.sectionTitle("Megjegyzés")
		r.font("", size)
		r.paragraph(marginL, contentW, r.inv.Note, size)
	}
}
