package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

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
	// MiniCRMSettings, Secrets and MiniCRM back the MiniCRM beállítások
	// tab; without MiniCRMSettings the tab is left out.
	MiniCRMSettings domain.MiniCRMSettingsStore
	Secrets         domain.SecretStore
	MiniCRM         domain.MiniCRMConnector
	// Subscriptions runs the Előfizetések and Üzenetek tabs and the gates
	// of the MiniCRM features; without it both tabs are left out.
	Subscriptions *domain.SubscriptionService
	// Sync runs the customer sync with MiniCRM: the Szinkronizálás and
	// Napló buttons and the progress line of the Vevők tab, behind the
	// MiniCRM add-on's gate; without it they are left out.
	Sync domain.CustomerSyncer
	// History backs the Előzmények button of the customer form; without it
	// the button is left out.
	History domain.CustomerHistory
	// NAV backs the NAV beállítások tab; NAVReports the Számlák list's NAV
	// column (state, NAV's messages, resend). Without NAV the tab is left out.
	NAV        *domain.NAVService
	NAVReports domain.NAVReportStore
	// Outbox is the MiniCRM outbox: the Számlák list's MiniCRM column, the
	// MiniCRM feltöltés tab and the "N bizonylat vár feltöltésre" line;
	// OutboxFlush makes the upload worker send everything waiting now (after
	// a retry and after a sync). Without Outbox they are left out.
	Outbox      domain.OutboxView
	OutboxFlush func()
	// CRMViews loads the MiniCRM view of a linked customer (the MiniCRM
	// column of the Vevők list); without it the link is left out.
	CRMViews domain.CRMContactViews
}

// Main is the content of the main window.
type Main struct {
	Tabs *container.AppTabs
	// actions are the window-wide commands; EnableShortcuts installs them.
	actions   []shortcutAction
	customers *customersScreen
	invoices  *invoicesScreen
	minicrm   *miniCRMScreen
	// subscriptions is nil when Deps.Subscriptions is.
	subscriptions *subPanel
	// sync is nil when Deps.Sync is.
	sync *syncScreen
	nav  *navSettingsScreen // nil without Deps.NAV
	// outbox is nil without Deps.Outbox.
	outbox *outboxScreen
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
	if deps.Subscriptions != nil {
		// Made first, so that the tabs below can put its gates in front of
		// the MiniCRM features; install (after the last tab) adds its tabs.
		m.subscriptions = subNewPanel(w, deps.Subscriptions, async)
	}
	m.customers.history = deps.History
	if deps.CRMViews != nil {
		m.customers.crmview = crmviewNewPanel(w, deps.CRMViews, async)
	}
	if deps.Outbox != nil {
		m.outbox = outboxNewScreen(w, deps.Outbox, deps.OutboxFlush, async)
	}
	if deps.Sync != nil {
		m.sync = syncNewScreen(w, deps.Sync, async)
		m.sync.onDone = func() {
			m.customers.reload()
			if deps.OutboxFlush != nil {
				deps.OutboxFlush() // a sync also sends the documents waiting for MiniCRM
			}
		}
		var guard func(func()) func()
		if m.subscriptions != nil {
			guard = func(f func()) func() { return m.subscriptions.guard(domain.PlanMiniCRM, f) }
		}
		m.customers.syncTools = m.sync.buildToolbar(guard)
		m.customers.syncStatus = m.sync.statusBar()
	}
	customersTab := container.NewTabItem("Vevők", m.customers.buildUI())
	m.Tabs = container.NewAppTabs(customersTab)
	var actions []shortcutAction
	actions = append(actions, shortcutAction{"Új vevő", fyne.KeyN, func() {
		m.Tabs.Select(customersTab)
		m.customers.onNew()
	}})
	if deps.Invoices != nil {
		// Issues, payments and sztornós go to MiniCRM at once, not at the
		// upload worker's next tick.
		m.invoices = newInvoicesScreen(w, withUploadFlush(deps.Invoices, deps.OutboxFlush), deps.Customers)
		m.invoices.async = async
		m.invoices.uploadNotice = invoiceUploadNotice(deps.MiniCRMSettings, deps.Subscriptions)
		m.invoices.nav = navListDeps{Reports: deps.NAVReports}
		if deps.NAV != nil {
			m.invoices.nav.Settings = deps.NAV.Settings
		}
		m.invoices.outbox = deps.Outbox
		if m.outbox != nil {
			m.invoices.outboxBar = m.outbox.statusBar()
			m.outbox.onChange = m.invoices.outboxRefreshColumn
		}
		invoicesTab := container.NewTabItem("Számlák", m.invoices.buildUI())
		m.Tabs.Append(invoicesTab)
		actions = append(actions, shortcutAction{"Új bizonylat", fyne.KeyI, func() {
			m.Tabs.Select(invoicesTab)
			m.invoices.onNew()
		}})
	}
	// Tabs that read the keyring load when first selected (see
	// miniCRMScreen.open).
	onFirstOpen := map[*container.TabItem]func(){}
	if deps.MiniCRMSettings != nil {
		m.minicrm = newMiniCRMScreen(w, deps.MiniCRMSettings, deps.Secrets, deps.MiniCRM)
		m.minicrm.async = async
		var content fyne.CanvasObject = m.minicrm.buildUI()
		if m.subscriptions != nil {
			content = m.subscriptions.gate(domain.PlanMiniCRM, content)
		}
		crmTab := container.NewTabItem("MiniCRM beállítások", content)
		m.Tabs.Append(crmTab)
		onFirstOpen[crmTab] = m.minicrm.open
	}
	if deps.NAV != nil {
		m.nav = navNewSettingsScreen(w, deps.NAV)
		m.nav.async = async
		navTab := container.NewTabItem("NAV beállítások", m.nav.buildUI())
		m.Tabs.Append(navTab)
		onFirstOpen[navTab] = m.nav.load
	}
	if m.outbox != nil {
		var content fyne.CanvasObject = m.outbox.buildUI()
		if m.subscriptions != nil {
			content = m.subscriptions.gate(domain.PlanMiniCRM, content)
		}
		m.Tabs.Append(container.NewTabItem("MiniCRM feltöltés", content))
	}
	if m.subscriptions != nil {
		// Előfizetések becomes the first (and selected) tab, Üzenetek the last.
		m.subscriptions.install(m.Tabs)
	}
	m.Tabs.OnSelected = func(t *container.TabItem) {
		if open := onFirstOpen[t]; open != nil {
			delete(onFirstOpen, t)
			open()
		}
	}
	actions = append(actions,
		shortcutAction{"Keresés a vevők között", fyne.KeyF, func() {
			m.Tabs.Select(customersTab)
			w.Canvas().Focus(m.customers.search)
		}},
		shortcutAction{"Kilépés", fyne.KeyQ, a.Quit},
	)
	m.actions = actions
	return m
}

// RefreshOutbox re-reads the MiniCRM outbox after the upload worker changed
// it: the MiniCRM feltöltés tab, its status line and the Számlák list's
// MiniCRM column. Call it on the UI goroutine (fyne.Do).
func (m *Main) RefreshOutbox() {
	if m.outbox != nil {
		m.outbox.refresh()
	}
	if m.invoices != nil {
		m.invoices.outboxRefreshColumn()
	}
}
