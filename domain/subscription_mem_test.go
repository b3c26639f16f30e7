package domain

import (
	"context"
	"strings"
	"time"
)

// memSubStore is an in-memory AccountStore and SubscriptionStore, enough
// to test the services' rules without SQLite (storage has its own tests).
type memSubStore struct {
	account *Account
	subs    map[PlanID]Subscription
	msgs    []Message
	saves   int // SaveAccount calls
}

func newMemSubStore() *memSubStore {
	return &memSubStore{subs: map[PlanID]Subscription{
		PlanBase: {Plan: PlanBase, State: StateActive, Since: subDay.AddDate(0, -2, 0)},
	}}
}

func (m *memSubStore) Account(context.Context) (*Account, error) {
	if m.account == nil {
		return nil, Errorf(ENotFound, "nincs fiók")
	}
	a := *m.account
	return &a, nil
}

func (m *memSubStore) CreateAccount(_ context.Context, a *Account) error {
	if m.account != nil {
		return Errorf(EConflict, "van már fiók")
	}
	c := *a
	m.account = &c
	return nil
}

func (m *memSubStore) SaveAccount(_ context.Context, a *Account) error {
	c := *a
	m.account = &c
	m.saves++
	return nil
}

func (m *memSubStore) Subscriptions(context.Context) ([]Subscription, error) {
	var out []Subscription
	for _, s := range m.subs {
		out = append(out, s)
	}
	return out, nil
}

func (m *memSubStore) SaveSubscription(_ context.Context, prev, next Subscription, msg *Message) error {
	cur, ok := m.subs[next.Plan]
	if !ok {
		cur.State = StateNone
	}
	if cur.State != prev.State {
		return Errorf(EConflict, "közben megváltozott")
	}
	m.subs[next.Plan] = next
	if msg != nil {
		msg.ID = int64(len(m.msgs) + 1)
		m.msgs = append(m.msgs, *msg)
	}
	return nil
}

func (m *memSubStore) Messages(context.Context) ([]Message, error) {
	out := make([]Message, len(m.msgs))
	for i, msg := range m.msgs {
		out[len(m.msgs)-1-i] = msg
	}
	return out, nil
}

func (m *memSubStore) MarkMessageRead(_ context.Context, id int64) error {
	if id < 1 || int(id) > len(m.msgs) {
		return Errorf(ENotFound, "nincs ilyen üzenet")
	}
	m.msgs[id-1].Read = true
	return nil
}

func (m *memSubStore) UnreadMessageCount(context.Context) (int, error) {
	n := 0
	for _, msg := range m.msgs {
		if !msg.Read {
			n++
		}
	}
	return n, nil
}

// plainHasher "hashes" by prefixing, so that the tests run fast; storage
// tests the real bcrypt hasher.
type plainHasher struct{}

func (plainHasher) Hash(pw string) (string, error) { return "plain:" + pw, nil }

func (plainHasher) Verify(hash, pw string) (bool, error) {
	return strings.TrimPrefix(hash, "plain:") == pw, nil
}

// subClock is a settable fake clock.
type subClock struct{ t time.Time }

func (c *subClock) Now() time.Time          { return c.t }
func (c *subClock) Advance(d time.Duration) { c.t = c.t.Add(d) }

// newSubServices returns the services over a fresh in-memory store with
// the owner account "anna" / "titkos123" and a fake clock at subDay.
func newSubServices() (*SubscriptionService, *memSubStore, *subClock) {
	store, clock := newMemSubStore(), &subClock{t: subDay}
	accounts := &AccountService{Store: store, Hasher: plainHasher{}, Now: clock.Now}
	if err := accounts.Create(context.Background(), "anna", "titkos123", "titkos123", false); err != nil {
		panic(err)
	}
	return &SubscriptionService{Store: store, Accounts: accounts, Now: clock.Now}, store, clock
}
