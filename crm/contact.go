package crm

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// ContactType tells a company (Business, "Cég") from a person (Person,
// "Személy").
type ContactType string

// The contact types, as the API writes them.
const (
	Business ContactType = "Business"
	Person   ContactType = "Person"
)

// parseContactType normalises the localized labels a Hungarian system may
// show on detail responses.
func parseContactType(s string) ContactType {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "business", "cég", "ceg":
		return Business
	case "person", "személy", "szemely":
		return Person
	}
	return ContactType(s)
}

// Contact is a MiniCRM contact: a company or a person (who may belong to a
// company through BusinessID). Search results fill only ID, Type, Name,
// Email, Phone and BusinessID; Contact fills the rest.
type Contact struct {
	ID   int64
	Type ContactType
	// Name is the company name; for a person it is "First Last" in search
	// results and "Last First" (Hungarian order) when built from the detail.
	Name                      string
	FirstName                 string
	LastName                  string
	Email                     string
	Phone                     string
	VATNumber                 string // adószám (API: VatNumber)
	EUVATNumber               string // közösségi adószám
	RegistrationNumber        string // cégjegyzékszám
	GroupIdentificationNumber string // csoportazonosító
	BankAccount               string
	Swift                     string
	Website                   string // API: Url on the detail (in search results Url is the API link)
	Description               string
	Position                  string
	BusinessID                int64 // a person's company
	Deleted                   bool
	Tags                      []string
	CreatedBy, UpdatedBy      string // user names
	CreatedAt, UpdatedAt      time.Time
	// Fields holds every other field of the detail, custom ones included.
	Fields map[string]Value
}

type contactDTO struct {
	ID                        flexInt     `json:"Id"`
	Type                      flexString  `json:"Type"`
	Name                      flexString  `json:"Name"`
	FirstName                 flexString  `json:"FirstName"`
	LastName                  flexString  `json:"LastName"`
	Email                     flexString  `json:"Email"`
	Phone                     flexString  `json:"Phone"`
	VatNumber                 flexString  `json:"VatNumber"`
	EUVatNumber               flexString  `json:"EUVatNumber"`
	RegistrationNumber        flexString  `json:"RegistrationNumber"`
	GroupIdentificationNumber flexString  `json:"GroupIdentificationNumber"`
	BankAccount               flexString  `json:"BankAccount"`
	Swift                     flexString  `json:"Swift"`
	URL                       flexString  `json:"Url"`
	Description               flexString  `json:"Description"`
	Position                  flexString  `json:"Position"`
	BusinessID                flexInt     `json:"BusinessId"`
	Deleted                   flexBool    `json:"Deleted"`
	Tags                      flexStrings `json:"Tags"`
	CreatedBy                 flexString  `json:"CreatedBy"`
	CreatedAt                 miniTime    `json:"CreatedAt"`
	UpdatedBy                 flexString  `json:"UpdatedBy"`
	UpdatedAt                 miniTime    `json:"UpdatedAt"`
}

var contactKnown = keySet("Id", "Type", "Name", "FirstName", "LastName", "Email", "Phone", "VatNumber",
	"EUVatNumber", "RegistrationNumber", "GroupIdentificationNumber", "BankAccount", "Swift", "Url",
	"Description", "Position", "BusinessId", "Deleted", "Tags", "CreatedBy", "CreatedAt", "UpdatedBy", "UpdatedAt")

func (d *contactDTO) contact() Contact {
	return Contact{
		ID:                        int64(d.ID),
		Type:                      parseContactType(string(d.Type)),
		Name:                      string(d.Name),
		FirstName:                 string(d.FirstName),
		LastName:                  string(d.LastName),
		Email:                     string(d.Email),
		Phone:                     string(d.Phone),
		VATNumber:                 string(d.VatNumber),
		EUVATNumber:               string(d.EUVatNumber),
		RegistrationNumber:        string(d.RegistrationNumber),
		GroupIdentificationNumber: string(d.GroupIdentificationNumber),
		BankAccount:               string(d.BankAccount),
		Swift:                     string(d.Swift),
		Description:               string(d.Description),
		Position:                  string(d.Position),
		BusinessID:                int64(d.BusinessID),
		Deleted:                   bool(d.Deleted),
		Tags:                      []string(d.Tags),
		CreatedBy:                 string(d.CreatedBy),
		UpdatedBy:                 string(d.UpdatedBy),
		CreatedAt:                 time.Time(d.CreatedAt),
		UpdatedAt:                 time.Time(d.UpdatedAt),
	}
}

