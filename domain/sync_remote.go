package domain

import (
	"strings"
	"time"
	"unicode/utf8"
)

// The MiniCRM address types the sync reads and writes. Types are per-tenant
// labels; these are the ones a Hungarian system uses.
const (
	SyncBillingAddressType = "Számlázási cím"
	SyncMailingAddressType = "Levelezési cím"
)

// RemoteAddress is a MiniCRM address as the sync sees it.
type RemoteAddress struct {
	ID         int64
	Type       string // localized label, e.g. SyncBillingAddressType
	Default    bool
	Country    string // MiniCRM's CountryId: a country name ("Magyarország")
	PostalCode string
	City       string
	Street     string
}

// RemoteContact is a MiniCRM contact (the customer of a card) with its
// addresses, as the crm package reads it.
type RemoteContact struct {
	ID          int64
	Business    bool // a company ("Cég"); false: a person ("Személy")
	Name        string
	FirstName   string
	LastName    string
	Email       string
	Phone       string
	VATNumber   string
	EUVATNumber string
	BankAccount string
	UpdatedAt   time.Time
	Addresses   []RemoteAddress
}

// RemoteCustomer is a MiniCRM customer converted to the app's terms: the
// customer the app would store, and the MiniCRM ids of its addresses.
type RemoteCustomer struct {
	ID               int64    // MiniCRM contact id
	Customer         Customer // ID 0, MiniCRMID = ID
	BillingAddressID int64    // 0: MiniCRM has no address
	MailingAddressID int64    // 0: no separate mailing address
	UpdatedAt        time.Time
	// NoteLines are added to the local note (an invalid tax number is kept
	// there rather than dropped).
	NoteLines []string
	// Warnings say, in Hungarian, what in the MiniCRM data needs attention.
	Warnings []string
}

// CustomerFromRemote converts a MiniCRM contact: Business → company,
// Person → private person named in Hungarian order (LastName FirstName);
// the billing address is the "Számlázási cím" one, else the default one,
// else the first; the mailing address is the "Levelezési cím" one. The tax
// number is normalised; an invalid one is kept as a note line and
// reported, never dropped.
func CustomerFromRemote(rc RemoteContact) RemoteCustomer {
	out := RemoteCustomer{ID: rc.ID, UpdatedAt: rc.UpdatedAt}
	c := Customer{Kind: KindCompany, MiniCRMID: rc.ID, Email: rc.Email, Phone: rc.Phone, BankAccount: rc.BankAccount}
	if rc.Business {
		c.Name = rc.Name
	} else {
		c.Kind = KindPerson
		c.Name = CollapseSpace(rc.LastName + " " + rc.FirstName)
		if c.Name == "" {
			c.Name = rc.Name
		}
	}
	c.Name = CollapseSpace(c.Name)
	label := remoteLabel(c.Name, rc.ID)
	if c.Name == "" {
		c.Name = label
		out.Warnings = append(out.Warnings, label+": a MiniCRM-ben nincs neve; az azonosítóját kapta névként.")
	}
	if n := utf8.RuneCountInString(c.Name); n > MaxNameLen {
		out.Warnings = append(out.Warnings, label+": a neve "+itoa(n)+" karakter, hosszabb a számlán megengedett "+
			itoa(MaxNameLen)+" karakternél; a teljes nevet megőriztük, számlázás előtt rövidítse.")
	}
	if v := strings.TrimSpace(rc.VATNumber); v != "" {
		if tax, msg := ParseTaxNumber(v); msg == "" {
			c.TaxNumber = tax
		} else {
			out.NoteLines = append(out.NoteLines, "MiniCRM adószám (érvénytelen): "+v)
			out.Warnings = append(out.Warnings, label+": a MiniCRM-ben tárolt adószám ("+v+") érvénytelen: "+msg+
				". Megjegyzésként megőriztük.")
		}
	}
	if v := strings.TrimSpace(rc.EUVATNumber); v != "" {
		if eu, msg := ParseEUVATNumber(v); msg == "" {
			c.EUVATNumber = eu
		} else {
			out.NoteLines = append(out.NoteLines, "MiniCRM közösségi adószám (érvénytelen): "+v)
			out.Warnings = append(out.Warnings, label+": a közösségi adószám ("+v+") érvénytelen: "+msg+
				". Megjegyzésként megőriztük.")
		}
	}
	billing, hasBilling := pickBilling(rc.Addresses)
	if hasBilling {
		out.BillingAddressID = billing.ID
		c.BillingAddress = convertAddress(billing, label, &out.Warnings)
	}
	if mailing, ok := pickMailing(rc.Addresses); ok && (!hasBilling || mailing.ID != billing.ID) {
		out.MailingAddressID = mailing.ID
		m := convertAddress(mailing, label, &out.Warnings)
		c.MailingAddress = &m
	}
	c.Normalize()
	c.MiniCRMID = rc.ID
	if len(out.NoteLines) > 0 {
		c.Note = strings.Join(out.NoteLines, "\n")
	}
	out.Customer = c
	return out
}

func remoteLabel(name string, id int64) string {
	if name == "" {
		return "MiniCRM #" + itoa(int(id))
	}
	return name
}

func pickBilling(as []RemoteAddress) (RemoteAddress, bool) {
	for _, a := range as {
		if addressTypeIs(a.Type, SyncBillingAddressType) {
			return a, true
		}
	}
	for _, a := range as {
		if a.Default {
			return a, true
		}
	}
	if len(as) > 0 {
		return as[0], true
	}
	return RemoteAddress{}, false
}

func pickMailing(as []RemoteAddress) (RemoteAddress, bool) {
	for _, a := range as {
		if addressTypeIs(a.Type, SyncMailingAddressType) {
			return a, true
		}
	}
	return RemoteAddress{}, false
}

func addressTypeIs(t, want string) bool { return Fold(t) == Fold(want) }

func convertAddress(a RemoteAddress, label string, warnings *[]string) Address {
	out := Address{PostalCode: a.PostalCode, City: a.City, Street: a.Street}
	code, ok := countryCode(a.Country)
	if !ok {
		*warnings = append(*warnings, label+": ismeretlen ország a MiniCRM-ben („"+a.Country+"”); Magyarországnak vettük.")
		code = "HU"
	}
	out.Country = code
	return out
}

// SplitPersonName splits a private person's name written in Hungarian
// order ("Kiss János Péter") into MiniCRM's LastName ("Kiss") and
// FirstName ("János Péter"). A one-word name is a last name.
func SplitPersonName(name string) (last, first string) {
	words := strings.Fields(name)
	switch len(words) {
	case 0:
		return "", ""
	case 1:
		return words[0], ""
	}
	return words[0], strings.Join(words[1:], " ")
}

// SyncCountryName is the country name the sync writes to MiniCRM for an
// ISO code ("HU" → "Magyarország").
func SyncCountryName(code string) string { return countryName(code) }
