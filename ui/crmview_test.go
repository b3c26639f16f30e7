package ui

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// crmviewFake answers with a canned view, or the cached copy when offline.
type crmviewFake struct {
	view    domain.CRMContactView
	offline bool
	none    bool
	asked   []int64
}

func (f *crmviewFake) ContactView(_ context.Context, id int64) (*domain.CRMContactView, error) {
	f.asked = append(f.asked, id)
	if f.none {
		return nil, errors.New("MiniCRM nem érhető el")
	}
	v := f.view
	v.Cached = f.offline
	return &v, nil
}

func crmviewTexts(o fyne.CanvasObject) string {
	return strings.Join(outboxTexts(o), "\n")
}

func TestCRMViewFromTheCustomerList(t *testing.T) {
	linked := customer("Minta Kft.", "12345676-2-42", "Budapest", "")
	linked.MiniCRMID = 101
	svc := newFakeCustomers(linked, customer("Helyi Bt.", "11111111-2-41", "Győr", ""))
	m, w := newTestMain(t, svc)
	s := m.customers
	f := &crmviewFake{view: domain.CRMContactView{ContactID: 101, Type: "Business", Name: "Minta Kft.",
		TaxNumbers: []string{"12345676-2-42"}, Emails: []string{"info@minta.hu"}, Phones: []string{"+36 1 234 5678"},
		Addresses: []string{"Számlázási cím: 1111 Budapest Fő utca 1."},
		Cards:     []domain.CRMCard{{ID: 5, Module: "Értékesítés", Name: "Minta Kft.", Status: "Vevő"}},
		Invoices:  []domain.CRMCard{{ID: 9, Name: "KSZ-2026-00001 · 38 100 HUF", Status: "Kifizetetlen"}},
		URL:       "https://r3.minicrm.hu/12345/#!Contact-101",
		LoadedAt:  time.Date(2026, 1, 5, 9, 30, 0, 0, time.Local)}}
	s.crmview = crmviewNewPanel(w, f, func(fn func()) { fn() })
	var opened []string
	s.crmview.openURL = func(u *url.URL) error { opened = append(opened, u.String()); return nil }
	s.table.Refresh()

	col := len(customerColumns) - 1
	cellText := func(row int) string {
		l := widget.NewLabel("")
		s.updateCell(widget.TableCellID{Row: row, Col: col}, l)
		return l.Text
	}
	linkedRow, otherRow := 0, 1
	if names := visibleNames(s); names[0] != "Minta Kft." {
		linkedRow, otherRow = 1, 0
	}
	if cellText(linkedRow) != crmviewLinkText || cellText(otherRow) != "" {
		t.Fatalf("MiniCRM column: %q / %q", cellText(linkedRow), cellText(otherRow))
	}
	// A tap on an unlinked customer's cell opens nothing.
	s.table.Select(widget.TableCellID{Row: otherRow, Col: col})
	if len(f.asked) != 0 {
		t.Fatal("the panel opened for an unlinked customer")
	}
	s.table.Select(widget.TableCellID{Row: linkedRow, Col: col})
	if len(f.asked) != 1 || f.asked[0] != 101 {
		t.Fatalf("asked %v", f.asked)
	}
	text := crmviewTexts(s.crmview.content) + "\n" + s.crmview.status.Text
	for _, want := range []string{"Minta Kft. (Cég)", "12345676-2-42", "info@minta.hu", "+36 1 234 5678", "1111 Budapest",
		"Minta Kft. · Értékesítés · Vevő", "Számlái", "KSZ-2026-00001 · 38 100 HUF · Kifizetetlen", "Betöltve: 2026.01.05. 09:30"} {
		if !strings.Contains(text, want) {
			t.Errorf("panel lacks %q:\n%s", want, text)
		}
	}
	if !s.crmview.link.Visible() {
		t.Fatal("no MiniCRM link")
	}
	s.crmview.link.OnTapped()
	if len(opened) != 1 || opened[0] != f.view.URL {
		t.Errorf("opened %v", opened)
	}
	s.crmview.dlg.Hide()

	// Offline: the last copy and its time.
	f.offline = true
	s.crmview.open(domain.CustomerSummary{Name: "Minta Kft.", MiniCRMID: 101})
	if st := s.crmview.status.Text; !strings.Contains(st, "nem érhető el") || !strings.Contains(st, "2026.01.05. 09:30") {
		t.Errorf("offline status %q", st)
	}
	s.crmview.dlg.Hide()
	f.none = true
	s.crmview.open(domain.CustomerSummary{Name: "Minta Kft.", MiniCRMID: 101})
	if st := s.crmview.status.Text; !strings.Contains(st, "nincs korábban letöltött másolat") {
		t.Errorf("no copy status %q", st)
	}
}
