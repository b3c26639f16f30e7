package domain

import (
	"errors"
	"strings"
	"time"
)

// PlanID names a service of the catalogue; it is the ID the headless
// commands take (subscriptions order minicrm).
type PlanID string

// The plans of the catalogue.
const (
	// PlanBase is the invoicing itself (Alapcsomag): active from the first
	// start, never ordered, activated or cancelled.
	PlanBase PlanID = "base"
	// PlanMiniCRM is the MiniCRM add-on: customer sync and invoice upload.
	PlanMiniCRM PlanID = "minicrm"
)

// Plan is a service the user can subscribe to (an Előfizetések row).
type Plan struct {
	ID   PlanID
	Name string
	// Summary is the one line shown in the catalogue row.
	Summary string
	// Description is what Bővebben shows: what the service does.
	Description string
	// Feature names what the plan switches on, as the start of the gating
	// sentence: "A MiniCRM kapcsolathoz".
	Feature string
	// Price is the monthly fee; zero means free (INGYENES). Only free plans
	// exist today. Billing a priced plan is not built, so no screen or
	// message may promise a díjbekérő for one: they state the price only.
	Price Money
	// Base marks the invoicing base package, which is always active.
	Base bool
}

// Free reports whether the plan costs nothing, so no díjbekérő is ever
// issued for it.
func (p Plan) Free() bool { return p.Price.Minor == 0 }

// PriceText is the price as the catalogue shows it: "INGYENES" (the word
// the original service used) or "1 990 Ft / hó".
func (p Plan) PriceText() string {
	if p.Free() {
		return "INGYENES"
	}
	return p.Price.String() + " / hó"
}

var catalogue = []Plan{
	{
		ID:      PlanBase,
		Name:    "Alapcsomag",
		Summary: "Számlák, díjbekérők és sztornó számlák kiállítása, vevőnyilvántartás, mentések.",
		Description: "A KönnyűSzámla alapcsomagja maga a számlázás: vevők nyilvántartása, számlák, díjbekérők " +
			"és sztornó számlák kiállítása PDF-ben, fizetések rögzítése és napi mentés. " +
			"A program első indításától aktív, külön megrendelni nem kell.",
		Feature: "A számlázáshoz",
		Price:   Money{Currency: HUF},
		Base:    true,
	},
	{
		ID:      PlanMiniCRM,
		Name:    "MiniCRM kiegészítő előfizetés",
		Summary: "Vevők szinkronizálása a MiniCRM-mel és a számlák feltöltése a MiniCRM-be.",
		Description: "A MiniCRM kiegészítő nem csak a vevők szinkronizációját oldja meg: a KönnyűSzámlával " +
			"kiállított díjbekérőket és számlákat is feltölti a MiniCRM rendszerébe, így azok a vevő " +
			"adatainál a MiniCRM-ben is megtalálhatók.\n\n" +
			"Megrendelés után az Üzenetek között kap egy aktiváló linket; az aktiváláskor a " +
			"felhasználónevével és jelszavával kell belépnie. Utána a MiniCRM beállítások lapon " +
			"adhatja meg a kapcsolatot, és a Vevők lapon a Szinkronizál gombbal indíthatja a vevők szinkronizálását.",
		Feature: "A MiniCRM kapcsolathoz",
		Price:   Money{Currency: HUF},
	},
}

// Catalogue returns every plan, the base package first.
func Catalogue() []Plan { return append([]Plan(nil), catalogue...) }

// PlanByID returns the plan id names, or an ENotFound *Error that lists the
// plans that exist.
func PlanByID(id PlanID) (Plan, error) {
	for _, p := range catalogue {
		if p.ID == id {
			return p, nil
		}
	}
	return Plan{}, Errorf(ENotFound, "Nincs %q azonosítójú előfizetés. Választható: %s (MiniCRM kiegészítő előfizetés).", string(id), PlanMiniCRM)
}

// SubscriptionState is where a subscription is in its life.
type SubscriptionState string

// The subscription states; the strings are those of
// subscriptions list --json.
const (
	StateNone      SubscriptionState = "none"
	StateOrdered   SubscriptionState = "ordered"
	StateActive    SubscriptionState = "active"
	StateCancelled SubscriptionState = "cancelled"
)

// Valid reports whether s is one of the four states.
func (s SubscriptionState) Valid() bool {
	switch s {
	case StateNone, StateOrdered, StateActive, StateCancelled:
		return true
	}
	return false
}

// Subscription is the stored state of one plan.
type Subscription struct {
	Plan  PlanID
	State SubscriptionState
	// Since is when the current state began (zero for StateNone): the
	// order, the activation or the cancellation.
	Since time.Time
}

// Active reports whether the plan's features are on.
func (s Subscription) Active() bool { return s.State == StateActive }

// StateText is the state as the Előfizetések list shows it, e.g.
// "aktív (2026.11.27. óta)".
func (s Subscription) StateText() string {
	switch s.State {
	case StateOrdered:
		return "megrendelve — aktiválásra vár"
	case StateActive:
		return "aktív (" + sinceText(s.Since) + " óta)"
	case StateCancelled:
		return "lemondva (" + sinceText(s.Since) + ")"
	}
	return "nincs előfizetve"
}

// sinceText is the local calendar day of t, "2026.11.27.".
func sinceText(t time.Time) string {
	if t.IsZero() {
		return "?"
	}
	return DateOf(t.Local()).FormatHU()
}

// ErrNotSubscribed matches (errors.Is) the error of a feature used without
// its active subscription.
var ErrNotSubscribed = errors.New("subscription not active")

// RequirementText explains that p must be active first, and where to
// order it (the how sentence, e.g. "az Előfizetések lapon rendelheti meg
// és aktiválhatja.").
func RequirementText(p Plan, how string) string {
	price := "Ingyenes"
	if !p.Free() {
		price = "Díja " + p.PriceText()
	}
	return p.Feature + " " + strings.ToLower(articleHU(p.Name)) + " " + p.Name + " szükséges. " + price + ": " + how
}

// NotSubscribedError is the EConflict *Error of a feature of p used while
// p is not active; its message is RequirementText(p, how).
func NotSubscribedError(p Plan, how string) error {
	return &Error{Code: EConflict, Message: RequirementText(p, how), Err: ErrNotSubscribed}
}
