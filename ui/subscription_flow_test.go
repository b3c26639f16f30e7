package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"konnyuszamla/domain"
)

// TestSubscriptionFlow walks the flow of the 2011 slides: Bővebben →
// Előfizetek → Előfizetés véglegesítése → the message with Aktiválás →
// Belépés (wrong, then right) → Sikeres aktiválás → Tovább → aktív.
func TestSubscriptionFlow(t *testing.T) {
	f := subNewFixture(t, true)
	p, w := f.p, f.w

	if f.tabs.Items[0].Text != "Előfizetések" || f.tabs.Selected() != p.subsTab {
		t.Fatalf("first tab %q, selected %q", f.tabs.Items[0].Text, f.tabs.Selected().Text)
	}
	if got := p.rowUI[domain.PlanBase].state.Text; got != "aktív (2026.09.27. óta)" {
		t.Errorf("base package state %q", got)
	}
	if p.rowUI[domain.PlanBase].action.Visible() {
		t.Error("the base package offers an action")
	}
	row := p.rowUI[domain.PlanMiniCRM]
	if row.state.Text != "nincs előfizetve" || row.action.Text != "Előfizetés" || p.msgsTab.Text != "Üzenetek" {
		t.Fatalf("MiniCRM row %q / %q, messages tab %q", row.state.Text, row.action.Text, p.msgsTab.Text)
	}

	test.Tap(row.more)
	if txt := subDialogText(t, w); !strings.Contains(txt, "INGYENES") || !strings.Contains(txt, "szinkronizáció") ||
		!strings.Contains(txt, "a Vevők lapon a Szinkronizál gombbal") {
		t.Errorf("Bővebben shows:\n%s", txt)
	}
	tapDialogButton(t, w, "Előfizetek")
	if txt := subDialogText(t, w); !strings.Contains(txt, "MiniCRM kiegészítő előfizetés") || !strings.Contains(txt, subFreeText) {
		t.Errorf("summary shows:\n%s", txt)
	}
	tapDialogButton(t, w, "Előfizetés véglegesítése")

	if txt := subDialogText(t, w); !strings.Contains(txt, "Megrendelés rögzítve") || !strings.Contains(txt, subOrderedText) {
		t.Errorf("confirmation %q", txt)
	}
	row = p.rowUI[domain.PlanMiniCRM]
	if row.state.Text != "megrendelve — aktiválásra vár" || row.action.Text != "Aktiválás" {
		t.Errorf("after the order: %q / %q", row.state.Text, row.action.Text)
	}
	if p.msgsTab.Text != "Üzenetek (1)" {
		t.Errorf("messages tab %q after the order", p.msgsTab.Text)
	}
	if text, bold := subListRow(p, 0); text != "● 2026.11.27. "+subDay.Local().Format("15:04")+"  Megrendelés rögzítve" || !bold {
		t.Errorf("message row %q bold=%v", text, bold)
	}

	tapDialogButton(t, w, "Üzenet megnyitása")
	if f.tabs.Selected() != p.msgsTab || p.msgs.subject.Text != "Megrendelés rögzítve" ||
		!p.msgs.action.Visible() || p.msgs.action.Text != "Aktiválás" {
		t.Fatalf("message opened: tab %q, subject %q, action %q", f.tabs.Selected().Text, p.msgs.subject.Text, p.msgs.action.Text)
	}
	if p.msgsTab.Text != "Üzenetek" {
		t.Errorf("messages tab %q after reading the message", p.msgsTab.Text)
	}

	test.Tap(p.msgs.action)
	if txt := subDialogText(t, w); !strings.Contains(txt, subActivateIntro) {
		t.Fatalf("activation shows:\n%s", txt)
	}
	entries := subDialogEntries(t, w)
	test.Type(entries[0], "anna")
	test.Type(entries[1], "rossz-jelszo")
	tapDialogButton(t, w, "Belépés")
	a := p.lastActivation
	if !a.errMsg.Visible() || a.errMsg.Text != "Hibás felhasználónév vagy jelszó. Még 4 próbálkozás maradt, utána 1 percig nem lehet belépni." {
		t.Fatalf("wrong password shows %q (visible %v)", a.errMsg.Text, a.errMsg.Visible())
	}
	if a.pass.Text != "" || !a.login.Disabled() {
		t.Error("the wrong password stayed in the field")
	}
	test.Type(a.pass, "titkos123")
	tapDialogButton(t, w, "Belépés")

	if txt := subDialogText(t, w); !strings.Contains(txt, "Sikeresen aktiválta: MiniCRM kiegészítő előfizetés") {
		t.Fatalf("after the right password:\n%s", txt)
	}
	tapDialogButton(t, w, "Tovább")
	if w.Canvas().Overlays().Top() != nil {
		t.Error("a dialog is still open after Tovább")
	}
	if f.tabs.Selected() != p.subsTab {
		t.Errorf("Tovább went to %q", f.tabs.Selected().Text)
	}
	row = p.rowUI[domain.PlanMiniCRM]
	if row.state.Text != "aktív (2026.11.27. óta)" || row.action.Text != "Lemondás" {
		t.Errorf("after activation: %q / %q", row.state.Text, row.action.Text)
	}
	if p.msgsTab.Text != "Üzenetek (1)" {
		t.Errorf("messages tab %q after activation", p.msgsTab.Text)
	}
	if text, bold := subListRow(p, 0); !strings.HasSuffix(text, "Sikeres aktiválás") || !bold {
		t.Errorf("newest message row %q bold=%v", text, bold)
	}
	p.msgs.list.Select(0)
	if !strings.Contains(p.msgs.body.Text, "Ilyenkor természetesen nem kap díjbekérőt, hiszen ez a szolgáltatásunk INGYENES") ||
		p.msgs.action.Visible() || p.msgsTab.Text != "Üzenetek" {
		t.Errorf("second message %q, action shown %v, tab %q", p.msgs.body.Text, p.msgs.action.Visible(), p.msgsTab.Text)
	}
}

