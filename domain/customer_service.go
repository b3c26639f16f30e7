package domain

import "context"

// CustomerSortField names a column the customer list can be sorted by.
type CustomerSortField string

// The sortable customer columns.
const (
	SortByName      CustomerSortField = "name"
	SortByTaxNumber CustomerSortField = "taxNumber"
	SortByCity      CustomerSortField = "city"
	SortByEmail     CustomerSortField = "email"
)

// CustomerQuery selects and orders customers. Search matches folded text
// (see Fold) anywhere in the name, tax number, city or e-mail.
type CustomerQuery struct {
	Search          string
	IncludeArchived bool
	Sort            CustomerSortField
	Desc            bool
}

// CustomerSummary is one row of the customer list.
type CustomerSummary struct {
	ID        int64
	Name      string
	TaxNumber string
	City      string
	Email     string
	MiniCRMID int64
	Archived  bool
}

// CustomerService is the customer register. Implementations validate before
// writing and return *Error values: EInvalid with field errors, ENotFound for
// an unknown id, EConflict for a customer that cannot be deleted or a MiniCRM
// id that is already linked to another customer.
type CustomerService interface {
	// CreateCustomer normalises, validates and stores c, and sets c.ID.
	CreateCustomer(ctx context.Context, c *Customer) error
	// UpdateCustomer normalises, validates and replaces the stored customer c.ID.
	UpdateCustomer(ctx context.Context, c *Customer) error
	CustomerByID(ctx context.Context, id int64) (*Customer, error)
	// CustomerIDs returns the ids of the matching customers in list order;
	// the list view fetches the rows it shows with CustomerSummaries.
	CustomerIDs(ctx context.Context, q CustomerQuery) ([]int64, error)
	// CustomerSummaries returns the rows for ids, in the order of ids.
	CustomerSummaries(ctx context.Context, ids []int64) ([]CustomerSummary, error)
	// Customers returns the matching customers in full, in list order.
	Customers(ctx context.Context, q CustomerQuery) ([]Customer, error)
	// DeleteCustomer removes a customer that has no issued documents;
	// otherwise it returns EConflict and the customer can be archived.
	DeleteCustomer(ctx context.Context, id int64) error
	SetCustomerArchived(ctx context.Context, id int64, archived bool) error
	// ImportCustomers stores all of cs in one transaction, or none of them.
	ImportCustomers(ctx context.Context, cs []Customer) error
}
