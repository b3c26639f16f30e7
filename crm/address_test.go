package crm_test

import (
	"context"
	"testing"

	"konnyuszamla/crm"
	"konnyuszamla/crm/minicrmtest"
)

func TestAddressesAndBillingAddress(t *testing.T) {
	srv, c := newFake(t)
	ctx := context.Background()
	biz := srv.AddContact(minicrmtest.Contact{Type: "Business", Name: "Minta Kft."})
	srv.AddAddress(minicrmtest.Address{ContactID: biz, Type: "Székhely", Name: "Központ", CountryID: "Magyarország",
		PostalCode: "1111", City: "Budapest", Address: "Fő utca 1.", Default: true})

	billingID, err := c.CreateAddress(ctx, crm.Address{ContactID: biz, Type: crm.BillingAddressType, Name: "Számlázási cím",
		Country: "Magyarország", PostalCode: "6720", City: "Szeged", Street: "Kárász utca 2."})
	if err != nil {
		t.Fatal(err)
	}

	refs, err := c.AddressList(ctx, biz)
	if err != nil {
		t.Fatal(err)
	}
	if len(refs) != 2 || refs[1].ID != billingID || refs[1].Label != "Számlázási cím (6720 Szeged Kárász utca 2.)" {
		t.Errorf("address list = %+v", refs)
	}

	all, err := c.Addresses(ctx, biz)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := crm.PickBillingAddress(all)
	if !ok || got.ID != billingID || got.City != "Szeged" || got.Street != "Kárász utca 2." || got.Country != "Magyarország" {
		t.Errorf("billing address = %+v", got)
	}

	// Making the billing address the default clears the other default.
	if err := c.UpdateAddress(ctx, billingID, crm.AddressPatch{Default: new(true)}); err != nil {
		t.Fatal(err)
	}
	defaults := 0
	for _, a := range srv.Addresses() {
		if a.Default {
			defaults++
			if a.ID != billingID {
				t.Errorf("address %d is still default", a.ID)
			}
		}
	}
	if defaults != 1 {
		t.Errorf("%d default addresses, want 1", defaults)
	}
}

func TestPickBillingAddressPrecedence(t *testing.T) {
	tests := []struct {
		name string
		in   []crm.Address
		want int64
		ok   bool
	}{
		{"none", nil, 0, false},
		{"billing type wins", []crm.Address{{ID: 1, Default: true}, {ID: 2, Type: "számlázási cím"}}, 2, true},
		{"then the default", []crm.Address{{ID: 1, Type: "Telephely"}, {ID: 2, Default: true}}, 2, true},
		{"then the first", []crm.Address{{ID: 1}, {ID: 2}}, 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := crm.PickBillingAddress(tt.in)
			if ok != tt.ok || got.ID != tt.want {
				t.Errorf("got %d, %v; want %d, %v", got.ID, ok, tt.want, tt.ok)
			}
		})
	}
}
