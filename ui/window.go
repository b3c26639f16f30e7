package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"

	"konnyuszamla/domain"
)

// Title is the main window's title.
const Title = "KönnyűSzámla"

// Deps are the services the screens use; main.go provides them.
type Deps struct {
	Customers domain.CustomerService
	// Invoices issues and lists the documents; without it (as in the
	// customer-only tests) the Számlák tab is left out.
	Invoices domain.InvoiceService
}

// Main is the content of the main window.
type Main struct {
	Tabs      *container.AppTabs
	customers *customersScreen
	invoices  *invoicesScreen
}

// New builds the main window's content and registers its keyboard
// shortcuts: Ctrl+N new customer, Ctrl+I new invoice, Ctrl+F search,
// Ctrl+Q quit.
func New(a fyne.App, w fyne.Window, deps Deps) *Main {
	return newMain(a, w, deps, func(f func()) { go f() })
}

// newMain is New with the function that runs background work; tests pass
// one that runs it at once.
func newMain(a fyne.App, w fyne.Window, deps Deps, async func(func())) *Main {
	m := &Main{customers: newCustomersScreen(w, deps.Customers)}
	m.customers.async = async
	m.Tabs = container.NewAppTabs(
		container.NewTabItem("Vevők", m.customers.buildUI()),
	)
	if deps.Invoices != nil {
		m.invoices = newInvoicesScreen(w, deps.Invoices, deps.Customers)
		m.invoices.async = async
		invoicesTab := container.NewTabItem("Számlák", m.invoices.buildUI())
		m.Tabs.Append(invoicesTab)
		w.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyI, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
			m.Tabs.Select(invoicesTab)
			m.invoices.onNew()
		})
	}
	canvas := w.Canvas()
	canvas.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		m.Tabs.SelectIndex(0)
		m.customers.onNew()
	})
	canvas.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		m.Tabs.SelectIndex(0)
		canvas.Focus(m.customers.search)
	})
	canvas.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		a.Quit()
	})
	return m
}
