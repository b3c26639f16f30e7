package ui

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// assertLaidOut fails when the layout of o is stale: a visible object
// smaller than its minimum (a message squeezed to nothing, a row cut off)
// or a box child of another height than it needs (the gap a hidden
// message leaves). Fyne does not re-layout a container when a child is
// shown or hidden; these are the symptoms when nobody does.
func assertLaidOut(t *testing.T, o fyne.CanvasObject) {
	t.Helper()
	var walk func(o fyne.CanvasObject, path string)
	walk = func(o fyne.CanvasObject, path string) {
		if !o.Visible() {
			return
		}
		size, min := o.Size(), o.MinSize()
		if size.Width+0.5 < min.Width || size.Height+0.5 < min.Height {
			t.Errorf("%s (%T) is %v, smaller than its minimum %v", path, o, size, min)
		}
		var children []fyne.CanvasObject
		switch c := o.(type) {
		case *fyne.Container:
			children = c.Objects
			if fmt.Sprintf("%T", c.Layout) == "*layout.vBoxLayout" {
				for i, ch := range children {
					if ch.Visible() && math.Abs(float64(ch.Size().Height-ch.MinSize().Height)) > 0.5 {
						t.Errorf("%s/%d (%T) is %v tall in a box, needs %v", path, i, ch, ch.Size().Height, ch.MinSize().Height)
					}
				}
			}
		case *container.Scroll:
			children = []fyne.CanvasObject{c.Content}
		}
		for i, ch := range children {
			walk(ch, fmt.Sprintf("%s/%d", path, i))
		}
	}
	walk(o, "tab")
}

// inView reports whether o is wholly inside the visible part of the
// screen's scroll.
func (s *miniCRMScreen) inView(o fyne.CanvasObject) bool {
	d := fyne.CurrentApp().Driver()
	top, view := d.AbsolutePositionForObject(o).Y, d.AbsolutePositionForObject(s.scroll).Y
	return o.Visible() && o.Size().Height >= o.MinSize().Height && o.Size().Width > 0 &&
		top >= view-0.5 && top+o.Size().Height <= view+s.scroll.Size().Height+0.5
}

// At the default window size the API cím row can be reached after opening
// Speciális beállítások, the paste confirmation is shown with its text,
// and messages that come and go leave no gaps, without a window resize.
func TestMiniCRMLayoutAtDefaultWindowSize(t *testing.T) {
	f := newMiniCRMFixture(t, nil)
	f.w.Resize(fyne.NewSize(1100, 700))
	s := f.s
	assertLaidOut(t, s.root)
	if s.advancedBox.Visible() || s.inView(s.baseURL) {
		t.Fatal("Speciális beállítások is open on a fresh form")
	}

	s.paste.SetText("98:" + uiTestKey + "@r3.minicrm.hu") // a paste
	if !s.inView(s.pasteMsg) || !strings.HasPrefix(s.pasteMsg.Text, "Kitöltve: rendszerazonosító 98") {
		t.Errorf("paste confirmation %q: size %v, needs %v", s.pasteMsg.Text, s.pasteMsg.Size(), s.pasteMsg.MinSize())
	}
	assertLaidOut(t, s.root)

	test.Tap(s.advancedBtn)
	if !s.advancedBox.Visible() || !s.inView(s.baseURL) {
		t.Errorf("the API cím entry is not in view after opening: at %v, size %v; scroll %v offset %v",
			s.baseURL.Position(), s.baseURL.Size(), s.scroll.Size(), s.scroll.Offset)
	}
	assertLaidOut(t, s.root)
	// Scrolling up and back down with the wheel reaches it as well.
	s.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: 5000}})
	s.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -5000}})
	if !s.inView(s.baseURL) {
		t.Error("the API cím entry cannot be scrolled into view")
	}

	// An error that comes and goes leaves no gap.
	s.systemID.SetText("98a")
	if l := s.errLabels["systemId"]; !l.Visible() || l.Size().Height < l.MinSize().Height {
		t.Errorf("system id message %q has size %v", l.Text, l.Size())
	}
	assertLaidOut(t, s.root)
	s.systemID.SetText("98")
	assertLaidOut(t, s.root)

	test.Tap(s.advancedBtn)
	if s.advancedBox.Visible() {
		t.Error("Speciális beállítások did not close")
	}
	assertLaidOut(t, s.root)
}

