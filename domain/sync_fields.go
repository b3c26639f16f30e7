package domain

import "strings"

// FieldChange is one field of a customer that differs between two
// versions. Field is the JSON name ("billingAddress.city"), Label the
// Hungarian one ("Számlázási cím – város").
type FieldChange struct {
	Field string `json:"field"`
	Label string `json:"label"`
	Old   string `json:"old"`
	New   string `json:"new"`
}

// syncField is a customer field both systems keep. The note, the archive
// flag and the ids are the app's own and are never synced.
type syncField struct {
	key, label string
	get        func(*Customer) string
	set        func(*Customer, string)
	// address names the address group of the field ("billing", "mailing").
	address string
	// companyOnly fields are kept only on MiniCRM's Business contacts (a
	// Person has no EUVatNumber); between persons they are the app's own.
	companyOnly bool
}

// applies reports whether f is synced between a and b.
func (f *syncField) applies(a, b *Customer) bool {
	return !f.companyOnly || (a.Kind != KindPerson && b.Kind != KindPerson)
}

var syncFields = []syncField{
	{key: "kind", label: "Típus", get: func(c *Customer) string { return string(c.Kind) },
		set: func(c *Customer, v string) { c.Kind = CustomerKind(v) }},
	{key: "name", label: "Név", get: func(c *Customer) string { return c.Name }, set: func(c *Customer, v string) { c.Name = v }},
	{key: "taxNumber", label: "Adószám", get: func(c *Customer) string { return c.TaxNumber },
		set: func(c *Customer, v string) { c.TaxNumber = v }},
	{key: "euVatNumber", label: "Közösségi adószám", get: func(c *Customer) string { return c.EUVATNumber },
		set: func(c *Customer, v string) { c.EUVATNumber = v }, companyOnly: true},
	{key: "email", label: "E-mail", get: func(c *Customer) string { return c.Email }, set: func(c *Customer, v string) { c.Email = v }},
	{key: "phone", label: "Telefon", get: func(c *Customer) string { return c.Phone }, set: func(c *Customer, v string) { c.Phone = v }},
	{key: "bankAccount", label: "Bankszámlaszám", get: func(c *Customer) string { return c.BankAccount },
		set: func(c *Customer, v string) { c.BankAccount = v }},
}

func init() {
	parts := []struct {
		key, label string
		get        func(*Address) *string
	}{
		{"country", "ország", func(a *Address) *string { return &a.Country }},
		{"postalCode", "irányítószám", func(a *Address) *string { return &a.PostalCode }},
		{"city", "város", func(a *Address) *string { return &a.City }},
		{"street", "utca, házszám", func(a *Address) *string { return &a.Street }},
	}
	for _, p := range parts {
		get := p.get
		syncFields = append(syncFields, syncField{
			key: "billingAddress." + p.key, label: "Számlázási cím – " + p.label, address: "billing",
			get: func(c *Customer) string {
				if c.BillingAddress.IsZero() {
					return "" // the country alone (a default) is no address
				}
				return *get(&c.BillingAddress)
			},
			set: func(c *Customer, v string) { *get(&c.BillingAddress) = v },
		})
	}
	for _, p := range parts {
		get := p.get
		syncFields = append(syncFields, syncField{
			key: "mailingAddress." + p.key, label: "Levelezési cím – " + p.label, address: "mailing",
			get: func(c *Customer) string {
				if c.MailingAddress == nil || c.MailingAddress.IsZero() {
					return ""
				}
				return *get(c.MailingAddress)
			},
			set: func(c *Customer, v string) {
				if c.MailingAddress == nil {
					c.MailingAddress = &Address{}
				}
				*get(c.MailingAddress) = v
			},
		})
	}
}

// DiffCustomers lists the synced fields whose values differ between a (Old)
// and b (New), in form order.
func DiffCustomers(a, b *Customer) []FieldChange {
	var out []FieldChange
	for _, f := range syncFields {
		if !f.applies(a, b) {
			continue
		}
		if x, y := f.get(a), f.get(b); x != y {
			out = append(out, FieldChange{Field: f.key, Label: f.label, Old: x, New: y})
		}
	}
	return out
}

