package domain

import (
	"strings"
	"testing"
	"time"
)

// subDay is the clock of the subscription tests: noon UTC, so the local
// calendar day is 2026.11.27. in every time zone from UTC−11 to UTC+11.
var subDay = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

func TestSubscriptionMachineEveryMove(t *testing.T) {
	p, _ := PlanByID(PlanMiniCRM)
	earlier := subDay.AddDate(0, 0, -3) // 2026.11.24.
	tests := []struct {
		from SubscriptionState
		ev   SubscriptionEvent
		to   SubscriptionState // "" when refused
		why  string            // part of the refusal
	}{
		{StateNone, EventOrder, StateOrdered, ""},
		{StateNone, EventActivate, "", "nincs megrendelve, ezért nem aktiválható"},
		{StateNone, EventCancel, "", "nincs mit lemondani"},
		{StateOrdered, EventOrder, "", "már meg van rendelve, és aktiválásra vár"},
		{StateOrdered, EventActivate, StateActive, ""},
		{StateOrdered, EventCancel, StateCancelled, ""},
		{StateActive, EventOrder, "", "már aktív (2026.11.24. óta), újra megrendelni nem kell"},
		{StateActive, EventActivate, "", "kétszer nem aktiválható"},
		{StateActive, EventCancel, StateCancelled, ""},
		{StateCancelled, EventOrder, StateOrdered, ""},
		{StateCancelled, EventActivate, "", "le van mondva, ezért nem aktiválható"},
		{StateCancelled, EventCancel, "", "már le van mondva"},
	}
	for _, tt := range tests {
		t.Run(string(tt.from)+"_"+string(tt.ev), func(t *testing.T) {
			from := Subscription{Plan: PlanMiniCRM, State: tt.from, Since: earlier}
			got, err := from.Apply(p, tt.ev, subDay)
			if tt.to == "" {
				if ErrorCode(err) != EConflict || !strings.Contains(ErrorMessage(err), tt.why) {
					t.Fatalf("err = %v, want a conflict saying %q", err, tt.why)
				}
				if !strings.HasPrefix(ErrorMessage(err), "A MiniCRM kiegészítő előfizetés ") {
					t.Errorf("the reason does not name the service: %q", ErrorMessage(err))
				}
				if got != from || from.Can(p, tt.ev) {
					t.Errorf("a refused move changed the state or is offered: %+v", got)
				}
				return
			}
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			want := Subscription{Plan: PlanMiniCRM, State: tt.to, Since: subDay}
			if got != want || !from.Can(p, tt.ev) {
				t.Errorf("got %+v, want %+v", got, want)
			}
		})
	}
}

func TestBasePackageCannotMove(t *testing.T) {
	base, _ := PlanByID(PlanBase)
	firstStart := subDay.AddDate(0, -2, 0)
	sub := Subscription{Plan: PlanBase, State: StateActive, Since: firstStart}
	for ev, why := range map[SubscriptionEvent]string{
		EventOrder:    "Az Alapcsomag az első indítás óta aktív (2026.09.27. óta)",
		EventActivate: "Az Alapcsomag már aktív",
		EventCancel:   "Az Alapcsomag nem mondható le",
	} {
		got, err := sub.Apply(base, ev, subDay)
		if ErrorCode(err) != EConflict || !strings.HasPrefix(ErrorMessage(err), why) || got != sub {
			t.Errorf("%s: %+v, %v; want refused with %q", ev, got, err, why)
		}
	}
}

func TestSubscriptionStateText(t *testing.T) {
	for _, tt := range []struct {
		sub  Subscription
		want string
	}{
		{Subscription{State: StateNone}, "nincs előfizetve"},
		{Subscription{State: StateOrdered, Since: subDay}, "megrendelve — aktiválásra vár"},
		{Subscription{State: StateActive, Since: subDay}, "aktív (2026.11.27. óta)"},
		{Subscription{State: StateCancelled, Since: subDay}, "lemondva (2026.11.27.)"},
	} {
		if got := tt.sub.StateText(); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.sub.State, got, tt.want)
		}
	}
}

func TestCatalogueAndRequirement(t *testing.T) {
	plans := Catalogue()
	if len(plans) != 2 || plans[0].ID != PlanBase || plans[1].Name != "MiniCRM kiegészítő előfizetés" {
		t.Fatalf("catalogue %+v", plans)
	}
	if plans[1].PriceText() != "INGYENES" || !plans[1].Free() {
		t.Errorf("MiniCRM price %q", plans[1].PriceText())
	}
	priced := Plan{Price: Money{Minor: 1990, Currency: HUF}}
	if priced.Free() || priced.PriceText() != "1"+HUSpace+"990"+HUSpace+"Ft / hó" {
		t.Errorf("priced plan shows %q", priced.PriceText())
	}
	err := NotSubscribedError(plans[1], "az Előfizetések lapon rendelheti meg és aktiválhatja.")
	want := "A MiniCRM kapcsolathoz a MiniCRM kiegészítő előfizetés szükséges. Ingyenes: az Előfizetések lapon rendelheti meg és aktiválhatja."
	if ErrorMessage(err) != want {
		t.Errorf("requirement %q", ErrorMessage(err))
	}
	if _, err := PlanByID("szamlazz"); ErrorCode(err) != ENotFound || !strings.Contains(ErrorMessage(err), "minicrm") {
		t.Errorf("unknown plan: %v", err)
	}
}

func TestMessageActionRoundTrip(t *testing.T) {
	a := MessageAction{Kind: ActionActivate, Plan: PlanMiniCRM}
	if a.String() != "activate:minicrm" || ParseMessageAction(a.String()) != a || a.Label() != "Aktiválás" {
		t.Errorf("action %q label %q", a.String(), a.Label())
	}
	for _, s := range []string{"", "activate:nincs", "delete:minicrm"} {
		if !ParseMessageAction(s).IsZero() {
			t.Errorf("%q parsed as an action", s)
		}
	}
}