// A fresh form is unfinished, not wrong: the summary is a neutral hint
// until a field in it is touched.
func TestMiniCRMUntouchedFormIsNotAnError(t *testing.T) {
	f := newMiniCRMFixture(t, nil)
	s := f.s
	if !s.summary.Visible() || s.summary.Text != "A mentéshez adja meg: Rendszerazonosító" ||
		s.summary.Importance == widget.DangerImportance || !s.save.Disabled() {
		t.Errorf("fresh form summary %q (importance %v)", s.summary.Text, s.summary.Importance)
	}
	for key, l := range s.errLabels {
		if l.Visible() {
			t.Errorf("untouched %s shows %q", key, l.Text)
		}
	}
	test.Type(s.company, "7") // another field: still only unfinished
	if s.summary.Importance == widget.DangerImportance {
		t.Errorf("summary turned red after typing elsewhere: %q", s.summary.Text)
	}
	test.Type(s.systemID, "x")
	if s.summary.Text != "Mentés előtt javítandó: Rendszerazonosító" || s.summary.Importance != widget.DangerImportance {
		t.Errorf("touched summary %q (importance %v)", s.summary.Text, s.summary.Importance)
	}
}

// After Mentés the paste's "A kulcs a Mentés után a kulcstartóba kerül"
// is no longer true, so it goes.
func TestMiniCRMPasteMessageGoesAfterSave(t *testing.T) {
	f := newMiniCRMFixture(t, nil)
	s := f.s
	s.paste.SetText("https://98:" + uiTestKey + "@r3.minicrm.hu/Api/R3")
	if !s.pasteMsg.Visible() {
		t.Fatal("no paste confirmation")
	}
	test.Tap(s.save)
	if f.secrets.get("minicrm:98") != uiTestKey || !strings.Contains(s.status.Text, "mentve") {
		t.Fatalf("not saved: %q", s.status.Text)
	}
	if s.pasteMsg.Visible() {
		t.Errorf("the paste message stays after Mentés: %q", s.pasteMsg.Text)
	}
}

// The stored key given again needs no network: neither the paste and
// Mentés nor the Új kulcs dialog tests it.
func TestMiniCRMSameKeyNeedsNoNetwork(t *testing.T) {
	f := newMiniCRMFixture(t, withSavedKey)
	s := f.s
	f.conn.offline = true
	s.paste.SetText("https://98:" + uiTestKey + "@r3.minicrm.hu/Api/R3")
	if !strings.Contains(s.pasteMsg.Text, "Ha ez nem a tárolt kulcs") {
		t.Errorf("paste message %q", s.pasteMsg.Text)
	}
	s.company.SetText("7")
	test.Tap(s.save)
	if !strings.Contains(s.status.Text, "mentve") || f.settings.saved.Company != "7" || len(f.conn.triedKeys()) != 0 {
		t.Fatalf("offline save with the stored key: %q, %d tries", s.status.Text, len(f.conn.triedKeys()))
	}

	test.Tap(s.newKeyBtn)
	k := s.newKey
	test.Type(k.entry, uiTestKey)
	test.Tap(k.ok)
	if len(f.conn.triedKeys()) != 0 || f.w.Canvas().Overlays().Top() != nil ||
		!strings.Contains(s.status.Text, "már el van mentve a kulcstartóban") {
		t.Errorf("Új kulcs with the stored key: %q, %d tries", s.status.Text, len(f.conn.triedKeys()))
	}

	// A different key is tested, and offline the message says that
	// nothing was saved.
	s.paste.SetText("https://98:0123456789abcdef0123456789abcdef@r3.minicrm.hu/Api/R3")
	test.Tap(s.save)
	if !strings.HasPrefix(s.status.Text, "A kulcsot és a beállításokat nem mentettük. ") ||
		f.secrets.get("minicrm:98") != uiTestKey || s.status.Importance != widget.DangerImportance {
		t.Errorf("offline replacement: %q", s.status.Text)
	}
}

// The allow-list note says what the list is: a record of MiniCRM's own
// setting, enforced by MiniCRM, never sent by the app.
func TestMiniCRMIPNote(t *testing.T) {
	for _, want := range []string{"Beállítások → API", "a MiniCRM a saját oldalán érvényesíti", "bárhonnan", "sehova nem küldi el", "IP-cím"} {
		if !strings.Contains(ipNoteText, want) {
			t.Errorf("the note lacks %q", want)
		}
	}
	if strings.Contains(ipNoteText, "IP cím") || strings.Contains(domain.MiniCRMAllowedIPsLabel, "IP cím") {
		t.Error(`"IP cím" is written without its hyphen`)
	}
}