// MergeResult is what a MiniCRM customer does to its local twin.
type MergeResult struct {
	// Customer is the local customer after the merge.
	Customer Customer
	// Changes are the fields MiniCRM's data changed locally (Old: local
	// value, New: MiniCRM's).
	Changes []FieldChange
	// Conflicts are the fields both sides changed since the last sync; the
	// MiniCRM value is applied (Old: the local value, kept in the history).
	Conflicts []FieldChange
	// Push are the local values MiniCRM lacks (Old: MiniCRM's value, New:
	// the local one); pass 2 sends them as a partial update.
	Push []FieldChange
	// Notes reports whether note lines were added to the local note.
	Notes bool
}

// Changed reports whether the merge changes the local customer.
func (m *MergeResult) Changed() bool { return len(m.Changes) > 0 || m.Notes }

// MergeRemote merges MiniCRM's version of a customer into the local one.
//
// With a base (the agreed version of the last sync) it is a three-way
// merge field by field: a field only MiniCRM changed takes MiniCRM's
// value; a field only the app changed keeps the local value and is pushed;
// a field both changed (differently) takes MiniCRM's value and is reported
// as a conflict, the local value staying in the customer history.
//
// Without a base (the first link) MiniCRM's data wins where it has any, and
// local values of fields MiniCRM leaves empty are kept and pushed, so that
// nothing the user typed is lost.
func MergeRemote(local Customer, base *Customer, remote RemoteCustomer) MergeResult {
	res := MergeResult{Customer: local}
	merged := &res.Customer
	r := remote.Customer
	for _, f := range syncFields {
		if !f.applies(&r, &r) {
			continue // e.g. a person's EU VAT number stays the app's own
		}
		lv, rv := f.get(&local), f.get(&r)
		if lv == rv {
			continue
		}
		if base == nil {
			if rv == "" && f.key != "kind" {
				res.Push = append(res.Push, FieldChange{Field: f.key, Label: f.label, Old: rv, New: lv})
				continue
			}
			f.set(merged, rv)
			res.Changes = append(res.Changes, FieldChange{Field: f.key, Label: f.label, Old: lv, New: rv})
			continue
		}
		bv := f.get(base)
		switch {
		case rv == bv: // only the app changed it
			res.Push = append(res.Push, FieldChange{Field: f.key, Label: f.label, Old: rv, New: lv})
		case lv == bv: // only MiniCRM changed it
			f.set(merged, rv)
			res.Changes = append(res.Changes, FieldChange{Field: f.key, Label: f.label, Old: lv, New: rv})
		default: // both changed, differently: MiniCRM wins, as in the original service
			f.set(merged, rv)
			ch := FieldChange{Field: f.key, Label: f.label, Old: lv, New: rv}
			res.Changes = append(res.Changes, ch)
			res.Conflicts = append(res.Conflicts, ch)
		}
	}
	fixAddresses(merged)
	merged.MiniCRMID = remote.ID
	for _, line := range remote.NoteLines {
		if !strings.Contains(merged.Note, line) {
			merged.Note = strings.TrimSpace(merged.Note + "\n" + line)
			res.Notes = true
		}
	}
	return res
}

// fixAddresses drops an emptied mailing address and fills the default
// country of a billing address that got fields.
func fixAddresses(c *Customer) {
	if c.MailingAddress != nil && c.MailingAddress.IsZero() {
		c.MailingAddress = nil
	}
	if c.MailingAddress != nil && c.MailingAddress.Country == "" {
		c.MailingAddress.Country = "HU"
	}
	if c.BillingAddress.Country == "" {
		c.BillingAddress.Country = "HU"
	}
}

// SyncedEqual reports whether a and b agree on every synced field.
func SyncedEqual(a, b *Customer) bool { return len(DiffCustomers(a, b)) == 0 }
