package crm

import (
	"context"

	"konnyuszamla/domain"
)

// addressType is the MiniCRM type label of the billing or mailing address.
func addressType(billing bool) string {
	if billing {
		return domain.SyncBillingAddressType
	}
	return domain.SyncMailingAddressType
}

// CreateAddress implements domain.SyncRemote: "Számlázási cím" (default)
// or "Levelezési cím", with the country's Hungarian name.
func (r *SyncRemote) CreateAddress(ctx context.Context, contactID int64, a domain.Address, billing bool) (int64, error) {
	t := addressType(billing)
	id, err := r.client.CreateAddress(ctx, Address{ContactID: contactID, Type: t, Name: t,
		Country: domain.SyncCountryName(a.Country), PostalCode: a.PostalCode, City: a.City, Street: a.Street, Default: billing})
	return id, syncErr(err)
}

// UpdateAddress implements domain.SyncRemote.
func (r *SyncRemote) UpdateAddress(ctx context.Context, id int64, a domain.Address) error {
	country := domain.SyncCountryName(a.Country)
	return syncErr(r.client.UpdateAddress(ctx, id, AddressPatch{Country: &country, PostalCode: &a.PostalCode,
		City: &a.City, Street: &a.Street}))
}

// FindAddress implements domain.SyncRemote: an address of the contact of
// that type whose postal code, city and street match a (after
// domain.NormalizeCity and NormalizeStreet).
func (r *SyncRemote) FindAddress(ctx context.Context, contactID int64, a domain.Address, billing bool) (int64, error) {
	as, err := r.client.Addresses(ctx, contactID)
	if err != nil {
		return 0, syncErr(err)
	}
	t := domain.Fold(addressType(billing))
	for _, x := range as {
		if domain.Fold(x.Type) == t && x.PostalCode == a.PostalCode &&
			domain.NormalizeCity(x.City) == domain.NormalizeCity(a.City) &&
			domain.NormalizeStreet(x.Street) == domain.NormalizeStreet(a.Street) {
			return x.ID, nil
		}
	}
	return 0, nil
}

// CreateCard implements domain.SyncRemote.
func (r *SyncRemote) CreateCard(ctx context.Context, card domain.SyncCard) (int64, error) {
	id, err := r.client.CreateProject(ctx, Project{CategoryID: card.Module, ContactID: card.ContactID,
		StatusID: card.StatusID, Name: card.Name, ReferenceID: card.Reference})
	return id, syncErr(err)
}

// FindCard implements domain.SyncRemote.
func (r *SyncRemote) FindCard(ctx context.Context, module, contactID int64, reference string) (int64, error) {
	f := ProjectFilter{CategoryID: module, ReferenceID: reference}
	if reference == "" {
		f = ProjectFilter{CategoryID: module, MainContactID: contactID, StatusGroup: GroupSuccess}
	}
	p, err := r.client.SearchProjects(ctx, f, 0)
	if err != nil {
		return 0, syncErr(err)
	}
	for _, x := range p.Items {
		if reference != "" || x.ContactID == contactID || x.BusinessID == contactID {
			return x.ID, nil
		}
	}
	return 0, nil
}
