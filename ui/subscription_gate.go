package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// subGateHow is where the GUI tells the user to order a plan.
const subGateHow = "az Előfizetések lapon rendelheti meg és aktiválhatja."

// subShowLabel is the gate's button.
const subShowLabel = "Előfizetések megnyitása"

// subGatePanel is the short explanation shown in place of a feature (the
// MiniCRM beállítások tab, the Szinkronizál button) while its plan is not
// active, with a button that calls onShow, which switches to the
// Előfizetések tab.
func subGatePanel(plan domain.Plan, onShow func()) fyne.CanvasObject {
	text := widget.NewLabel(domain.RequirementText(plan, subGateHow))
	text.Wrapping = fyne.TextWrapWord
	show := widget.NewButtonWithIcon(subShowLabel, theme.NavigateNextIcon(), onShow)
	show.Importance = widget.HighImportance
	return container.NewPadded(container.NewVBox(text, container.NewHBox(show)))
}

// gate returns content while plan id is active and its explanation panel
// otherwise, switching as the state changes (after an activation or a
// Lemondás, without a restart).
func (p *subPanel) gate(id domain.PlanID, content fyne.CanvasObject) fyne.CanvasObject {
	plan, err := domain.PlanByID(id)
	if err != nil {
		fyne.LogError("gate", err)
		return content
	}
	panel := subGatePanel(plan, p.showSubscriptions)
	update := func() {
		if p.active(id) {
			panel.Hide()
			content.Show()
		} else {
			content.Hide()
			panel.Show()
		}
	}
	p.onChanged = append(p.onChanged, update)
	update()
	return container.NewStack(panel, content)
}

// guard wraps the handler of a button that needs plan id (the Szinkronizál
// button): while the plan is not active it explains why instead, and
// offers the Előfizetések tab.
func (p *subPanel) guard(id domain.PlanID, action func()) func() {
	return func() {
		if p.active(id) {
			action()
			return
		}
		plan, err := domain.PlanByID(id)
		if err != nil {
			showError(p.win, "guard", err)
			return
		}
		d := dialog.NewCustomWithoutButtons(plan.Name, messageLabel(domain.RequirementText(plan, subGateHow)), p.win)
		show := widget.NewButton(subShowLabel, func() {
			d.Hide()
			p.showSubscriptions()
		})
		show.Importance = widget.HighImportance
		d.SetButtons([]fyne.CanvasObject{widget.NewButton("Bezárás", d.Hide), show})
		d.Resize(fyne.NewSize(480, 200))
		d.Show()
	}
}
