package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

func customer(name, tax, city, email string) domain.Customer {
	return domain.Customer{Kind: domain.KindCompany, Name: name, TaxNumber: tax, Email: email,
		BillingAddress: domain.Address{PostalCode: "1111", City: city, Street: "Fő utca 1."}}
}

// newTestMain builds the real main window content over fake services, with
// background queries run inline so the tests see their results at once.
func newTestMain(t *testing.T, svc domain.CustomerService) (*Main, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	if err := UseHungarian(); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)
	m := newMain(a, w, Deps{Customers: svc}, func(f func()) { f() })
	w.SetContent(m.Tabs)
	m.EnableShortcuts(w)
	w.Resize(fyne.NewSize(1100, 700))
	return m, w
}

// visibleNames returns the name column as the table shows it.
func visibleNames(s *customersScreen) []string {
	rows, _ := s.table.Length()
	names := make([]string, rows)
	for r := range names {
		l := widget.NewLabel("")
		s.updateCell(widget.TableCellID{Row: r, Col: 0}, l)
		names[r] = l.Text
	}
	return names
}

func TestSearchFiltersTheList(t *testing.T) {
	svc := newFakeCustomers(
		customer("Árvíztűrő Tükörfúrógép Kft.", "12345676-2-42", "Győr", "info@arviz.hu"),
		customer("Zebra Bt.", "12892312-2-13", "Budapest", "zebra@example.hu"),
		customer("Alma Kft.", "12345676-2-42", "Szeged", "alma@example.hu"),
	)
	m, _ := newTestMain(t, svc)
	s := m.customers
	if got := visibleNames(s); strings.Join(got, "|") != "Alma Kft.|Árvíztűrő Tükörfúrógép Kft.|Zebra Bt." {
		t.Fatalf("initial list %q", got)
	}
	if s.count.Text != "3 vevő" {
		t.Errorf("count label %q", s.count.Text)
	}
	test.Type(s.search, "arviz")
	if got := visibleNames(s); len(got) != 1 || got[0] != "Árvíztűrő Tükörfúrógép Kft." {
		t.Errorf("after typing arviz: %q", got)
	}
	if s.count.Text != "1 vevő" {
		t.Errorf("count label %q", s.count.Text)
	}
	s.search.SetText("")
	test.Type(s.search, "BUDAPEST")
	if got := visibleNames(s); len(got) != 1 || got[0] != "Zebra Bt." {
		t.Errorf("after typing BUDAPEST: %q", got)
	}
}

func TestNewCustomerFormValidatesInline(t *testing.T) {
	svc := newFakeCustomers()
	m, _ := newTestMain(t, svc)
	s := m.customers

	f := s.openNew()
	if !f.save.Disabled() {
		t.Fatal("Mentés is enabled on an empty form")
	}
	test.Type(f.entries["name"], "Árvíztűrő Kft.")
	test.Type(f.entries["taxNumber"], "12345675-2-42")
	test.Type(f.entries["billingAddress.postalCode"], "1111")
	test.Type(f.entries["billingAddress.city"], "Budapest")
	test.Type(f.entries["billingAddress.street"], "Fő utca 1.")

	taxErr := f.errLabels["taxNumber"]
	if !taxErr.Visible() || taxErr.Text != "az első 8 számjegy (törzsszám) ellenőrző számjegye hibás" {
		t.Fatalf("tax number message: visible=%v %q", taxErr.Visible(), taxErr.Text)
	}
	if !f.save.Disabled() {
		t.Fatal("Mentés is enabled with a wrong tax number")
	}
	if !strings.Contains(f.summary.Text, "Adószám") {
		t.Errorf("summary %q does not name the tax number", f.summary.Text)
	}
	if f.errLabels["email"].Visible() {
		t.Error("an untouched field shows an error")
	}

	f.entries["taxNumber"].SetText("")
	test.Type(f.entries["taxNumber"], "12345676242")
	if taxErr.Visible() {
		t.Errorf("tax number message still shown: %q", taxErr.Text)
	}
	if f.save.Disabled() {
		t.Fatalf("Mentés still disabled: %q", f.summary.Text)
	}
	test.Tap(f.save)

	if got := visibleNames(s); len(got) != 1 || got[0] != "Árvíztűrő Kft." {
		t.Fatalf("list after save: %q", got)
	}
	stored, _ := svc.Customers(t.Context(), domain.CustomerQuery{})
	if stored[0].TaxNumber != "12345676-2-42" {
		t.Errorf("stored tax number %q, want canonical form", stored[0].TaxNumber)
	}
}

