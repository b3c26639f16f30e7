package domain

import (
	"context"
	"strings"
	"time"
)

// Message is a note the app leaves for the user in Üzenetek: what the
// original service sent by e-mail (the order, the successful activation).
type Message struct {
	ID      int64
	Time    time.Time
	Subject string
	Body    string
	// Action is the link the message offers; zero for none.
	Action MessageAction
	Read   bool
}

// ActionKind is what a message's link does.
type ActionKind string

// The message actions.
const (
	// ActionActivate opens the activation of Action.Plan (Aktiválás).
	ActionActivate ActionKind = "activate"
)

// MessageAction is a message's link, stored as "activate:minicrm".
type MessageAction struct {
	Kind ActionKind
	Plan PlanID
}

// IsZero reports whether there is no action.
func (a MessageAction) IsZero() bool { return a.Kind == "" }

// Label is the text of the action's button ("Aktiválás").
func (a MessageAction) Label() string {
	if a.Kind == ActionActivate {
		return "Aktiválás"
	}
	return ""
}

// String is the stored form, "activate:minicrm" ("" for none).
func (a MessageAction) String() string {
	if a.IsZero() {
		return ""
	}
	return string(a.Kind) + ":" + string(a.Plan)
}

// ParseMessageAction reads the stored form; an unknown or empty text is
// no action, so an old app never offers a link it cannot follow.
func ParseMessageAction(s string) MessageAction {
	kind, plan, _ := strings.Cut(s, ":")
	if ActionKind(kind) != ActionActivate {
		return MessageAction{}
	}
	if _, err := PlanByID(PlanID(plan)); err != nil {
		return MessageAction{}
	}
	return MessageAction{Kind: ActionActivate, Plan: PlanID(plan)}
}

// MessageStore keeps the messages. Messages returns them newest first;
// MarkMessageRead returns ENotFound for an unknown id.
type MessageStore interface {
	Messages(ctx context.Context) ([]Message, error)
	MarkMessageRead(ctx context.Context, id int64) error
	UnreadMessageCount(ctx context.Context) (int, error)
}

// Subjects of the messages a subscription produces.
const (
	SubjectOrdered   = "Megrendelés rögzítve"
	SubjectActivated = "Sikeres aktiválás"
	SubjectCancelled = "Előfizetés lemondva"
)

// orderedMessage is the order confirmation with the activation link.
func orderedMessage(p Plan, now time.Time) *Message {
	return &Message{Time: now, Subject: SubjectOrdered, Action: MessageAction{Kind: ActionActivate, Plan: p.ID},
		Body: "Köszönjük a megrendelését! Rögzítettük: " + p.Name + " (" + p.PriceText() + ").\n\n" +
			"Az előfizetés aktiválásához kattintson az Aktiválás gombra, írja be a felhasználónevét és a jelszavát, " +
			"majd nyomja meg a Belépés gombot."}
}

// activatedMessage confirms the activation. A free plan says that no
// díjbekérő comes, as the original service did; a priced plan would be
// billed here (not built yet), so its message only states the fee.
func activatedMessage(p Plan, now time.Time) *Message {
	body := "Sikeresen aktiválta: " + p.Name + " (" + DateOf(now.Local()).FormatHU() + ").\n\n"
	if p.Free() {
		body += "Ilyenkor természetesen nem kap díjbekérőt, hiszen ez a szolgáltatásunk INGYENES! " +
			"És már használhatja is a szolgáltatásunkat."
	} else {
		body += "Az előfizetés díja: " + p.PriceText() + "."
	}
	body += "\n\nAz Előfizetések lapon ellenőrizheti, hogy előfizetett a szolgáltatásra."
	return &Message{Time: now, Subject: SubjectActivated, Body: body}
}

// cancelledMessage confirms a Lemondás and says that nothing was deleted.
func cancelledMessage(p Plan, now time.Time) *Message {
	return &Message{Time: now, Subject: SubjectCancelled,
		Body: "Lemondta: " + p.Name + ". A szolgáltatás funkciói kikapcsoltak, de a beállításai és adatai megmaradtak: " +
			"ha újra megrendeli és aktiválja, ugyanott folytathatja."}
}
