package cli

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"konnyuszamla/domain"
)

func TestSubscriptionsListJSON(t *testing.T) {
	r := newSubRig()
	code, out, errOut := r.run(t, "", "subscriptions", "list", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	want := []map[string]any{
		{"id": "base", "name": "Alapcsomag", "price": "0", "state": "active", "since": "2026-09-27"},
		{"id": "minicrm", "name": "MiniCRM kiegészítő előfizetés", "price": "0", "state": "none", "since": nil},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}

	code, out, _ = r.run(t, "", "subscriptions", "list")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 3 ||
		strings.Join(strings.Fields(lines[2]), " ") != "minicrm MiniCRM kiegészítő előfizetés INGYENES nincs előfizetve" {
		t.Errorf("table:\n%s", out)
	}
}

func TestSubscriptionsOrderAndActivate(t *testing.T) {
	r := newSubRig()
	if code, _, errOut := r.run(t, "anna\ntitkos123\n", "account", "create"); code != 0 {
		t.Fatal(errOut)
	}
	code, _, errOut := r.run(t, "anna\ntitkos123\n", "subscriptions", "activate", "minicrm")
	if code != 1 || !strings.Contains(errOut, "nincs megrendelve, ezért nem aktiválható") {
		t.Errorf("activate before order: exit %d, %q", code, errOut)
	}

	code, out, errOut := r.run(t, "", "subscriptions", "order", "minicrm")
	if code != 0 || !strings.HasPrefix(out, "Megrendelés rögzítve: MiniCRM kiegészítő előfizetés (INGYENES).") ||
		!strings.Contains(out, "subscriptions activate minicrm") {
		t.Fatalf("order: exit %d, out %q, err %q", code, out, errOut)
	}
	if code, _, errOut := r.run(t, "", "subscriptions", "order", "minicrm"); code != 1 || !strings.Contains(errOut, "aktiválásra vár") {
		t.Errorf("order twice: exit %d, %q", code, errOut)
	}

	code, out, errOut = r.run(t, "anna\nrossz-jelszo\n", "subscriptions", "activate", "minicrm")
	if code != 1 || out != "" ||
		errOut != "Hiba: Hibás felhasználónév vagy jelszó. Még 4 próbálkozás maradt, utána 1 percig nem lehet belépni.\n" {
		t.Fatalf("wrong password: exit %d, out %q, err %q", code, out, errOut)
	}
	if on, _ := r.subs.Active(context.Background(), "minicrm"); on {
		t.Fatal("active after a wrong password")
	}

	code, out, errOut = r.run(t, "anna\ntitkos123\n", "subscriptions", "activate", "minicrm")
	if code != 0 || out != "Sikeres aktiválás: MiniCRM kiegészítő előfizetés, aktív (2026.11.27. óta).\n" {
		t.Fatalf("activate: exit %d, out %q, err %q", code, out, errOut)
	}
	_, out, _ = r.run(t, "", "subscriptions", "list", "--json")
	if !strings.Contains(out, `"state": "active",`+"\n"+`    "since": "2026-11-27"`) {
		t.Errorf("list after activation:\n%s", out)
	}
	if code, _, errOut := r.run(t, "anna\ntitkos123\n", "subscriptions", "activate", "minicrm"); code != 1 ||
		!strings.Contains(errOut, "kétszer nem aktiválható") {
		t.Errorf("activate twice: exit %d, %q", code, errOut)
	}
}

func TestSubscriptionsUsageAndUnknownPlan(t *testing.T) {
	r := newSubRig()
	if code, _, errOut := r.run(t, "", "subscriptions", "order"); code != 2 || !strings.Contains(errOut, "subscriptions order AZONOSÍTÓ") {
		t.Errorf("order without id: exit %d, %q", code, errOut)
	}
	if code, _, errOut := r.run(t, "", "subscriptions", "order", "szamlazz"); code != 1 || !strings.Contains(errOut, "Választható: minicrm") {
		t.Errorf("unknown plan: exit %d, %q", code, errOut)
	}
	if code, _, errOut := r.run(t, "", "subscriptions", "cancel", "base"); code != 1 || !strings.Contains(errOut, "nem mondható le") {
		t.Errorf("cancel base: exit %d, %q", code, errOut)
	}
}

func TestRequireSubscriptionExplainsHowToOrder(t *testing.T) {
	r := newSubRig()
	err := RequireSubscription(context.Background(), r.subs, domain.PlanMiniCRM)
	want := "A MiniCRM kapcsolathoz a MiniCRM kiegészítő előfizetés szükséges. Ingyenes: megrendelés: " +
		"konnyuszamla subscriptions order minicrm, aktiválás: konnyuszamla subscriptions activate minicrm."
	if !errors.Is(err, domain.ErrNotSubscribed) || domain.ErrorMessage(err) != want {
		t.Errorf("got %q", domain.ErrorMessage(err))
	}
	r.store.subs[domain.PlanMiniCRM] = domain.Subscription{Plan: domain.PlanMiniCRM, State: domain.StateActive, Since: subDay}
	if err := RequireSubscription(context.Background(), r.subs, domain.PlanMiniCRM); err != nil {
		t.Errorf("active plan refused: %v", err)
	}
}