// Once the plan is no longer waiting for activation, the order message
// no longer offers its Aktiválás, and says why; a new order brings a link
// that works.
func TestUsedActivationLinkIsNotOffered(t *testing.T) {
	f := subNewFixture(t, true)
	p := f.p
	if _, err := f.subs.Order(t.Context(), domain.PlanMiniCRM); err != nil {
		t.Fatal(err)
	}
	if _, err := f.subs.Activate(t.Context(), domain.PlanMiniCRM, "anna", "titkos123"); err != nil {
		t.Fatal(err)
	}
	p.refresh()
	p.openMessage(1) // the order message, whose link was already used
	if p.msgs.subject.Text != domain.SubjectOrdered || p.msgs.action.Visible() || !p.msgs.used.Visible() ||
		!strings.Contains(p.msgs.used.Text, "a szolgáltatás aktív") {
		t.Fatalf("used link: subject %q, Aktiválás shown %v, note %q", p.msgs.subject.Text, p.msgs.action.Visible(), p.msgs.used.Text)
	}
	test.Tap(p.msgs.action) // a hidden button cannot be pressed, and onAction refuses too
	p.msgs.onAction()
	if f.w.Canvas().Overlays().Top() != nil {
		t.Error("the used link opened the activation")
	}

	if err := f.subs.Cancel(t.Context(), domain.PlanMiniCRM); err != nil {
		t.Fatal(err)
	}
	p.refresh()
	if p.msgs.action.Visible() || !strings.Contains(p.msgs.used.Text, "lemondta") {
		t.Errorf("after Lemondás: Aktiválás shown %v, note %q", p.msgs.action.Visible(), p.msgs.used.Text)
	}

	if _, err := f.subs.Order(t.Context(), domain.PlanMiniCRM); err != nil {
		t.Fatal(err)
	}
	p.refresh()
	p.openMessage(p.msgs.msgs[0].ID) // the new order's message
	if !p.msgs.action.Visible() || p.msgs.used.Visible() {
		t.Errorf("new order: Aktiválás shown %v, note %q", p.msgs.action.Visible(), p.msgs.used.Text)
	}
	test.Tap(p.msgs.action)
	if txt := subDialogText(t, f.w); !strings.Contains(txt, subActivateIntro) {
		t.Errorf("the new link does not open the activation:\n%s", txt)
	}
}

// The summary promises nothing that does not happen: a free plan says no
// díjbekérő comes; a priced one (none exists yet) only shows its price.
func TestOrderSummaryPromisesNoProforma(t *testing.T) {
	f := subNewFixture(t, true)
	priced := domain.CatalogueEntry{Plan: domain.Plan{ID: "proba", Name: "Próba kiegészítő",
		Price: domain.Money{Minor: 1990, Currency: domain.HUF}}}
	f.p.showSummary(priced)
	txt := subDialogText(t, f.w)
	if !strings.Contains(txt, priced.Plan.PriceText()) || strings.Contains(strings.ToLower(txt), "díjbekér") {
		t.Errorf("priced plan summary:\n%s", txt)
	}
	f.w.Canvas().Overlays().Top().Hide()
	free, _ := f.p.entry(domain.PlanMiniCRM)
	f.p.showSummary(free)
	if txt := subDialogText(t, f.w); !strings.Contains(txt, "INGYENES") || !strings.Contains(txt, subFreeText) {
		t.Errorf("free plan summary:\n%s", txt)
	}
}

func TestLemondasKeepsReorderPossible(t *testing.T) {
	f := subNewFixture(t, true)
	p, w := f.p, f.w
	if _, err := f.subs.Order(t.Context(), domain.PlanMiniCRM); err != nil {
		t.Fatal(err)
	}
	if _, err := f.subs.Activate(t.Context(), domain.PlanMiniCRM, "anna", "titkos123"); err != nil {
		t.Fatal(err)
	}
	p.refresh()
	test.Tap(p.rowUI[domain.PlanMiniCRM].action)
	if txt := subDialogText(t, w); !strings.Contains(txt, "beállításai és adatai megmaradnak") {
		t.Errorf("Lemondás asks:\n%s", txt)
	}
	tapDialogButton(t, w, "Lemondás")
	row := p.rowUI[domain.PlanMiniCRM]
	if row.state.Text != "lemondva (2026.11.27.)" || row.action.Text != "Előfizetés" {
		t.Errorf("after Lemondás: %q / %q", row.state.Text, row.action.Text)
	}
}
