package domain

import (
	"strings"
	"testing"
)

func TestCustomerFromRemote(t *testing.T) {
	t.Run("business with billing and mailing address", func(t *testing.T) {
		r := CustomerFromRemote(RemoteContact{ID: 5, Business: true, Name: " Minta  Kft. ", VATNumber: "12345676242",
			EUVATNumber: "hu 1234 5676", Addresses: []RemoteAddress{
				{ID: 1, Type: "Telephely", Default: true, City: "Győr", Street: "Ipar u. 1.", PostalCode: "9027"},
				{ID: 2, Type: "Levelezési cím", City: "Győr", Street: "Pf. 3", PostalCode: "9001", Country: "Magyarország"},
				{ID: 3, Type: "Számlázási cím", City: "Wien", Street: "Ring 1", PostalCode: "1010", Country: "Ausztria"},
			}})
		c := r.Customer
		if c.Kind != KindCompany || c.Name != "Minta Kft." || c.TaxNumber != "12345676-2-42" || c.EUVATNumber != "HU12345676" || c.MiniCRMID != 5 {
			t.Errorf("customer: %+v", c)
		}
		if r.BillingAddressID != 3 || c.BillingAddress.Country != "AT" || c.BillingAddress.City != "Wien" {
			t.Errorf("billing: %d %+v", r.BillingAddressID, c.BillingAddress)
		}
		if r.MailingAddressID != 2 || c.MailingAddress == nil || c.MailingAddress.Street != "Pf. 3" {
			t.Errorf("mailing: %d %+v", r.MailingAddressID, c.MailingAddress)
		}
	})
	t.Run("billing falls back to the default, then the first", func(t *testing.T) {
		r := CustomerFromRemote(RemoteContact{ID: 5, Business: true, Name: "X", Addresses: []RemoteAddress{
			{ID: 1, City: "A", Street: "a"}, {ID: 2, Default: true, City: "B", Street: "b"}}})
		if r.BillingAddressID != 2 || r.MailingAddressID != 0 {
			t.Errorf("default: %+v", r)
		}
		r = CustomerFromRemote(RemoteContact{ID: 5, Business: true, Name: "X", Addresses: []RemoteAddress{
			{ID: 1, City: "A", Street: "a"}, {ID: 2, City: "B", Street: "b"}}})
		if r.BillingAddressID != 1 {
			t.Errorf("first: %+v", r)
		}
	})
	t.Run("person in Hungarian name order", func(t *testing.T) {
		r := CustomerFromRemote(RemoteContact{ID: 6, FirstName: "János Péter", LastName: "Kiss"})
		if r.Customer.Kind != KindPerson || r.Customer.Name != "Kiss János Péter" {
			t.Errorf("person: %+v", r.Customer)
		}
		if last, first := SplitPersonName(r.Customer.Name); last != "Kiss" || first != "János Péter" {
			t.Errorf("split: %q %q", last, first)
		}
	})
	t.Run("invalid tax number becomes a note", func(t *testing.T) {
		r := CustomerFromRemote(RemoteContact{ID: 7, Business: true, Name: "Hibás Kft.", VATNumber: "12345678-2-42"})
		if r.Customer.TaxNumber != "" || !strings.Contains(r.Customer.Note, "12345678-2-42") || len(r.Warnings) != 1 {
			t.Errorf("invalid tax: %+v %q", r.Customer, r.Warnings)
		}
	})
	t.Run("no name, a long name, an unknown country", func(t *testing.T) {
		r := CustomerFromRemote(RemoteContact{ID: 8, Business: true, Addresses: []RemoteAddress{{City: "X", Street: "y", Country: "Atlantisz"}}})
		if r.Customer.Name != "MiniCRM #8" || len(r.Warnings) != 2 || r.Customer.BillingAddress.Country != "HU" {
			t.Errorf("%+v %q", r.Customer, r.Warnings)
		}
		long := strings.Repeat("x", 300)
		r = CustomerFromRemote(RemoteContact{ID: 9, Business: true, Name: long})
		if r.Customer.Name != long || len(r.Warnings) != 1 {
			t.Errorf("long name: %q", r.Warnings)
		}
	})
}

func TestFormatRemaining(t *testing.T) {
	for _, c := range []struct {
		secs int
		want string
	}{{0, ""}, {40, "kb. 40 másodperc"}, {12 * 60, "kb. 12 perc"}, {3600, "kb. 1 óra"}, {3900, "kb. 1 óra 5 perc"}, {50 * 60, "kb. 50 perc"}} {
		if got := FormatRemaining(secondsDur(c.secs)); got != c.want {
			t.Errorf("%d s: %q, want %q", c.secs, got, c.want)
		}
	}
}
