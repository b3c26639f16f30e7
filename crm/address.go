package crm

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// BillingAddressType is the address type a Hungarian MiniCRM uses for the
// billing address. Types are per-tenant labels; this one is seen in a real
// integration.
const BillingAddressType = "Számlázási cím"

// Address is a postal address of a contact. Addresses cannot be deleted
// through the API.
type Address struct {
	ID                   int64
	ContactID            int64  // a person or a company
	Type                 string // localized label, e.g. BillingAddressType, "" or "HQ"
	Name                 string // free label
	Country              string // API: CountryId, which holds a country name ("Magyarország", "Hungary")
	PostalCode           string
	City                 string
	County               string // megye
	Street               string // API: Address (street and number)
	Default              bool
	CreatedBy, UpdatedBy string
	CreatedAt, UpdatedAt time.Time
}

// AddressRef is an entry of a contact's address list: the id and MiniCRM's
// label "Name (PostalCode City Address)". The list does not say the type.
type AddressRef struct {
	ID    int64
	Label string
}

type addressDTO struct {
	ID         flexInt    `json:"Id"`
	ContactID  flexInt    `json:"ContactId"`
	Type       flexString `json:"Type"`
	Name       flexString `json:"Name"`
	CountryID  flexString `json:"CountryId"`
	PostalCode flexString `json:"PostalCode"`
	City       flexString `json:"City"`
	County     flexString `json:"County"`
	Address    flexString `json:"Address"`
	Default    flexBool   `json:"Default"`
	CreatedBy  flexString `json:"CreatedBy"`
	CreatedAt  miniTime   `json:"CreatedAt"`
	UpdatedBy  flexString `json:"UpdatedBy"`
	UpdatedAt  miniTime   `json:"UpdatedAt"`
}

func (d *addressDTO) address() *Address {
	return &Address{
		ID: int64(d.ID), ContactID: int64(d.ContactID), Type: string(d.Type), Name: string(d.Name),
		Country: string(d.CountryID), PostalCode: string(d.PostalCode), City: string(d.City),
		County: string(d.County), Street: string(d.Address), Default: bool(d.Default),
		CreatedBy: string(d.CreatedBy), UpdatedBy: string(d.UpdatedBy),
		CreatedAt: time.Time(d.CreatedAt), UpdatedAt: time.Time(d.UpdatedAt),
	}
}

// AddressList lists the addresses of a contact (the structured form).
func (c *Client) AddressList(ctx context.Context, contactID int64) ([]AddressRef, error) {
	var out []AddressRef
	err := c.get(ctx, fmt.Sprintf("/Api/R3/AddressList/%d", contactID), url.Values{"Structured": {"1"}}, func(b []byte) error {
		var err error
		out, err = decodeAddressList(b)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list addresses of contact %d: %w", contactID, err)
	}
	return out, nil
}

// decodeAddressList accepts the structured {"307": {"Id": 307, "Address":
// "label"}}, the plain {"307": "label"}, the old [{"307": "label"}] and [].
func decodeAddressList(b []byte) ([]AddressRef, error) {
	var env searchEnvelope
	if err := json.Unmarshal(b, &env); err != nil {
		return nil, err
	}
	entries, err := resultEntries(env.Results)
	if err != nil {
		return nil, err
	}
	out := make([]AddressRef, 0, len(entries))
	for _, e := range entries {
		ref := AddressRef{ID: e.keyID()}
		if raw := bytes.TrimSpace(e.raw); len(raw) > 0 && raw[0] == '{' {
			var d struct {
				ID      flexInt    `json:"Id"`
				Address flexString `json:"Address"`
			}
			if err := json.Unmarshal(raw, &d); err != nil {
				return nil, fmt.Errorf("address %s: %w", e.key, err)
			}
			ref.Label = string(d.Address)
			if d.ID != 0 {
				ref.ID = int64(d.ID)
			}
		} else {
			var label flexString
			if err := json.Unmarshal(raw, &label); err != nil {
				return nil, fmt.Errorf("address %s: %w", e.key, err)
			}
			ref.Label = string(label)
		}
		out = append(out, ref)
	}
	return out, nil
}

// Address returns one address.
func (c *Client) Address(ctx context.Context, id int64) (*Address, error) {
	var out *Address
	err := c.get(ctx, fmt.Sprintf("/Api/R3/Address/%d", id), nil, func(b []byte) error {
		var d addressDTO
		if err := json.Unmarshal(b, &d); err != nil {
			return err
		}
		out = d.address()
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("get address %d: %w", id, err)
	}
	return out, nil
}

// Addresses returns every address of a contact in full. It costs one
// request for the list and one per address, because only the full record
// says which one is the billing address.
func (c *Client) Addresses(ctx context.Context, contactID int64) ([]Address, error) {
	refs, err := c.AddressList(ctx, contactID)
	if err != nil {
		return nil, err
	}
	out := make([]Address, 0, len(refs))
	for _, r := range refs {
		a, err := c.Address(ctx, r.ID)
		if err != nil {
			return nil, fmt.Errorf("addresses of contact %d: %w", contactID, err)
		}
		out = append(out, *a)
	}
	return out, nil
}

// PickBillingAddress chooses the address to invoice to, with MiniCRM's own
// precedence: the billing-type address, else the default one, else the
// first. ok is false when there is none.
func PickBillingAddress(as []Address) (a Address, ok bool) {
	if len(as) == 0 {
		return Address{}, false
	}
	for _, x := range as {
		if strings.EqualFold(strings.TrimSpace(x.Type), BillingAddressType) {
			return x, true
		}
	}
	for _, x := range as {
		if x.Default {
			return x, true
		}
	}
	return as[0], true
}

// CreateAddress adds an address to a.ContactID and returns its id. Like
// every create it is never retried once it may have been sent.
func (c *Client) CreateAddress(ctx context.Context, a Address) (int64, error) {
	if a.ContactID <= 0 {
		return 0, fmt.Errorf("create address: no contact id")
	}
	m := map[string]any{"ContactId": a.ContactID}
	setIf(m, "Type", a.Type)
	setIf(m, "Name", a.Name)
	setIf(m, "CountryId", a.Country)
	setIf(m, "PostalCode", a.PostalCode)
	setIf(m, "City", a.City)
	setIf(m, "County", a.County)
	setIf(m, "Address", a.Street)
	if a.Default {
		m["Default"] = 1
	}
	id, err := c.create(ctx, "/Api/R3/Address", m)
	if err != nil {
		return 0, fmt.Errorf("create address for contact %d: %w", a.ContactID, err)
	}
	return id, nil
}

// AddressPatch is a partial update of an address; nil fields stay as they are.
type AddressPatch struct {
	Type, Name, Country, PostalCode, City, County, Street *string
	Default                                               *bool
}

// UpdateAddress changes the fields set in p.
func (c *Client) UpdateAddress(ctx context.Context, id int64, p AddressPatch) error {
	m := map[string]any{}
	setPtr(m, "Type", p.Type)
	setPtr(m, "Name", p.Name)
	setPtr(m, "CountryId", p.Country)
	setPtr(m, "PostalCode", p.PostalCode)
	setPtr(m, "City", p.City)
	setPtr(m, "County", p.County)
	setPtr(m, "Address", p.Street)
	if p.Default != nil {
		m["Default"] = boolInt(*p.Default)
	}
	if err := c.update(ctx, "/Api/R3/Address", id, m); err != nil {
		return fmt.Errorf("update address %d: %w", id, err)
	}
	return nil
}

// boolInt writes a boolean the way MiniCRM stores it.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
