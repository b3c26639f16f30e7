package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// Texts of the order flow that tests refer to.
const (
	subOrderLabel    = "Előfizetek"
	subFinalizeLabel = "Előfizetés véglegesítése"
	// subFreeText is what the summary says of a free plan's bill.
	subFreeText    = "Díjbekérőt nem kap, és fizetnie sem kell."
	subOrderedText = "Köszönjük, a megrendelését rögzítettük. Az aktiváló linket tartalmazó üzenetet " +
		"az Üzenetek lapon találja: nyissa meg, és kattintson az Aktiválás gombra."
)

// onMore is Bővebben: what the service does and its price, with
// Előfizetek when it can be ordered.
func (p *subPanel) onMore(id domain.PlanID) {
	e, ok := p.entry(id)
	if !ok {
		return
	}
	desc := widget.NewLabel(e.Plan.Description)
	desc.Wrapping = fyne.TextWrapWord
	facts := container.New(layout.NewFormLayout(),
		widget.NewLabel("Ár"), widget.NewLabelWithStyle(subPriceText(e.Plan), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel("Állapot"), widget.NewLabel(e.Sub.StateText()),
	)
	d := dialog.NewCustomWithoutButtons(e.Plan.Name, container.NewVBox(desc, facts), p.win)
	buttons := []fyne.CanvasObject{widget.NewButton("Bezárás", d.Hide)}
	if e.Sub.Can(e.Plan, domain.EventOrder) {
		order := widget.NewButton(subOrderLabel, func() {
			d.Hide()
			p.showSummary(e)
		})
		order.Importance = widget.HighImportance
		buttons = append(buttons, order)
	}
	d.SetButtons(buttons)
	d.Show()
	fitDialog(d, 560)
}

// showSummary is the last step before the order: what is ordered and for
// how much. A free plan also says that no díjbekérő comes, as the original
// service did. A priced plan shows its price and promises nothing more:
// billing it is not built (no priced plan exists yet).
func (p *subPanel) showSummary(e domain.CatalogueEntry) {
	note := widget.NewLabel("A véglegesítés után az Üzenetek között kap egy aktiváló linket; " +
		"a szolgáltatás az aktiválással indul.")
	note.Wrapping = fyne.TextWrapWord
	facts := container.New(layout.NewFormLayout(),
		widget.NewLabel("Szolgáltatás"), widget.NewLabelWithStyle(e.Plan.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel("Ár"), widget.NewLabel(e.Plan.PriceText()),
	)
	if e.Plan.Free() {
		free := widget.NewLabel(subFreeText)
		free.Wrapping = fyne.TextWrapWord
		facts.Add(widget.NewLabel("Fizetés"))
		facts.Add(free)
	}
	body := container.NewVBox(facts, note)
	d := dialog.NewCustomWithoutButtons("Megrendelés összesítése", body, p.win)
	finalize := widget.NewButton(subFinalizeLabel, nil)
	finalize.Importance = widget.HighImportance
	finalize.OnTapped = func() {
		finalize.Disable()
		p.async(func() {
			msg, err := p.svc.Order(context.Background(), e.Plan.ID)
			fyne.Do(func() {
				d.Hide()
				if err != nil {
					showError(p.win, "order subscription", err)
					p.refresh()
					return
				}
				p.refresh()
				p.showOrdered(msg)
			})
		})
	}
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Mégse", d.Hide), finalize})
	d.Show()
	fitDialog(d, 560)
}

// showOrdered confirms the order and leads to the message with the link.
func (p *subPanel) showOrdered(msg *domain.Message) {
	d := dialog.NewCustomWithoutButtons(domain.SubjectOrdered, messageLabel(subOrderedText), p.win)
	open := widget.NewButton("Üzenet megnyitása", func() {
		d.Hide()
		p.openMessage(msg.ID)
	})
	open.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Bezárás", d.Hide), open})
	d.Resize(fyne.NewSize(480, 220))
	d.Show()
}

// confirmCancel is Lemondás: it says that nothing is deleted.
func (p *subPanel) confirmCancel(e domain.CatalogueEntry) {
	confirm(p.win, "Lemondás", "Lemondja: "+e.Plan.Name+"?\n\nA szolgáltatás funkciói kikapcsolnak, de a beállításai és "+
		"adatai megmaradnak: ha később újra megrendeli és aktiválja, ugyanott folytathatja.", "Lemondás", func() {
		p.async(func() {
			err := p.svc.Cancel(context.Background(), e.Plan.ID)
			fyne.Do(func() {
				if err != nil {
					showError(p.win, "cancel subscription", err)
				}
				p.refresh()
			})
		})
	})
}
