package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"konnyuszamla/domain"
)

// subDay is the clock of the subscription command tests (noon UTC, so the
// local day is 2026.11.27. nearly everywhere).
var subDay = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

// subMemStore is an in-memory account, subscription and message store.
type subMemStore struct {
	account *domain.Account
	subs    map[domain.PlanID]domain.Subscription
	msgs    []domain.Message
}

func (m *subMemStore) Account(context.Context) (*domain.Account, error) {
	if m.account == nil {
		return nil, domain.Errorf(domain.ENotFound, "nincs fiók")
	}
	a := *m.account
	return &a, nil
}

func (m *subMemStore) CreateAccount(_ context.Context, a *domain.Account) error {
	if m.account != nil {
		return domain.Errorf(domain.EConflict, "van már fiók")
	}
	return m.SaveAccount(context.Background(), a)
}

func (m *subMemStore) SaveAccount(_ context.Context, a *domain.Account) error {
	c := *a
	m.account = &c
	return nil
}

func (m *subMemStore) Subscriptions(context.Context) ([]domain.Subscription, error) {
	var out []domain.Subscription
	for _, s := range m.subs {
		out = append(out, s)
	}
	return out, nil
}

func (m *subMemStore) SaveSubscription(_ context.Context, prev, next domain.Subscription, msg *domain.Message) error {
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
	return append([]domain.Message(nil), m.msgs...), nil
}

func (m *subMemStore) MarkMessageRead(_ context.Context, id int64) error {
	m.msgs[id-1].Read = true
	return nil
}

func (m *subMemStore) UnreadMessageCount(context.Context) (int, error) { return len(m.msgs), nil }

// subPlainHasher keeps the tests fast; storage tests the real bcrypt.
type subPlainHasher struct{}

func (subPlainHasher) Hash(pw string) (string, error) { return "plain:" + pw, nil }
func (subPlainHasher) Verify(h, pw string) (bool, error) {
	return strings.TrimPrefix(h, "plain:") == pw, nil
}

// subRig is the subscription commands' world: the services over memory,
// with the base package active since 2026.09.27. and no account yet.
type subRig struct {
	store *subMemStore
	subs  *domain.SubscriptionService
}

func newSubRig() *subRig {
	store := &subMemStore{subs: map[domain.PlanID]domain.Subscription{
		domain.PlanBase: {Plan: domain.PlanBase, State: domain.StateActive, Since: subDay.AddDate(0, -2, 0)},
	}}
	now := func() time.Time { return subDay }
	acc := &domain.AccountService{Store: store, Hasher: subPlainHasher{}, Now: now}
	return &subRig{store: store, subs: &domain.SubscriptionService{Store: store, Accounts: acc, Now: now}}
}

// run runs "account …" or "subscriptions …" as the dispatch case in the
// report does, and returns the exit status and output a user gets. A
// failing command's error goes through Run's own reporting (handed over
// as the error of opening the store, which Run reports unchanged), so the
// "Hiba: …" line and the status are Run's, not a copy of its logic.
func (r *subRig) run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut}
	ctx := context.Background()
	var err error
	switch args[0] {
	case "account":
		err = Account(ctx, env, r.subs.Accounts, args[1:])
	case "subscriptions":
		err = Subscriptions(ctx, env, r.subs, args[1:])
	default:
		t.Fatalf("not a subscription command: %v", args)
	}
	if err == nil {
		return exitOK, out.String(), errOut.String()
	}
	env.Open = func(context.Context) (Store, error) { return nil, err }
	code = Run(ctx, env, []string{"backup", "unused"})
	return code, out.String(), errOut.String()
}
