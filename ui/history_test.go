package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// histFake is a domain.CustomerHistory with canned versions.
type histFake struct{ versions []domain.CustomerVersion }

func (h *histFake) CustomerHistory(_ context.Context, id int64) ([]domain.CustomerVersion, error) {
	return h.versions, nil
}

func TestHistoryRestoresAVersionIntoTheForm(t *testing.T) {
	test.NewTempApp(t)
	if err := UseHungarian(); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)
	svc := newFakeCustomers(customer("Alma Kft.", "12345676-2-42", "Szeged", "alma@example.hu"))
	old := customer("Alma Kereskedelmi Kft.", "12345676-2-42", "Szentes", "info@alma.hu")
	old.ID = 1
	at := time.Date(2026, 11, 20, 10, 15, 0, 0, time.Local)
	s := newCustomersScreen(w, svc)
	s.async = func(f func()) { f() }
	s.history = &histFake{versions: []domain.CustomerVersion{{ID: 5, CustomerID: 1, Customer: old, Reason: domain.HistorySync, At: at}}}
	w.SetContent(s.buildUI())
	w.Resize(fyne.NewSize(1100, 700))

	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(s.editButton)
	f := s.lastForm
	if f == nil {
		t.Fatal("no form")
	}
	btn, ok := f.buttons.Objects[0].(*widget.Button)
	if !ok || btn.Text != "Előzmények" {
		t.Fatalf("first button of the form: %#v", f.buttons.Objects[0])
	}
	test.Tap(btn)
	h := f.history
	if h == nil || h.list.Length() != 1 || !h.restore.Disabled() {
		t.Fatal("Előzmények did not list the version")
	}
	h.list.Select(0)
	if !strings.Contains(h.details.Text, "Név: „Alma Kereskedelmi Kft.” → „Alma Kft.”") ||
		!strings.Contains(h.details.Text, "Számlázási cím – város: „Szentes” → „Szeged”") {
		t.Errorf("details: %q", h.details.Text)
	}
	test.Tap(h.restore)
	if f.entries["name"].Text != "Alma Kereskedelmi Kft." || f.entries["billingAddress.city"].Text != "Szentes" {
		t.Fatalf("form after restore: %q %q", f.entries["name"].Text, f.entries["billingAddress.city"].Text)
	}
	test.Tap(f.save)
	if c, _ := svc.CustomerByID(context.Background(), 1); c.Name != "Alma Kereskedelmi Kft." || c.Email != "info@alma.hu" {
		t.Errorf("saved: %+v", c)
	}
}

func TestNoHistoryButtonWithoutHistory(t *testing.T) {
	m, _ := newTestMain(t, newFakeCustomers(customer("Alma Kft.", "12345676-2-42", "Szeged", "alma@example.hu")))
	s := m.customers
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(s.editButton)
	for _, o := range s.lastForm.buttons.Objects {
		if b, ok := o.(*widget.Button); ok && b.Text == "Előzmények" {
			t.Fatal("an Előzmények button without a history service")
		}
	}
}
