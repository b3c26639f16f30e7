package cli

import (
	"context"
	"strings"
	"testing"
)

func TestAccountCreate(t *testing.T) {
	r := newSubRig()
	code, out, errOut := r.run(t, "anna\ntitkos 123\n", "account", "create")
	if code != 0 || out != "A fiók létrejött: anna\n" {
		t.Fatalf("exit %d, out %q, err %q", code, out, errOut)
	}
	if a := r.store.account; a.UserName != "anna" || a.PasswordHash == "titkos 123" {
		t.Errorf("stored %+v", a)
	}
	if err := r.subs.Accounts.Login(context.Background(), "anna", "titkos 123"); err != nil {
		t.Errorf("the space in the password was lost: %v", err)
	}

	code, _, errOut = r.run(t, "bela\nmasikjelszo\n", "account", "create")
	if code != 1 || !strings.HasPrefix(errOut, "Hiba: Már van felhasználói fiók") {
		t.Errorf("second account: exit %d, %q", code, errOut)
	}
}

func TestAccountCreateRefusesBadInput(t *testing.T) {
	r := newSubRig()
	code, _, errOut := r.run(t, "anna\nrovid\n", "account", "create")
	if code != 1 || !strings.Contains(errOut, "Jelszó: legalább 8 karakter legyen (most 5)") || r.store.account != nil {
		t.Errorf("short password: exit %d, %q", code, errOut)
	}
	code, _, errOut = r.run(t, "anna\n", "account", "create")
	if code != 2 || !strings.Contains(errOut, "két sort vár") {
		t.Errorf("one line only: exit %d, %q", code, errOut)
	}
}
