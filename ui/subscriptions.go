package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// Tab titles of the subscription panel.
const (
	subTabTitle = "Előfizetések"
	msgTabTitle = "Üzenetek"
)

// subPanel is the Előfizetések tab (the catalogue and the owner account),
// the Üzenetek tab, and the gates other screens put in front of features
// that need a subscription. Every service call goes through async (a
// password check takes a tenth of a second on purpose) and reports back
// with fyne.Do.
type subPanel struct {
	win   fyne.Window
	svc   *domain.SubscriptionService
	async func(func()) // runs service calls off the UI goroutine; tests run them inline

	tabs    *container.AppTabs
	subsTab *container.TabItem
	msgsTab *container.TabItem
	rows    *fyne.Container // one card per plan
	account *acctCard
	msgs    *msgScreen

	entries []domain.CatalogueEntry
	rowUI   map[domain.PlanID]*subRow
	unread  int
	// onChanged runs after every refresh, so gates follow the state.
	onChanged []func()
	// onUnread, when set, gets the unread count after every refresh
	// (the tab title is already kept current by install).
	onUnread func(int)
	// lastActivation is the open (or last) activation dialog, for tests.
	lastActivation *subActivation
}

// subNewPanel builds the panel's logic; install makes its tabs.
func subNewPanel(w fyne.Window, svc *domain.SubscriptionService, async func(func())) *subPanel {
	p := &subPanel{win: w, svc: svc, async: async, rowUI: map[domain.PlanID]*subRow{}}
	p.msgs = msgNewScreen(p)
	p.account = acctNewCard(w, svc.Accounts, async)
	return p
}

// install puts Előfizetések in front of the existing tabs, as the original
// service did, and Üzenetek after them, selects Előfizetések, and loads
// the data.
func (p *subPanel) install(tabs *container.AppTabs) {
	p.tabs = tabs
	p.subsTab = container.NewTabItem(subTabTitle, p.buildUI())
	p.msgsTab = container.NewTabItem(msgTabTitle, p.msgs.buildUI())
	items := append([]*container.TabItem{p.subsTab}, tabs.Items...)
	tabs.SetItems(append(items, p.msgsTab))
	tabs.Select(p.subsTab)
	p.refresh()
}

// showSubscriptions switches to the Előfizetések tab; the gates' buttons
// call it.
func (p *subPanel) showSubscriptions() {
	if p.tabs != nil {
		p.tabs.Select(p.subsTab)
	}
}

func (p *subPanel) buildUI() fyne.CanvasObject {
	p.rows = container.NewVBox()
	intro := widget.NewLabel("Itt rendelheti meg és aktiválhatja a KönnyűSzámla kiegészítő szolgáltatásait. " +
		"Kattintson a szolgáltatás sorában a Bővebben vagy az Előfizetés gombra!")
	intro.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(intro, p.rows, p.account.buildUI())
	return container.NewVScroll(container.NewPadded(body))
}

// refresh reads the catalogue and the messages and shows them.
func (p *subPanel) refresh() {
	p.async(func() {
		ctx := context.Background()
		entries, err := p.svc.Catalogue(ctx)
		var msgs []domain.Message
		unread := 0
		if err == nil {
			msgs, err = p.svc.Messages(ctx)
		}
		if err == nil {
			unread, err = p.svc.UnreadMessageCount(ctx)
		}
		fyne.Do(func() {
			if err != nil {
				showError(p.win, "read subscriptions", err)
				return
			}
			p.entries, p.unread = entries, unread
			p.showRows()
			p.msgs.show(msgs)
			p.showUnread()
			for _, f := range p.onChanged {
				f()
			}
		})
	})
	p.account.refresh()
}

// showUnread writes the unread count into the Üzenetek tab's title.
func (p *subPanel) showUnread() {
	if p.msgsTab != nil {
		p.msgsTab.Text = msgTitle(p.unread)
		p.tabs.Refresh()
	}
	if p.onUnread != nil {
		p.onUnread(p.unread)
	}
}

// msgTitle is the Üzenetek tab's title: "Üzenetek (1)" while one is unread.
func msgTitle(unread int) string {
	if unread == 0 {
		return msgTabTitle
	}
	return fmt.Sprintf("%s (%d)", msgTabTitle, unread)
}

// entry returns the last loaded state of a plan.
func (p *subPanel) entry(id domain.PlanID) (domain.CatalogueEntry, bool) {
	for _, e := range p.entries {
		if e.Plan.ID == id {
			return e, true
		}
	}
	return domain.CatalogueEntry{}, false
}

// active reports whether the plan was active at the last refresh.
func (p *subPanel) active(id domain.PlanID) bool {
	e, ok := p.entry(id)
	return ok && e.Sub.Active()
}
