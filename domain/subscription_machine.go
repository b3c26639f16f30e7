package domain

import (
	"strings"
	"time"
)

// SubscriptionEvent is what the user does to a subscription.
type SubscriptionEvent string

// The events of the subscription state machine.
const (
	// EventOrder is Előfizetés véglegesítése (subscriptions order).
	EventOrder SubscriptionEvent = "order"
	// EventActivate is the Aktiválás link followed by a successful Belépés.
	EventActivate SubscriptionEvent = "activate"
	// EventCancel is Lemondás. It only switches the features off: the
	// plan's settings and data stay, so ordering again brings them back.
	EventCancel SubscriptionEvent = "cancel"
)

// The legal moves; anything not listed is refused with a reason.
//
//	none      --order-->    ordered
//	cancelled --order-->    ordered   (re-ordering after Lemondás)
//	ordered   --activate--> active
//	ordered   --cancel-->   cancelled (an order can be withdrawn)
//	active    --cancel-->   cancelled
var subscriptionMoves = map[SubscriptionState]map[SubscriptionEvent]SubscriptionState{
	StateNone:      {EventOrder: StateOrdered},
	StateCancelled: {EventOrder: StateOrdered},
	StateOrdered:   {EventActivate: StateActive, EventCancel: StateCancelled},
	StateActive:    {EventCancel: StateCancelled},
}

// Apply returns the subscription after ev happened at now, or an
// EConflict *Error whose Hungarian message says why ev is not possible in
// the current state. s is not changed.
func (s Subscription) Apply(p Plan, ev SubscriptionEvent, now time.Time) (Subscription, error) {
	if p.Base {
		return s, baseRefusal(p, s, ev)
	}
	next, ok := subscriptionMoves[s.State][ev]
	if !ok {
		return s, Errorf(EConflict, "%s", refusal(p, s, ev))
	}
	return Subscription{Plan: s.Plan, State: next, Since: now}, nil
}

// Can reports whether ev is possible now; the UI offers only those buttons.
func (s Subscription) Can(p Plan, ev SubscriptionEvent) bool {
	_, err := s.Apply(p, ev, time.Time{})
	return err == nil
}

func baseRefusal(p Plan, s Subscription, ev SubscriptionEvent) error {
	switch ev {
	case EventCancel:
		return Errorf(EConflict, "%s %s nem mondható le: ez maga a számlázás. Ha nem használja tovább, egyszerűen ne indítsa el a programot; az adatai megmaradnak.", articleHU(p.Name), p.Name)
	case EventActivate:
		return Errorf(EConflict, "%s %s már aktív (%s óta), külön aktiválni nem kell.", articleHU(p.Name), p.Name, sinceText(s.Since))
	}
	return Errorf(EConflict, "%s %s az első indítás óta aktív (%s óta), megrendelni nem kell.", articleHU(p.Name), p.Name, sinceText(s.Since))
}

// refusal says, in Hungarian, why ev cannot happen to a non-base plan in
// state s, and what to do instead.
func refusal(p Plan, s Subscription, ev SubscriptionEvent) string {
	name := articleHU(p.Name) + " " + p.Name
	switch s.State {
	case StateNone:
		if ev == EventActivate {
			return name + " nincs megrendelve, ezért nem aktiválható. Előbb rendelje meg: Bővebben → Előfizetek → Előfizetés véglegesítése."
		}
		return name + " nincs megrendelve, nincs mit lemondani."
	case StateOrdered:
		return name + " már meg van rendelve, és aktiválásra vár. Az aktiváló linket az Üzenetek között találja (Aktiválás)."
	case StateActive:
		if ev == EventActivate {
			return name + " már aktív (" + sinceText(s.Since) + " óta); kétszer nem aktiválható."
		}
		return name + " már aktív (" + sinceText(s.Since) + " óta), újra megrendelni nem kell."
	case StateCancelled:
		if ev == EventActivate {
			return name + " le van mondva, ezért nem aktiválható. Rendelje meg újra, és aktiválja az új megrendelés linkjével."
		}
		return name + " már le van mondva."
	}
	return name + " állapota ismeretlen (" + string(s.State) + ")."
}

// articleHU is the definite article before word at the start of a
// sentence: "Az" before a vowel (Az Alapcsomag), "A" otherwise.
func articleHU(word string) string {
	for _, r := range word {
		if strings.ContainsRune("AÁEÉIÍOÓÖŐUÚÜŰaáeéiíoóöőuúüű", r) {
			return "Az"
		}
		break
	}
	return "A"
}
