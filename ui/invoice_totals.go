package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// vatSummaryColumns line up the VAT summary: code, net, VAT, gross and, for
// a foreign currency, the VAT in forints.
var vatSummaryColumns = &columnsLayout{widths: []float32{0, 125, 115, 125, 115}, flexMin: 90}

// totalsPanel shows the VAT summary (áfaösszesítő) and the document totals
// computed by domain.Invoice.Totals. It uses bare text rather than labels:
// without a label's padding the block stays short enough to leave room for
// the lines at 1100×700.
type totalsPanel struct {
	vatRows *fyne.Container // rebuilt on every change

	net, vat, gross, rounding, payable, vatHUF *canvas.Text
	names                                      []*canvas.Text
	roundingName, payableName, vatHUFName      *canvas.Text
	roundingRow, payableRow, vatHUFRow         fyne.CanvasObject
	content                                    fyne.CanvasObject
}

func newTotalsPanel() *totalsPanel {
	p := &totalsPanel{vatRows: container.NewVBox()}
	amount := func(bold bool) *canvas.Text { return compactText("", fyne.TextAlignTrailing, bold) }
	p.net, p.vat, p.gross = amount(false), amount(false), amount(true)
	p.rounding, p.payable, p.vatHUF = amount(false), amount(true), amount(false)
	name := func(text string, bold bool) *canvas.Text {
		t := compactText(text, fyne.TextAlignLeading, bold)
		p.names = append(p.names, t)
		return t
	}
	p.roundingName, p.payableName, p.vatHUFName = name("Kerekítés", false), name("Fizetendő", true), name("ÁFA forintban", false)
	row := func(name, value *canvas.Text) fyne.CanvasObject {
		return container.New(&columnsLayout{widths: []float32{0, 170}}, name, value)
	}
	p.roundingRow, p.payableRow, p.vatHUFRow = row(p.roundingName, p.rounding), row(p.payableName, p.payable), row(p.vatHUFName, p.vatHUF)
	totals := container.NewVBox(
		row(name("Nettó", false), p.net),
		row(name("ÁFA", false), p.vat),
		row(name("Bruttó", true), p.gross),
		p.roundingRow, p.payableRow, p.vatHUFRow,
	)
	right := container.NewHBox(widget.NewSeparator(), container.New(&fixedWidthLayout{width: 290}, totals))
	p.content = container.NewPadded(container.NewBorder(nil, nil, nil, right, container.NewVBox(p.vatRows)))
	p.show(nil, domain.Totals{}, false)
	return p
}

// compactText is a line of text in the foreground colour, without padding.
func compactText(text string, align fyne.TextAlign, bold bool) *canvas.Text {
	t := canvas.NewText(text, theme.Color(theme.ColorNameForeground))
	t.Alignment = align
	t.TextStyle.Bold = bold
	return t
}

// show puts the totals of inv on screen; ok false means they could not be
// computed (the cells show "–").
func (p *totalsPanel) show(inv *domain.Invoice, t domain.Totals, ok bool) {
	foreign := ok && inv.Currency != domain.HUF
	cash := ok && inv.Currency == domain.HUF && inv.PaymentMethod == domain.PayCash
	fg := theme.Color(theme.ColorNameForeground) // follows a theme change
	for text, m := range map[*canvas.Text]domain.Money{p.net: t.Net, p.vat: t.VAT, p.gross: t.Gross,
		p.rounding: t.Rounding, p.payable: t.Payable, p.vatHUF: t.VATHUF} {
		text.Text, text.Color = moneyText(m, ok), fg
		text.Refresh()
	}
	for _, n := range p.names {
		n.Color = fg
		n.Refresh()
	}
	setVisible(p.roundingRow, cash)
	setVisible(p.payableRow, cash)
	setVisible(p.vatHUFRow, foreign)

	head := []string{"ÁFA-összesítő", "Nettó", "ÁFA", "Bruttó"}
	if foreign {
		head = append(head, "ÁFA (Ft)")
	}
	rows := []fyne.CanvasObject{summaryRow(head, true)}
	for _, r := range t.VATSummary {
		cells := []string{vatShortLabel(r.VAT), r.Net.String(), r.VATAmount.String(), r.Gross.String()}
		if foreign {
			cells = append(cells, r.VATAmountHUF.String())
		}
		rows = append(rows, summaryRow(cells, false))
	}
	p.vatRows.Objects = rows
	p.vatRows.Refresh()
}

// vatShortLabel names a VAT code in the summary: "27%" for a rate, the bare
// code ("KBAET") otherwise, as printed invoices do.
func vatShortLabel(c domain.VATCode) string {
	if info, ok := c.Info(); ok && info.HasRate {
		return info.Label
	}
	return string(c)
}

func summaryRow(cells []string, header bool) fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, len(cells))
	for i, text := range cells {
		align := fyne.TextAlignTrailing
		if i == 0 {
			align = fyne.TextAlignLeading
		}
		objs[i] = compactText(text, align, header)
	}
	return container.New(vatSummaryColumns, objs...)
}

func setVisible(o fyne.CanvasObject, on bool) {
	if on {
		o.Show()
	} else {
		o.Hide()
	}
}
