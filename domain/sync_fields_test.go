package domain

import (
	"strings"
	"testing"
)

func mergeFields(cs []FieldChange) string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Field+":"+c.Old+">"+c.New)
	}
	return strings.Join(out, " ")
}

func TestMergeWithoutBaseKeepsWhatMiniCRMLacks(t *testing.T) {
	local := Customer{ID: 7, Kind: KindCompany, Name: "Minta Kft", Email: "info@minta.hu", BankAccount: "11773016-11111018",
		BillingAddress: Address{Country: "HU", PostalCode: "1111", City: "Budapest", Street: "Fő u. 1."}, Note: "saját megjegyzés"}
	remote := RemoteCustomer{ID: 42, Customer: Customer{Kind: KindCompany, Name: "Minta Kft.", Phone: "+36 1 234 5678",
		BillingAddress: Address{Country: "HU", PostalCode: "1111", City: "Budapest", Street: "Fő utca 1."}}}
	m := MergeRemote(local, nil, remote)
	if got := mergeFields(m.Changes); got != "name:Minta Kft>Minta Kft. phone:>+36 1 234 5678 billingAddress.street:Fő u. 1.>Fő utca 1." {
		t.Errorf("changes: %s", got)
	}
	if got := mergeFields(m.Push); got != "email:>info@minta.hu bankAccount:>11773016-11111018" {
		t.Errorf("push: %s", got)
	}
	c := m.Customer
	if c.ID != 7 || c.MiniCRMID != 42 || c.Email != "info@minta.hu" || c.Note != "saját megjegyzés" || c.Name != "Minta Kft." {
		t.Errorf("merged: %+v", c)
	}
}

func TestThreeWayMerge(t *testing.T) {
	base := Customer{Kind: KindCompany, Name: "Minta Kft.", Email: "a@minta.hu", Phone: "+36 1 111 1111",
		BillingAddress: Address{Country: "HU", PostalCode: "1111", City: "Budapest", Street: "Fő utca 1."}}
	local := base
	local.Email = "local@minta.hu"          // only local
	local.Phone = "+36 1 222 2222"          // both, differently
	local.BankAccount = "11773016-11111018" // only local, added
	remote := RemoteCustomer{ID: 42, Customer: base}
	remote.Customer.Phone = "+36 1 333 3333"             // both
	remote.Customer.BillingAddress.Street = "Fő utca 2." // only MiniCRM
	remote.Customer.MailingAddress = &Address{Country: "HU", PostalCode: "1300", City: "Budapest", Street: "Pf. 1"}
	m := MergeRemote(local, &base, remote)
	if got := mergeFields(m.Conflicts); got != "phone:+36 1 222 2222>+36 1 333 3333" {
		t.Errorf("conflicts: %s", got)
	}
	if got := mergeFields(m.Push); got != "email:a@minta.hu>local@minta.hu bankAccount:>11773016-11111018" {
		t.Errorf("push: %s", got)
	}
	c := m.Customer
	if c.Phone != "+36 1 333 3333" || c.Email != "local@minta.hu" || c.BillingAddress.Street != "Fő utca 2." ||
		c.MailingAddress == nil || c.MailingAddress.Street != "Pf. 1" {
		t.Errorf("merged: %+v %+v", c, c.MailingAddress)
	}
}

func TestMergeAddsNoteLinesOnce(t *testing.T) {
	remote := RemoteCustomer{ID: 1, Customer: Customer{Kind: KindCompany, Name: "X Kft."}, NoteLines: []string{"MiniCRM adószám (érvénytelen): 123"}}
	m := MergeRemote(Customer{Kind: KindCompany, Name: "X Kft.", Note: "régi"}, nil, remote)
	if !m.Changed() || m.Customer.Note != "régi\nMiniCRM adószám (érvénytelen): 123" {
		t.Fatalf("note: %q", m.Customer.Note)
	}
	again := MergeRemote(m.Customer, nil, remote)
	if again.Changed() {
		t.Errorf("the note line was added twice: %q", again.Customer.Note)
	}
}

func TestPersonsKeepTheirEUVATNumber(t *testing.T) {
	local := Customer{Kind: KindPerson, Name: "Kiss János", EUVATNumber: "HU12345676"}
	remote := RemoteCustomer{ID: 1, Customer: Customer{Kind: KindPerson, Name: "Kiss János"}}
	m := MergeRemote(local, nil, remote)
	if m.Customer.EUVATNumber != "HU12345676" || len(m.Push)+len(m.Changes) != 0 {
		t.Errorf("merge: %+v", m)
	}
}
