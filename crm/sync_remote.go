package crm

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"konnyuszamla/domain"
)

// maxSearchPages bounds one pre-create search (the name filter is partial).
const maxSearchPages = 10

// SyncRemote implements domain.SyncRemote over a Client. Reads cost: a
// list page per 100 cards or contacts; a customer costs its detail, its
// address list and one request per address.
type SyncRemote struct {
	client   *Client
	requests atomic.Int64
}

var _ domain.SyncRemote = (*SyncRemote)(nil)

// Client returns the client the remote uses.
func (r *SyncRemote) Client() *Client { return r.client }

// Now implements domain.SyncRemote with the client's clock.
func (r *SyncRemote) Now() time.Time { return r.client.clock.Now() }

// Requests implements domain.SyncRemote.
func (r *SyncRemote) Requests() int { return int(r.requests.Load()) }

// Explain implements domain.SyncRemote with Explain.
func (r *SyncRemote) Explain(err error) string { return Explain(err) }

// ChangedCards implements domain.SyncRemote. The customer of a card is its
// BusinessId when set, else its ContactId; trashed cards are left out.
func (r *SyncRemote) ChangedCards(ctx context.Context, module int64, since time.Time) ([]domain.SyncCardRef, error) {
	f := ProjectFilter{CategoryID: module, StatusGroup: GroupSuccess, UpdatedSince: widenSince(since, r.Now())}
	var out []domain.SyncCardRef
	for p, err := range r.client.AllProjects(ctx, f) {
		if err != nil {
			return nil, syncErr(err)
		}
		contact := p.ContactID
		if p.BusinessID != 0 {
			contact = p.BusinessID
		}
		out = append(out, domain.SyncCardRef{CardID: p.ID, ContactID: contact, StatusID: p.StatusID})
	}
	return out, nil
}

// ChangedContacts implements domain.SyncRemote.
func (r *SyncRemote) ChangedContacts(ctx context.Context, since time.Time) ([]int64, error) {
	var out []int64
	for c, err := range r.client.AllContacts(ctx, ContactFilter{UpdatedSince: widenSince(since, r.Now())}) {
		if err != nil {
			return nil, syncErr(err)
		}
		out = append(out, c.ID)
	}
	return out, nil
}

// Customer implements domain.SyncRemote.
func (r *SyncRemote) Customer(ctx context.Context, id int64) (domain.RemoteCustomer, error) {
	c, err := r.client.Contact(ctx, id)
	if err != nil {
		return domain.RemoteCustomer{}, syncErr(err)
	}
	as, err := r.client.Addresses(ctx, id)
	if err != nil {
		return domain.RemoteCustomer{}, syncErr(err)
	}
	rc := domain.RemoteContact{ID: c.ID, Business: c.Type == Business, Name: c.Name, FirstName: c.FirstName,
		LastName: c.LastName, Email: c.Email, Phone: c.Phone, VATNumber: c.VATNumber, EUVATNumber: c.EUVATNumber,
		BankAccount: c.BankAccount, UpdatedAt: c.UpdatedAt}
	if rc.ID == 0 {
		rc.ID = id
	}
	for _, a := range as {
		rc.Addresses = append(rc.Addresses, domain.RemoteAddress{ID: a.ID, Type: a.Type, Default: a.Default,
			Country: a.Country, PostalCode: a.PostalCode, City: a.City, Street: a.Street})
	}
	return domain.CustomerFromRemote(rc), nil
}

// SearchContacts implements domain.SyncRemote.
func (r *SyncRemote) SearchContacts(ctx context.Context, field domain.SearchField, value string, kind domain.CustomerKind) ([]domain.SyncCandidate, error) {
	f := ContactFilter{Type: Business}
	if kind == domain.KindPerson {
		f.Type = Person
	}
	switch field {
	case domain.SearchTaxNumber:
		f.VATNumber = value
	case domain.SearchEmail:
		f.Email = value
	case domain.SearchName:
		f.Name = value
	default:
		return nil, fmt.Errorf("search contacts by %q: unknown field", field)
	}
	var out []domain.SyncCandidate
	for page := 0; page < maxSearchPages; page++ {
		p, err := r.client.SearchContacts(ctx, f, page)
		if err != nil {
			return nil, syncErr(err)
		}
		for _, c := range p.Items {
			out = append(out, domain.SyncCandidate{ID: c.ID, Name: c.Name, Business: c.Type == Business, Email: c.Email})
		}
		if !p.HasMore() {
			break
		}
	}
	return out, nil
}

// CreateContact implements domain.SyncRemote: a company with Name,
// VatNumber, EUVatNumber, Email, Phone, BankAccount; a person with
// FirstName/LastName (from the Hungarian "Last First"), Email, Phone, and
// VatNumber and BankAccount when given.
func (r *SyncRemote) CreateContact(ctx context.Context, c domain.Customer) (int64, error) {
	ct := Contact{Type: Business, Name: c.Name, Email: c.Email, Phone: c.Phone, VATNumber: c.TaxNumber,
		EUVATNumber: c.EUVATNumber, BankAccount: c.BankAccount}
	if c.Kind == domain.KindPerson {
		last, first := domain.SplitPersonName(c.Name)
		ct = Contact{Type: Person, LastName: last, FirstName: first, Email: c.Email, Phone: c.Phone,
			VATNumber: c.TaxNumber, BankAccount: c.BankAccount}
	}
	id, err := r.client.CreateContact(ctx, ct)
	return id, syncErr(err)
}

// UpdateContact implements domain.SyncRemote.
func (r *SyncRemote) UpdateContact(ctx context.Context, id int64, c domain.Customer, changes []domain.FieldChange) error {
	var p ContactPatch
	for _, ch := range changes {
		v := ch.New
		switch ch.Field {
		case "name":
			if c.Kind == domain.KindPerson {
				last, first := domain.SplitPersonName(v)
				p.LastName, p.FirstName = &last, &first
			} else {
				p.Name = &v
			}
		case "taxNumber":
			p.VATNumber = &v
		case "euVatNumber":
			p.EUVATNumber = &v
		case "email":
			p.Email = &v
		case "phone":
			p.Phone = &v
		case "bankAccount":
			p.BankAccount = &v
		}
	}
	return syncErr(r.client.UpdateContact(ctx, id, p))
}
