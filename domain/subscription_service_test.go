package domain

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestSubscriptionFlow(t *testing.T) {
	ctx := context.Background()
	subs, store, clock := newSubServices()

	list, _ := subs.Catalogue(ctx)
	if len(list) != 2 || list[0].Sub.StateText() != "aktív (2026.09.27. óta)" || list[1].Sub.State != StateNone {
		t.Fatalf("catalogue at start: %+v", list)
	}
	if on, _ := subs.Active(ctx, "minicrm"); on {
		t.Fatal("MiniCRM active before any order")
	}

	msg, err := subs.Order(ctx, PlanMiniCRM)
	if err != nil {
		t.Fatal(err)
	}
	if msg.Subject != "Megrendelés rögzítve" || msg.Action.Label() != "Aktiválás" || msg.Action.Plan != PlanMiniCRM {
		t.Fatalf("order message %+v", msg)
	}
	if n, _ := subs.UnreadMessageCount(ctx); n != 1 {
		t.Errorf("unread after order: %d", n)
	}

	clock.Advance(time.Hour)
	if _, err := subs.Activate(ctx, PlanMiniCRM, "anna", "rossz-jelszo"); !errors.Is(err, ErrWrongCredentials) {
		t.Fatalf("wrong password: %v", err)
	}
	if e, _ := subs.Entry(ctx, PlanMiniCRM); e.Sub.State != StateOrdered {
		t.Fatalf("a wrong password changed the state to %s", e.Sub.State)
	}
	sub, err := subs.Activate(ctx, PlanMiniCRM, "anna", "titkos123")
	if err != nil || sub.StateText() != "aktív (2026.11.27. óta)" || !sub.Since.Equal(subDay.Add(time.Hour)) {
		t.Fatalf("activate: %+v, %v", sub, err)
	}
	if store.account.Failures != 0 {
		t.Errorf("failures after a good activation: %d", store.account.Failures)
	}
	if on, _ := subs.Active(ctx, "minicrm"); !on {
		t.Fatal("not active after activation")
	}
	msgs, _ := subs.Messages(ctx)
	if len(msgs) != 2 || msgs[0].Subject != "Sikeres aktiválás" ||
		!strings.Contains(msgs[0].Body, "Ilyenkor természetesen nem kap díjbekérőt, hiszen ez a szolgáltatásunk INGYENES") {
		t.Fatalf("messages after activation: %+v", msgs)
	}

	// Activating twice is refused before the password is even checked.
	if _, err := subs.Activate(ctx, PlanMiniCRM, "anna", "rossz-jelszo"); !strings.Contains(ErrorMessage(err), "kétszer nem aktiválható") {
		t.Errorf("second activation: %v", err)
	}
	if store.account.Failures != 0 {
		t.Error("a refused second activation spent a login attempt")
	}

	if err := subs.Cancel(ctx, PlanMiniCRM); err != nil {
		t.Fatal(err)
	}
	if on, _ := subs.Active(ctx, "minicrm"); on {
		t.Fatal("still active after Lemondás")
	}
	if _, err := subs.Order(ctx, PlanMiniCRM); err != nil {
		t.Fatalf("re-order after Lemondás: %v", err)
	}
}

func TestActivationLockout(t *testing.T) {
	ctx := context.Background()
	subs, _, clock := newSubServices()
	if _, err := subs.Order(ctx, PlanMiniCRM); err != nil {
		t.Fatal(err)
	}
	for range MaxLoginFailures {
		_, _ = subs.Activate(ctx, PlanMiniCRM, "anna", "rossz-jelszo")
	}
	_, err := subs.Activate(ctx, PlanMiniCRM, "anna", "titkos123")
	if ErrorCode(err) != EUnavailable || !strings.Contains(ErrorMessage(err), "Próbálja újra 1 perc múlva") {
		t.Fatalf("the right password while locked: %v", err)
	}
	clock.Advance(LoginLockout)
	if _, err := subs.Activate(ctx, PlanMiniCRM, "anna", "titkos123"); err != nil {
		t.Fatalf("after a minute: %v", err)
	}
}

func TestSubscriptionRefusals(t *testing.T) {
	ctx := context.Background()
	subs, _, _ := newSubServices()
	if _, err := subs.Activate(ctx, PlanMiniCRM, "anna", "titkos123"); !strings.Contains(ErrorMessage(err), "nincs megrendelve") {
		t.Errorf("activate without order: %v", err)
	}
	if _, err := subs.Order(ctx, PlanBase); ErrorCode(err) != EConflict {
		t.Errorf("order the base package: %v", err)
	}
	if err := subs.Cancel(ctx, PlanBase); !strings.Contains(ErrorMessage(err), "nem mondható le") {
		t.Errorf("cancel the base package: %v", err)
	}
	if _, err := subs.Order(ctx, "nincs"); ErrorCode(err) != ENotFound {
		t.Errorf("unknown plan: %v", err)
	}
	if _, err := subs.Order(ctx, PlanMiniCRM); err != nil {
		t.Fatal(err)
	}
	if _, err := subs.Order(ctx, PlanMiniCRM); !strings.Contains(ErrorMessage(err), "aktiválásra vár") {
		t.Errorf("order twice: %v", err)
	}
	err := subs.Require(ctx, PlanMiniCRM, "az Előfizetések lapon rendelheti meg és aktiválhatja.")
	if !errors.Is(err, ErrNotSubscribed) || !strings.HasPrefix(ErrorMessage(err), "A MiniCRM kapcsolathoz a MiniCRM kiegészítő előfizetés szükséges.") {
		t.Errorf("require while ordered: %v", err)
	}
}