func TestEnterEditsSelectedCustomer(t *testing.T) {
	svc := newFakeCustomers(customer("Alma Kft.", "12345676-2-42", "Szeged", "alma@example.hu"))
	m, w := newTestMain(t, svc)
	s := m.customers
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	w.Canvas().Focus(s.table)
	s.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	f := s.lastForm
	if f == nil || f.entries["name"].Text != "Alma Kft." {
		t.Fatal("Enter did not open the selected customer")
	}
	f.entries["billingAddress.city"].SetText("Szentes")
	test.Tap(f.save)
	if c, _ := svc.CustomerByID(t.Context(), 1); c.BillingAddress.City != "Szentes" {
		t.Errorf("city after edit %q", c.BillingAddress.City)
	}
}

func TestCtrlNOpensNewCustomerForm(t *testing.T) {
	m, w := newTestMain(t, newFakeCustomers())
	sc := &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	w.Canvas().(fyne.Shortcutable).TypedShortcut(sc)
	if m.customers.lastForm == nil || m.customers.lastForm.original.ID != 0 {
		t.Fatal("Ctrl+N did not open an empty customer form")
	}
}

func TestDeleteCustomerWithInvoicesOffersArchive(t *testing.T) {
	svc := newFakeCustomers(customer("Alma Kft.", "12345676-2-42", "Szeged", "alma@example.hu"))
	svc.inUse[1] = true
	m, w := newTestMain(t, svc)
	s := m.customers
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(s.deleteButton)
	tapDialogButton(t, w, "Törlés")
	tapDialogButton(t, w, "Archiválás")
	if c, _ := svc.CustomerByID(t.Context(), 1); !c.Archived {
		t.Fatal("the customer was not archived")
	}
	if got := visibleNames(s); len(got) != 0 {
		t.Errorf("archived customer still listed: %q", got)
	}
}

// tapDialogButton taps the button labelled text in the topmost dialog.
func tapDialogButton(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog open to tap %q in", text)
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no %q button in the open dialog", text)
}

func TestCtrlFFocusesTheSearch(t *testing.T) {
	m, w := newTestMain(t, newFakeCustomers(customer("Alma Kft.", "12345676-2-42", "Szeged", "alma@example.hu")))
	sc := &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	w.Canvas().(fyne.Shortcutable).TypedShortcut(sc)
	if w.Canvas().Focused() != m.customers.search {
		t.Fatal("Ctrl+F did not focus the customer search")
	}
}

// keyringCounter is a SecretStore that counts its reads.
type keyringCounter struct{ reads int }

func (k *keyringCounter) Get(context.Context, string) (string, error) {
	k.reads++
	return "", domain.ErrSecretNotFound
}
func (k *keyringCounter) Set(context.Context, string, string) error { return nil }
func (k *keyringCounter) Delete(context.Context, string) error      { return nil }

func TestKeyringIsReadOnlyWhenTheSettingsTabOpens(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	saved := domain.DefaultMiniCRMSettings()
	saved.SystemID = "98"
	settings := &fakeMiniCRMSettings{saved: &saved}
	keys := &keyringCounter{}
	m := newMain(a, w, Deps{Customers: newFakeCustomers(), MiniCRMSettings: settings, Secrets: keys,
		MiniCRM: &fakeConnector{}}, func(f func()) { f() })
	w.SetContent(m.Tabs)
	if keys.reads != 0 {
		t.Fatalf("building the window read the keyring %d times", keys.reads)
	}
	m.Tabs.SelectIndex(1)
	if keys.reads == 0 {
		t.Fatal("opening the MiniCRM tab did not read the key status")
	}
}
