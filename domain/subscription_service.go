package domain

import (
	"context"
	"time"
)

// SubscriptionStore keeps the subscriptions and the messages they produce.
type SubscriptionStore interface {
	MessageStore
	// Subscriptions returns the stored state of the plans; a plan with no
	// row is StateNone. The base plan is active since the first start.
	Subscriptions(ctx context.Context) ([]Subscription, error)
	// SaveSubscription stores next in place of the plan's state, provided
	// the stored state is still prev.State (else an EConflict *Error, so
	// that two windows cannot both activate), and adds msg, when not nil,
	// in the same transaction. It sets msg.ID.
	SaveSubscription(ctx context.Context, prev, next Subscription, msg *Message) error
}

// CatalogueEntry is one row of the Előfizetések list.
type CatalogueEntry struct {
	Plan Plan
	Sub  Subscription
}

// SubscriptionService runs the subscription flow of the original service:
// order (Előfizetés véglegesítése) → a message with an Aktiválás link →
// activation with the owner's user name and password → a message about
// the success. Every refusal is an *Error with a Hungarian reason.
type SubscriptionService struct {
	Store    SubscriptionStore
	Accounts *AccountService
	Now      func() time.Time
}

// Catalogue returns every plan with its state, in catalogue order.
func (s *SubscriptionService) Catalogue(ctx context.Context) ([]CatalogueEntry, error) {
	subs, err := s.Store.Subscriptions(ctx)
	if err != nil {
		return nil, err
	}
	byPlan := map[PlanID]Subscription{}
	for _, sub := range subs {
		byPlan[sub.Plan] = sub
	}
	var out []CatalogueEntry
	for _, p := range catalogue {
		sub, ok := byPlan[p.ID]
		if !ok {
			sub = Subscription{Plan: p.ID, State: StateNone}
		}
		out = append(out, CatalogueEntry{Plan: p, Sub: sub})
	}
	return out, nil
}

// Entry returns one plan and its state; ENotFound for an unknown id.
func (s *SubscriptionService) Entry(ctx context.Context, id PlanID) (CatalogueEntry, error) {
	p, err := PlanByID(id)
	if err != nil {
		return CatalogueEntry{}, err
	}
	subs, err := s.Store.Subscriptions(ctx)
	if err != nil {
		return CatalogueEntry{}, err
	}
	e := CatalogueEntry{Plan: p, Sub: Subscription{Plan: id, State: StateNone}}
	for _, sub := range subs {
		if sub.Plan == id {
			e.Sub = sub
		}
	}
	return e, nil
}

// Active reports whether the plan's features are on; this is the gate the
// MiniCRM settings, the sync and the invoice upload ask.
func (s *SubscriptionService) Active(ctx context.Context, id PlanID) (bool, error) {
	e, err := s.Entry(ctx, id)
	if err != nil {
		return false, err
	}
	return e.Sub.Active(), nil
}

// Require returns nil when the plan is active, otherwise the
// NotSubscribedError whose second sentence is how.
func (s *SubscriptionService) Require(ctx context.Context, id PlanID, how string) error {
	e, err := s.Entry(ctx, id)
	if err != nil {
		return err
	}
	if e.Sub.Active() {
		return nil
	}
	return NotSubscribedError(e.Plan, how)
}

// Order records the order of a plan (Előfizetés véglegesítése) and leaves
// the "Megrendelés rögzítve" message with the Aktiválás link, which it
// returns.
func (s *SubscriptionService) Order(ctx context.Context, id PlanID) (*Message, error) {
	e, next, err := s.move(ctx, id, EventOrder)
	if err != nil {
		return nil, err
	}
	msg := orderedMessage(e.Plan, next.Since)
	if err := s.Store.SaveSubscription(ctx, e.Sub, next, msg); err != nil {
		return nil, err
	}
	return msg, nil
}

// Activate switches an ordered plan on after the owner's user name and
// password check (wrong ones count towards the lockout), and leaves the
// "Sikeres aktiválás" message. The state is checked first, so activating
// twice is refused without spending a login attempt.
func (s *SubscriptionService) Activate(ctx context.Context, id PlanID, userName, password string) (Subscription, error) {
	e, _, err := s.move(ctx, id, EventActivate)
	if err != nil {
		return Subscription{}, err
	}
	if err := s.Accounts.Login(ctx, userName, password); err != nil {
		return Subscription{}, err
	}
	// The clock is read again: the password check may have taken a while.
	next, err := e.Sub.Apply(e.Plan, EventActivate, s.Now())
	if err != nil {
		return Subscription{}, err
	}
	if err := s.Store.SaveSubscription(ctx, e.Sub, next, activatedMessage(e.Plan, next.Since)); err != nil {
		return Subscription{}, err
	}
	return next, nil
}

// Cancel is Lemondás: the plan's features go off, its settings and data
// stay, and it can be ordered again.
func (s *SubscriptionService) Cancel(ctx context.Context, id PlanID) error {
	e, next, err := s.move(ctx, id, EventCancel)
	if err != nil {
		return err
	}
	return s.Store.SaveSubscription(ctx, e.Sub, next, cancelledMessage(e.Plan, next.Since))
}

// move reads the plan and checks that ev is possible now.
func (s *SubscriptionService) move(ctx context.Context, id PlanID, ev SubscriptionEvent) (CatalogueEntry, Subscription, error) {
	e, err := s.Entry(ctx, id)
	if err != nil {
		return e, Subscription{}, err
	}
	next, err := e.Sub.Apply(e.Plan, ev, s.Now())
	return e, next, err
}

// Messages returns the messages, newest first.
func (s *SubscriptionService) Messages(ctx context.Context) ([]Message, error) {
	return s.Store.Messages(ctx)
}

// MarkMessageRead marks a message read.
func (s *SubscriptionService) MarkMessageRead(ctx context.Context, id int64) error {
	return s.Store.MarkMessageRead(ctx, id)
}

// UnreadMessageCount is the number shown in the Üzenetek tab's title.
func (s *SubscriptionService) UnreadMessageCount(ctx context.Context) (int, error) {
	return s.Store.UnreadMessageCount(ctx)
}
