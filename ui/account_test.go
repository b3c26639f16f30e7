package ui

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestFirstStartAsksForTheAccount(t *testing.T) {
	f := subNewFixture(t, false)
	s := f.p.account.setup
	if s == nil || !strings.Contains(subDialogText(t, f.w), acctSetupIntro) {
		t.Fatal("no account setup on the first start")
	}
	form := s.form
	if !form.submit.Disabled() {
		t.Fatal("Fiók létrehozása is enabled on an empty form")
	}
	if form.msg.Text != "" {
		t.Errorf("an untouched form shows %q", form.msg.Text)
	}
	test.Type(form.entries["userName"], "anna")
	test.Type(form.entries["password"], "rovid")
	if form.msg.Text != "Jelszó: legalább 8 karakter legyen (most 5)" {
		t.Errorf("short password message %q", form.msg.Text)
	}
	form.entries["password"].SetText("titkos123")
	if form.msg.Text != "" {
		t.Errorf("the untouched repeat field shows an error: %q", form.msg.Text)
	}
	test.Type(form.entries["passwordAgain"], "titkos124")
	if form.msg.Text != "Jelszó még egyszer: nem egyezik a jelszóval" || !form.submit.Disabled() {
		t.Errorf("mismatch message %q, submit disabled %v", form.msg.Text, form.submit.Disabled())
	}
	form.entries["passwordAgain"].SetText("titkos123")
	test.Tap(s.ask)
	if form.submit.Disabled() {
		t.Fatal("Fiók létrehozása still disabled")
	}
	tapDialogButton(t, f.w, "Fiók létrehozása")

	if f.w.Canvas().Overlays().Top() != nil {
		t.Error("the setup dialog is still open")
	}
	a := f.store.account
	if a == nil || a.UserName != "anna" || a.PasswordHash == "titkos123" || !a.AskAtStart {
		t.Fatalf("stored %+v", a)
	}
	if f.p.account.user.Text != "anna" || !f.p.account.ask.Checked || f.p.account.change.Disabled() {
		t.Errorf("Fiók card shows %q, ask %v", f.p.account.user.Text, f.p.account.ask.Checked)
	}
}

// acctStartFixture is a window with the owner account and its setting.
// shown counts the calls of onShown, where main.go enables the menu and
// its shortcuts.
func acctStartFixture(t *testing.T, askAtStart bool) (*subFixture, fyne.CanvasObject, *acctLogin, *int) {
	t.Helper()
	f := subNewFixture(t, true)
	if err := f.subs.Accounts.SetAskAtStart(context.Background(), askAtStart); err != nil {
		t.Fatal(err)
	}
	content := widget.NewLabel("a számlák és vevők")
	shown := new(int)
	l := acctStart(f.w, f.subs.Accounts, content, func() { *shown++ }, func(fn func()) { fn() })
	return f, content, l, shown
}

func TestStartWithoutPromptShowsTheData(t *testing.T) {
	f, content, l, shown := acctStartFixture(t, false)
	if l != nil || f.w.Content() != content || *shown != 1 {
		t.Errorf("the data is not shown at once (onShown called %d times)", *shown)
	}
}

func TestStartupLoginGuardsTheData(t *testing.T) {
	f, content, l, shown := acctStartFixture(t, true)
	if l == nil || f.w.Content() == content || *shown != 0 {
		t.Fatal("the data or the shortcuts are available before the login")
	}
	form := l.form
	test.Type(form.entries["userName"], "anna")
	test.Type(form.entries["password"], "rossz-jelszo")
	test.Tap(form.submit)
	if !strings.HasPrefix(form.msg.Text, "Hibás felhasználónév vagy jelszó. Még 4 próbálkozás") {
		t.Fatalf("wrong password shows %q", form.msg.Text)
	}
	if f.w.Content() == content || form.entries["password"].Text != "" {
		t.Fatal("a wrong password let the user in or stayed in the field")
	}
	for range 4 {
		test.Type(form.entries["password"], "rossz-jelszo")
		test.Tap(form.submit)
	}
	test.Type(form.entries["password"], "titkos123")
	test.Tap(form.submit)
	if form.msg.Text != "Túl sok sikertelen belépési kísérlet miatt a belépés átmenetileg le van tiltva. Próbálja újra 1 perc múlva." ||
		f.w.Content() == content {
		t.Fatalf("locked login shows %q", form.msg.Text)
	}

	f.clock.Advance(time.Minute)
	test.Type(form.entries["password"], "titkos123")
	test.Tap(form.submit)
	if f.w.Content() != content || *shown != 1 {
		t.Fatalf("the right password a minute later did not open the data: %q", form.msg.Text)
	}
}

