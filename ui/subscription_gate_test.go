package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

const subGateText = "A MiniCRM kapcsolathoz a MiniCRM kiegészítő előfizetés szükséges. " +
	"Ingyenes: az Előfizetések lapon rendelheti meg és aktiválhatja."

// subGateParts returns the explanation and the button of a gate panel
// (the first label and button: the gated content comes after them).
func subGateParts(t *testing.T, o fyne.CanvasObject) (*widget.Label, *widget.Button) {
	t.Helper()
	var l *widget.Label
	var b *widget.Button
	for _, c := range test.LaidOutObjects(o) {
		switch v := c.(type) {
		case *widget.Label:
			if l == nil {
				l = v
			}
		case *widget.Button:
			if b == nil {
				b = v
			}
		}
	}
	if l == nil || b == nil {
		t.Fatal("the gate has no explanation or no button")
	}
	return l, b
}

func TestMiniCRMGatePanel(t *testing.T) {
	test.NewTempApp(t)
	opened := 0
	plan, _ := domain.PlanByID(domain.PlanMiniCRM)
	l, b := subGateParts(t, subGatePanel(plan, func() { opened++ }))
	if l.Text != subGateText || b.Text != "Előfizetések megnyitása" {
		t.Fatalf("gate %q / %q", l.Text, b.Text)
	}
	test.Tap(b)
	if opened != 1 {
		t.Error("the button did not call back")
	}
}

func TestGateFollowsTheSubscription(t *testing.T) {
	f := subNewFixture(t, true)
	p := f.p
	settings := widget.NewLabel("MiniCRM beállítások")
	gated := p.gate(domain.PlanMiniCRM, settings)
	f.tabs.Select(f.tabs.Items[1]) // the user is on another tab

	panel := gated.(*fyne.Container).Objects[0] // the explanation, stacked over the content
	l, b := subGateParts(t, panel)
	if !panel.Visible() || l.Text != subGateText || settings.Visible() {
		t.Fatalf("before the order: gate %v, settings %v", panel.Visible(), settings.Visible())
	}
	test.Tap(b)
	if f.tabs.Selected() != p.subsTab {
		t.Errorf("the gate's button went to %q", f.tabs.Selected().Text)
	}

	if _, err := f.subs.Order(t.Context(), domain.PlanMiniCRM); err != nil {
		t.Fatal(err)
	}
	if _, err := f.subs.Activate(t.Context(), domain.PlanMiniCRM, "anna", "titkos123"); err != nil {
		t.Fatal(err)
	}
	p.refresh()
	if panel.Visible() || !settings.Visible() {
		t.Errorf("after activation: gate %v, settings %v", panel.Visible(), settings.Visible())
	}
	if err := f.subs.Cancel(t.Context(), domain.PlanMiniCRM); err != nil {
		t.Fatal(err)
	}
	p.refresh()
	if !panel.Visible() || settings.Visible() {
		t.Errorf("after Lemondás: gate %v, settings %v", panel.Visible(), settings.Visible())
	}
}

func TestGuardedSyncButton(t *testing.T) {
	f := subNewFixture(t, true)
	p, w := f.p, f.w
	synced := 0
	syncBtn := widget.NewButton("Szinkronizál", p.guard(domain.PlanMiniCRM, func() { synced++ }))
	f.tabs.Select(f.tabs.Items[1])

	test.Tap(syncBtn)
	if txt := subDialogText(t, w); synced != 0 || txt != subGateText+"\nMiniCRM kiegészítő előfizetés" {
		t.Fatalf("synced %d, dialog %q", synced, txt)
	}
	tapDialogButton(t, w, "Előfizetések megnyitása")
	if f.tabs.Selected() != p.subsTab {
		t.Errorf("went to %q", f.tabs.Selected().Text)
	}

	if _, err := f.subs.Order(t.Context(), domain.PlanMiniCRM); err != nil {
		t.Fatal(err)
	}
	if _, err := f.subs.Activate(t.Context(), domain.PlanMiniCRM, "anna", "titkos123"); err != nil {
		t.Fatal(err)
	}
	p.refresh()
	test.Tap(syncBtn)
	if synced != 1 || w.Canvas().Overlays().Top() != nil {
		t.Errorf("active: synced %d, dialog open %v", synced, w.Canvas().Overlays().Top() != nil)
	}
}
