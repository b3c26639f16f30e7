package ui

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// subDay is the tests' clock: noon UTC, so the local day is 2026.11.27.
// in nearly every time zone.
var subDay = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

// subMemStore is an in-memory account, subscription and message store;
// the rules under test are the domain services' own.
type subMemStore struct {
	mu      sync.Mutex
	account *domain.Account
	subs    map[domain.PlanID]domain.Subscription
	msgs    []domain.Message // oldest first
}

func (m *subMemStore) Account(context.Context) (*domain.Account, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.account == nil {
		return nil, domain.Errorf(domain.ENotFound, "nincs fiók")
	}
	a := *m.account
	return &a, nil
}

func (m *subMemStore) CreateAccount(ctx context.Context, a *domain.Account) error {
	if _, err := m.Account(ctx); err == nil {
		return domain.Errorf(domain.EConflict, "van már fiók")
	}
	return m.SaveAccount(ctx, a)
}

func (m *subMemStore) SaveAccount(_ context.Context, a *domain.Account) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := *a
	m.account = &c
	return nil
}

func (m *subMemStore) Subscriptions(context.Context) ([]domain.Subscription, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []domain.Subscription
	for _, s := range m.subs {
		out = append(out, s)
	}
	return out, nil
}

func (m *subMemStore) SaveSubscription(_ context.Context, prev, next domain.Subscription, msg *domain.Message) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if cur, ok := m.subs[next.Plan]; ok && cur.State != prev.State {
		return domain.Errorf(domain.EConflict, "közben megváltozott")
	}
	m.subs[next.Plan] = next
	if msg != nil {
		msg.ID = int64(len(m.msgs) + 1)
		m.msgs = append(m.msgs, *msg)
	}
	return nil
}

func (m *subMemStore) Messages(context.Context) ([]domain.Message, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]domain.Message, 0, len(m.msgs))
	for i := len(m.msgs) - 1; i >= 0; i-- {
		out = append(out, m.msgs[i])
	}
	return out, nil
}

func (m *subMemStore) MarkMessageRead(_ context.Context, id int64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.msgs[id-1].Read = true
	return nil
}

func (m *subMemStore) UnreadMessageCount(context.Context) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for _, msg := range m.msgs {
		if !msg.Read {
			n++
		}
	}
	return n, nil
}

// subPlainHasher keeps the UI tests fast; storage tests the real bcrypt.
type subPlainHasher struct{}

func (subPlainHasher) Hash(pw string) (string, error) { return "plain:" + pw, nil }
func (subPlainHasher) Verify(h, pw string) (bool, error) {
	return strings.TrimPrefix(h, "plain:") == pw, nil
}

type subClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *subClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *subClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// subFixture is a window whose tabs are a stand-in Vevők tab with the
// subscription panel installed around it, as window.go will do.
type subFixture struct {
	p     *subPanel
	w     fyne.Window
	tabs  *container.AppTabs
	store *subMemStore
	subs  *domain.SubscriptionService
	clock *subClock
}

// subNewFixture builds the fixture over memory, with background work run
// inline. withAccount creates the owner "anna" / "titkos123" first.
func subNewFixture(t *testing.T, withAccount bool) *subFixture {
	t.Helper()
	test.NewTempApp(t)
	if err := UseHungarian(); err != nil {
		t.Fatal(err)
	}
	f := &subFixture{w: test.NewTempWindow(t, nil), clock: &subClock{t: subDay}, store: &subMemStore{
		subs: map[domain.PlanID]domain.Subscription{
			domain.PlanBase: {Plan: domain.PlanBase, State: domain.StateActive, Since: subDay.AddDate(0, -2, 0)},
		}}}
	acc := &domain.AccountService{Store: f.store, Hasher: subPlainHasher{}, Now: f.clock.Now}
	if withAccount {
		if err := acc.Create(context.Background(), "anna", "titkos123", "titkos123", false); err != nil {
			t.Fatal(err)
		}
	}
	f.subs = &domain.SubscriptionService{Store: f.store, Accounts: acc, Now: f.clock.Now}
	f.tabs = container.NewAppTabs(container.NewTabItem("Vevők", widget.NewLabel("vevők")))
	f.p = subNewPanel(f.w, f.subs, func(fn func()) { fn() })
	f.p.install(f.tabs)
	f.w.SetContent(f.tabs)
	f.w.Resize(fyne.NewSize(1100, 760))
	return f
}

// subDialogText is the visible label text of the topmost dialog.
func subDialogText(t *testing.T, w fyne.Window) string {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	var texts []string
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok && l.Visible() {
			texts = append(texts, l.Text)
		}
	}
	return strings.Join(texts, "\n")
}

// subDialogEntries returns the entries of the topmost dialog in order.
func subDialogEntries(t *testing.T, w fyne.Window) []*widget.Entry {
	t.Helper()
	var out []*widget.Entry
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if e, ok := o.(*widget.Entry); ok {
			out = append(out, e)
		}
	}
	return out
}

// subListRow is what row i of the message list shows.
func subListRow(p *subPanel, i int) (text string, bold bool) {
	l := widget.NewLabel("")
	p.msgs.updateItem(i, l)
	return l.Text, l.TextStyle.Bold
}