// decodeContactDetail reads GET /Contact/{id}.
func decodeContactDetail(b []byte) (*Contact, error) {
	var d contactDTO
	if err := json.Unmarshal(b, &d); err != nil {
		return nil, err
	}
	c := d.contact()
	c.Website = string(d.URL)
	if c.Name == "" {
		c.Name = strings.TrimSpace(c.LastName + " " + c.FirstName)
	}
	fields, err := splitFields(b, contactKnown)
	if err != nil {
		return nil, err
	}
	c.Fields = fields
	return &c, nil
}

// decodeContactItem reads one search result.
func decodeContactItem(e entry) (Contact, bool, error) {
	var d contactDTO
	if err := json.Unmarshal(e.raw, &d); err != nil {
		return Contact{}, false, err
	}
	c := d.contact()
	if c.ID == 0 {
		c.ID = e.keyID()
	}
	return c, true, nil
}

// createBody is the JSON of PUT /Contact for c. Empty fields are left out,
// so MiniCRM applies its defaults.
func (c *Contact) createBody() (map[string]any, error) {
	if c.Type != Business && c.Type != Person {
		// MiniCRM rejects anything but the two strings (even the number 2).
		return nil, fmt.Errorf("contact type must be %q or %q, not %q", Business, Person, c.Type)
	}
	m := map[string]any{"Type": string(c.Type)}
	for k, v := range c.Fields {
		m[k] = v
	}
	setIf(m, "Name", c.Name)
	if c.Type == Person {
		// A person's Name is derived from FirstName and LastName.
		delete(m, "Name")
	}
	setIf(m, "FirstName", c.FirstName)
	setIf(m, "LastName", c.LastName)
	setIf(m, "Email", c.Email)
	setIf(m, "Phone", c.Phone)
	setIf(m, "VatNumber", c.VATNumber)
	setIf(m, "EUVatNumber", c.EUVATNumber)
	setIf(m, "RegistrationNumber", c.RegistrationNumber)
	setIf(m, "GroupIdentificationNumber", c.GroupIdentificationNumber)
	setIf(m, "BankAccount", c.BankAccount)
	setIf(m, "Swift", c.Swift)
	setIf(m, "Url", c.Website)
	setIf(m, "Description", c.Description)
	setIf(m, "Position", c.Position)
	if c.BusinessID != 0 {
		m["BusinessId"] = c.BusinessID
	}
	return m, nil
}

// ContactPatch is a partial update: nil fields are left unchanged, and an
// empty string clears a field. A person cannot be moved to another company
// through the API, so there is no BusinessID.
type ContactPatch struct {
	Name, FirstName, LastName, Email, Phone                *string
	VATNumber, EUVATNumber, RegistrationNumber             *string
	GroupIdentificationNumber, BankAccount, Swift, Website *string
	Description, Position                                  *string
	Fields                                                 map[string]any // custom fields, by API name
}

func (p *ContactPatch) body() map[string]any {
	m := make(map[string]any, len(p.Fields)+4)
	for k, v := range p.Fields {
		m[k] = v
	}
	setPtr(m, "Name", p.Name)
	setPtr(m, "FirstName", p.FirstName)
	setPtr(m, "LastName", p.LastName)
	setPtr(m, "Email", p.Email)
	setPtr(m, "Phone", p.Phone)
	setPtr(m, "VatNumber", p.VATNumber)
	setPtr(m, "EUVatNumber", p.EUVATNumber)
	setPtr(m, "RegistrationNumber", p.RegistrationNumber)
	setPtr(m, "GroupIdentificationNumber", p.GroupIdentificationNumber)
	setPtr(m, "BankAccount", p.BankAccount)
	setPtr(m, "Swift", p.Swift)
	setPtr(m, "Url", p.Website)
	setPtr(m, "Description", p.Description)
	setPtr(m, "Position", p.Position)
	return m
}

// setIf sets a text field when it is not empty; typed fields win over
// same-named entries of a Fields map.
func setIf(m map[string]any, key, v string) {
	if v != "" {
		m[key] = v
	}
}

func setPtr[T any](m map[string]any, key string, v *T) {
	if v != nil {
		m[key] = *v
	}
}
