package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// subRow is the widgets of one catalogue row.
type subRow struct {
	state  *widget.Label
	more   *widget.Button // Bővebben
	action *widget.Button // Előfizetés, Aktiválás or Lemondás; hidden for the base package
}

// subActionLabel is the row's action for a state, "" for none.
func subActionLabel(e domain.CatalogueEntry) string {
	switch {
	case e.Sub.Can(e.Plan, domain.EventActivate):
		return "Aktiválás"
	case e.Sub.Can(e.Plan, domain.EventOrder):
		return "Előfizetés"
	case e.Sub.State == domain.StateActive && e.Sub.Can(e.Plan, domain.EventCancel):
		return "Lemondás"
	}
	return ""
}

// subPriceText is the price as a row shows it. The base package has no
// price of its own: it is the program itself.
func subPriceText(p domain.Plan) string {
	if p.Base {
		return "a program része"
	}
	return p.PriceText()
}

// showRows rebuilds the catalogue from p.entries.
func (p *subPanel) showRows() {
	p.rows.RemoveAll()
	p.rowUI = map[domain.PlanID]*subRow{}
	for _, e := range p.entries {
		p.rows.Add(p.buildRow(e))
	}
	p.rows.Refresh()
}

func (p *subPanel) buildRow(e domain.CatalogueEntry) fyne.CanvasObject {
	r := &subRow{state: widget.NewLabel(e.Sub.StateText())}
	r.state.TextStyle.Bold = true
	if e.Sub.Active() {
		r.state.Importance = widget.SuccessImportance
	}
	r.more = widget.NewButtonWithIcon("Bővebben", theme.InfoIcon(), func() { p.onMore(e.Plan.ID) })
	label := subActionLabel(e)
	r.action = widget.NewButton(label, func() { p.onAction(e.Plan.ID) })
	if label == "Lemondás" {
		r.action.Importance = widget.DangerImportance
	} else {
		r.action.Importance = widget.HighImportance
	}
	if label == "" {
		r.action.Hide()
	}
	p.rowUI[e.Plan.ID] = r

	summary := widget.NewLabel(e.Plan.Summary)
	summary.Wrapping = fyne.TextWrapWord
	price := widget.NewLabelWithStyle("Ár: "+subPriceText(e.Plan), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	info := container.New(layout.NewFormLayout(), widget.NewLabel("Állapot"), r.state)
	buttons := container.NewHBox(price, layout.NewSpacer(), r.more, r.action)
	return widget.NewCard(e.Plan.Name, "", container.NewVBox(summary, info, buttons))
}

// onAction runs the row's action button.
func (p *subPanel) onAction(id domain.PlanID) {
	e, ok := p.entry(id)
	if !ok {
		return
	}
	switch subActionLabel(e) {
	case "Előfizetés":
		p.showSummary(e)
	case "Aktiválás":
		p.showActivation(id)
	case "Lemondás":
		p.confirmCancel(e)
	}
}
