package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// unitChoices are the units offered for a line; any other may be typed.
var unitChoices = []string{"db", "óra", "kg", "m", "hónap", "szolgáltatás"}

// lineColumns are the line editor's columns; the description (width 0)
// takes the space the others leave.
var lineColumns = &columnsLayout{widths: []float32{0, 85, 105, 125, 115, 135, 115, 135, 36}, flexMin: 170}

// lineFieldNames are the Hungarian names of a line's fields, as the
// domain's validation labels them ("2. tétel – mennyiség").
var lineFieldNames = map[string]string{
	"description": "megnevezés", "quantity": "mennyiség", "unit": "mennyiségi egység",
	"unitPrice": "egységár", "vat": "áfakulcs",
}

// lineHeader is the header row above the lines.
func lineHeader() fyne.CanvasObject {
	titles := []string{"Megnevezés", "Mennyiség", "Egység", "Nettó egységár", "ÁFA-kulcs", "Nettó", "ÁFA", "Bruttó", ""}
	cells := make([]fyne.CanvasObject, len(titles))
	for i, t := range titles {
		l := widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		if i >= 5 {
			l.Alignment = fyne.TextAlignTrailing
		}
		cells[i] = l
	}
	return container.New(lineColumns, cells...)
}

// lineRow is one editable line (tétel) with its computed amounts and its
// messages below it.
type lineRow struct {
	desc, qty, price      *widget.Entry
	unit                  *widget.SelectEntry
	vat                   *widget.Select
	net, vatAmount, gross *widget.Label
	remove                *widget.Button
	msg                   *widget.Label
	touched               map[string]bool // by field: description, quantity, …
	box                   *fyne.Container
}

// newLineRow makes a line of 1 db at the seller's default VAT code; onChange
// runs on every edit, onRemove when the line's remove button is tapped.
func newLineRow(vat domain.VATCode, onChange func(), onRemove func(*lineRow)) *lineRow {
	r := &lineRow{touched: map[string]bool{}}
	entry := func(field, placeholder string) *widget.Entry {
		e := widget.NewEntry()
		e.SetPlaceHolder(placeholder)
		e.OnChanged = func(string) { r.touched[field] = true; onChange() }
		return e
	}
	r.desc = entry("description", "Termék vagy szolgáltatás")
	r.qty = entry("quantity", "1")
	r.qty.SetText("1")
	r.price = entry("unitPrice", "0")
	r.unit = widget.NewSelectEntry(unitChoices)
	r.unit.SetText("db")
	r.unit.OnChanged = func(string) { r.touched["unit"] = true; onChange() }
	r.vat = widget.NewSelect(vatLabels(), func(string) { r.touched["vat"] = true; onChange() })
	if info, ok := vat.Info(); ok {
		r.vat.SetSelected(info.Label)
	}
	r.net, r.vatAmount, r.gross = amountLabel(), amountLabel(), amountLabel()
	r.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { onRemove(r) })
	r.msg = newErrLabel()
	r.touched = map[string]bool{} // the defaults above are not the user's edits
	row := container.New(lineColumns, r.desc, r.qty, r.unit, r.price, r.vat, r.net, r.vatAmount, r.gross, r.remove)
	r.box = container.NewVBox(row, r.msg)
	return r
}

func amountLabel() *widget.Label {
	l := widget.NewLabel(notComputed)
	l.Alignment = fyne.TextAlignTrailing
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// vatLabels are the VAT picker's choices, in domain.VATCodes order.
func vatLabels() []string {
	codes := domain.VATCodes()
	labels := make([]string, len(codes))
	for i, c := range codes {
		info, _ := c.Info()
		labels[i] = info.Label
	}
	return labels
}

// line reads the row into a domain line; problems gets the fields whose text
// is not a number (keyed "lines[i].quantity"), which are read as zero.
func (r *lineRow) line(i int, problems map[string]domain.FieldError) domain.InvoiceLine {
	l := domain.InvoiceLine{Description: r.desc.Text, Unit: r.unit.Text}
	if idx := r.vat.SelectedIndex(); idx >= 0 {
		l.VAT = domain.VATCodes()[idx]
	}
	for field, target := range map[string]*domain.Decimal{"quantity": &l.Quantity, "unitPrice": &l.UnitPrice} {
		text := r.qty.Text
		if field == "unitPrice" {
			text = r.price.Text
		}
		d, msg := parseDecimalField(text)
		if msg != "" {
			key := lineKey(i, field)
			problems[key] = domain.FieldError{Field: key, Label: lineLabel(i, field), Message: msg}
		}
		*target = d
	}
	return l
}

func lineKey(i int, field string) string { return fmt.Sprintf("lines[%d].%s", i, field) }

func lineLabel(i int, field string) string {
	return fmt.Sprintf("%d. tétel – %s", i+1, lineFieldNames[field])
}

// showAmounts puts the line's computed amounts into its cells.
func (r *lineRow) showAmounts(a domain.LineAmounts, ok bool) {
	r.net.SetText(moneyText(a.Net, ok))
	r.vatAmount.SetText(moneyText(a.VAT, ok))
	r.gross.SetText(moneyText(a.Gross, ok))
}

// showProblems shows the messages of the line's touched fields, one per
// line of text ("2. tétel – mennyiség: nem lehet nulla").
func (r *lineRow) showProblems(i int, problems map[string]domain.FieldError) {
	var text string
	for _, field := range []string{"description", "quantity", "unit", "unitPrice", "vat"} {
		fe, ok := problems[lineKey(i, field)]
		if !ok || !r.touched[field] {
			continue
		}
		if text != "" {
			text += "\n"
		}
		text += fe.String()
	}
	setMessage(r.msg, text)
}
