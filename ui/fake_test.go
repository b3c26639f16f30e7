package ui

import (
	"context"
	"sort"
	"strings"
	"sync"

	"konnyuszamla/domain"
)

// fakeCustomers is an in-memory domain.CustomerService for the UI tests.
type fakeCustomers struct {
	mu           sync.Mutex
	byID         map[int64]domain.Customer
	next         int64
	inUse        map[int64]bool // customers with issued documents
	summaryCalls int
}

var _ domain.CustomerService = (*fakeCustomers)(nil)

func newFakeCustomers(cs ...domain.Customer) *fakeCustomers {
	f := &fakeCustomers{byID: map[int64]domain.Customer{}, inUse: map[int64]bool{}}
	for i := range cs {
		if err := f.CreateCustomer(context.Background(), &cs[i]); err != nil {
			panic(err)
		}
	}
	return f
}

func (f *fakeCustomers) CreateCustomer(_ context.Context, c *domain.Customer) error {
	c.Normalize()
	if err := c.Validate(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.next++
	c.ID = f.next
	f.byID[c.ID] = *c
	return nil
}

func (f *fakeCustomers) UpdateCustomer(_ context.Context, c *domain.Customer) error {
	c.Normalize()
	if err := c.Validate(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.byID[c.ID]; !ok {
		return domain.Errorf(domain.ENotFound, "nincs ilyen vevő")
	}
	f.byID[c.ID] = *c
	return nil
}

func (f *fakeCustomers) CustomerByID(_ context.Context, id int64) (*domain.Customer, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	c, ok := f.byID[id]
	if !ok {
		return nil, domain.Errorf(domain.ENotFound, "nincs ilyen vevő")
	}
	return &c, nil
}

func (f *fakeCustomers) Customers(ctx context.Context, q domain.CustomerQuery) ([]domain.Customer, error) {
	ids, _ := f.CustomerIDs(ctx, q)
	out := make([]domain.Customer, len(ids))
	for i, id := range ids {
		out[i] = f.byID[id]
	}
	return out, nil
}

func (f *fakeCustomers) CustomerIDs(_ context.Context, q domain.CustomerQuery) ([]int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var list []domain.Customer
	for _, c := range f.byID {
		if c.Archived && !q.IncludeArchived {
			continue
		}
		match := true
		for _, w := range strings.Fields(domain.Fold(q.Search)) {
			match = match && strings.Contains(c.SearchText(), w)
		}
		if match {
			list = append(list, c)
		}
	}
	sort.Slice(list, func(i, j int) bool { return (domain.Fold(list[i].Name) < domain.Fold(list[j].Name)) != q.Desc })
	ids := make([]int64, len(list))
	for i, c := range list {
		ids[i] = c.ID
	}
	return ids, nil
}

func (f *fakeCustomers) CustomerSummaries(_ context.Context, ids []int64) ([]domain.CustomerSummary, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.summaryCalls++
	out := make([]domain.CustomerSummary, 0, len(ids))
	for _, id := range ids {
		c := f.byID[id]
		out = append(out, domain.CustomerSummary{ID: c.ID, Name: c.Name, TaxNumber: c.TaxNumber,
			City: c.BillingAddress.City, Email: c.Email, MiniCRMID: c.MiniCRMID, Archived: c.Archived})
	}
	return out, nil
}

func (f *fakeCustomers) DeleteCustomer(_ context.Context, id int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.inUse[id] {
		return domain.Errorf(domain.EConflict, "A vevőnek már van kiállított bizonylata, ezért nem törölhető.")
	}
	delete(f.byID, id)
	return nil
}

func (f *fakeCustomers) SetCustomerArchived(_ context.Context, id int64, archived bool) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	c := f.byID[id]
	c.Archived = archived
	f.byID[id] = c
	return nil
}

func (f *fakeCustomers) ImportCustomers(ctx context.Context, cs []domain.Customer) error {
	for i := range cs {
		if err := f.CreateCustomer(ctx, &cs[i]); err != nil {
			return err
		}
	}
	return nil
}
