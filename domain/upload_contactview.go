package domain

import (
	"context"
	"time"
)

// CRMCard is a MiniCRM card of a contact as the customer's MiniCRM view
// shows it.
type CRMCard struct {
	ID     int64  `json:"id"`
	Module string `json:"module"`
	Name   string `json:"name"`
	Status string `json:"status"`
}

// CRMContactView is a customer as MiniCRM holds it: the contact's data, its
// cards and its invoice cards (Számlái), with the time it was loaded.
type CRMContactView struct {
	ContactID  int64     `json:"contactId"`
	Type       string    `json:"type"` // Business or Person
	Name       string    `json:"name"`
	TaxNumbers []string  `json:"taxNumbers"`
	Emails     []string  `json:"emails"`
	Phones     []string  `json:"phones"`
	Addresses  []string  `json:"addresses"`
	Cards      []CRMCard `json:"cards"`
	Invoices   []CRMCard `json:"invoices"`
	// URL opens the contact in MiniCRM in the browser.
	URL      string    `json:"url"`
	LoadedAt time.Time `json:"loadedAt"`
	// Cached is set when MiniCRM could not be reached and this is the last
	// loaded copy.
	Cached bool `json:"-"`
}

// CRMContactViews loads the MiniCRM view of a contact: from MiniCRM when it
// can (keeping a copy), else the last loaded copy with Cached set; an error
// only when there is neither.
type CRMContactViews interface {
	ContactView(ctx context.Context, contactID int64) (*CRMContactView, error)
}

// CRMContactCache keeps the last loaded view of each contact.
type CRMContactCache interface {
	SaveCRMContactView(ctx context.Context, v *CRMContactView) error
	// CRMContactViewCopy returns the last loaded copy; ENotFound if none.
	CRMContactViewCopy(ctx context.Context, contactID int64) (*CRMContactView, error)
}
