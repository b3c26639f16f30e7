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
	server   *serverClock // MiniCRM's clock from the Date headers; nil: unknown
}

var _ domain.SyncRemote = (*SyncRemote)(nil)

// Client returns the client the remote uses.
func (r *SyncRemote) Client() *Client { return r.client }

// Now implements domain.SyncRemote: MiniCRM's time as the Date header of
// its latest answer tells it, or the client's clock when that is earlier
// (or before the first answer).
func (r *SyncRemote) Now() time.Time { return r.ServerTime(r.client.clock.Now()) }

// ServerTime implements domain.SyncServerClock: local time t (of the
// client's clock) in MiniCRM's time, or t when that is earlier or no
// answer has come yet.
func (r *SyncRemote) ServerTime(t time.Time) time.Time {
	if r.server == nil {
		return t
	}
	return r.server.at(t)
}

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

// SearchContacts implements domain.SyncRemote. Only the tax-number search
// is narrowed to Type=Business (a VatNumber is a company's); the e-mail
// and name searches ask for every contact whatever its type, as the issue
// says, so that a twin saved as the other kind (a sole trader entered as a
// Person, a private person entered as a Business) is still found before a
// create. The caller filters by kind only when a search finds several
// contacts (domain: syncSession.search). kind is therefore unused here.
func (r *SyncRemote) SearchContacts(ctx context.Context, field domain.SearchField, value string, _ domain.CustomerKind) ([]domain.SyncCandidate, error) {
	var f ContactFilter
	switch field {
	case domain.SearchTaxNumber:
		f.VATNumber, f.Type = value, Business
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