func TestPasswordChangeFromTheAccountCard(t *testing.T) {
	f := subNewFixture(t, true)
	card := f.p.account
	test.Tap(card.change)
	d := card.lastPass
	form := d.form
	test.Type(form.entries["currentPassword"], "rossz-jelszo")
	test.Type(form.entries["password"], "uj-jelszo-2026")
	test.Type(form.entries["passwordAgain"], "uj-jelszo-2026")
	tapDialogButton(t, f.w, "Mentés")
	if !strings.HasPrefix(form.msg.Text, "Hibás felhasználónév vagy jelszó.") {
		t.Fatalf("wrong current password shows %q", form.msg.Text)
	}
	form.entries["currentPassword"].SetText("titkos123")
	tapDialogButton(t, f.w, "Mentés")
	if txt := subDialogText(t, f.w); !strings.Contains(txt, "Az új jelszót elmentettük.") {
		t.Fatalf("after saving:\n%s", txt)
	}
	if err := f.subs.Accounts.Login(context.Background(), "anna", "uj-jelszo-2026"); err != nil {
		t.Errorf("the new password does not work: %v", err)
	}
}

func TestAskAtStartCheckIsStored(t *testing.T) {
	f := subNewFixture(t, true)
	test.Tap(f.p.account.ask)
	if on, _ := f.subs.Accounts.AskAtStart(context.Background()); !on {
		t.Error("ticking the box did not switch the start-up login on")
	}
	test.Tap(f.p.account.ask)
	if on, _ := f.subs.Accounts.AskAtStart(context.Background()); on {
		t.Error("unticking the box did not switch it off")
	}
}

// The account dialog keeps its fields in place while messages come and
// go (one message line below them, its room kept), and it is as tall as
// its content: no empty band above the button.
func TestAccountSetupLayoutIsStable(t *testing.T) {
	f := subNewFixture(t, false)
	f.w.Resize(fyne.NewSize(1100, 700))
	s := f.p.account.setup
	form := s.form
	d := fyne.CurrentApp().Driver()
	positions := func() []fyne.Position {
		var out []fyne.Position
		for _, o := range []fyne.CanvasObject{form.entries["userName"], form.entries["password"], form.entries["passwordAgain"], s.ask, form.submit} {
			out = append(out, d.AbsolutePositionForObject(o))
		}
		return out
	}
	before := positions()
	top := f.w.Canvas().Overlays().Top().(*widget.PopUp)
	if h, min := top.Content.Size().Height, top.Content.MinSize().Height; h > min+1 {
		t.Errorf("the dialog is %v tall, its content needs %v", h, min)
	}
	test.Type(form.entries["userName"], "anna")
	test.Type(form.entries["password"], "rovid")
	test.Type(form.entries["passwordAgain"], "x")
	if form.msg.Text == "" {
		t.Fatal("no message")
	}
	if after := positions(); !reflect.DeepEqual(before, after) {
		t.Errorf("the fields moved: %v → %v", before, after)
	}
	if form.msg.Size().Height < form.msg.MinSize().Height || form.msg.Size().Width == 0 {
		t.Errorf("the message line is %v, needs %v", form.msg.Size(), form.msg.MinSize())
	}
}
