package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"konnyuszamla/domain"
)

var _ domain.CustomerService = (*DB)(nil)

// customerColumns are selected by every query that reads a whole customer,
// in the order scanCustomer expects.
const customerColumns = `id, kind, name, tax_number, eu_vat_number, email, phone, bank_account,
	billing_country, billing_postal_code, billing_city, billing_street,
	mailing_country, mailing_postal_code, mailing_city, mailing_street,
	note, minicrm_id, archived`

// CreateCustomer implements domain.CustomerService.
func (db *DB) CreateCustomer(ctx context.Context, c *domain.Customer) error {
	c.Normalize()
	if err := c.Validate(); err != nil {
		return err
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		id, err := insertCustomer(ctx, tx, c, formatTime(db.Now()))
		if err != nil {
			return fmt.Errorf("create customer: %w", formatError(err))
		}
		c.ID = id
		return nil
	})
}

// ImportCustomers implements domain.CustomerService: all rows in one
// transaction, so an error or a crash half-way stores none of them.
func (db *DB) ImportCustomers(ctx context.Context, cs []domain.Customer) error {
	for i := range cs {
		cs[i].Normalize()
		if err := cs[i].Validate(); err != nil {
			return fmt.Errorf("customer %d (%s): %w", i+1, cs[i].Name, err)
		}
	}
	now := formatTime(db.Now())
	return db.inTx(ctx, func(tx *sql.Tx) error {
		for i := range cs {
			id, err := insertCustomer(ctx, tx, &cs[i], now)
			if err != nil {
				return fmt.Errorf("import customer %d (%s): %w", i+1, cs[i].Name, formatError(err))
			}
			cs[i].ID = id
		}
		return nil
	})
}

func insertCustomer(ctx context.Context, tx *sql.Tx, c *domain.Customer, now string) (int64, error) {
	args := append(customerArgs(c), now, now)
	res, err := tx.ExecContext(ctx, `INSERT INTO customers (
		kind, name, tax_number, eu_vat_number, email, phone, bank_account,
		billing_country, billing_postal_code, billing_city, billing_street,
		mailing_country, mailing_postal_code, mailing_city, mailing_street,
		note, minicrm_id, archived, name_key, city_key, search_key, created_at, updated_at)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// customerArgs returns the stored columns of c from kind to search_key.
func customerArgs(c *domain.Customer) []any {
	var mailing domain.Address
	if c.MailingAddress != nil {
		mailing = *c.MailingAddress
	}
	var minicrm any
	if c.MiniCRMID != 0 {
		minicrm = c.MiniCRMID
	}
	return []any{
		string(c.Kind), c.Name, c.TaxNumber, c.EUVATNumber, c.Email, c.Phone, c.BankAccount,
		c.BillingAddress.Country, c.BillingAddress.PostalCode, c.BillingAddress.City, c.BillingAddress.Street,
		mailing.Country, mailing.PostalCode, mailing.City, mailing.Street,
		c.Note, minicrm, boolInt(c.Archived),
		domain.Fold(c.Name), domain.Fold(c.BillingAddress.City), c.SearchText(),
	}
}

// UpdateCustomer implements domain.CustomerService.
func (db *DB) UpdateCustomer(ctx context.Context, c *domain.Customer) error {
	c.Normalize()
	if err := c.Validate(); err != nil {
		return err
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		now := formatTime(db.Now())
		// The overwritten version goes to the history (Előzmények).
		if err := recordCustomerHistory(ctx, tx, c, domain.HistoryEdit, now); err != nil {
			return err
		}
		return updateCustomerRow(ctx, tx, c, now)
	})
}

// updateCustomerRow overwrites a customer row without validating it: the
// form validates its edits, and the sync stores MiniCRM's data as it is
// (the form asks for what is missing when it is next edited).
func updateCustomerRow(ctx context.Context, tx *sql.Tx, c *domain.Customer, now string) error {
	args := append(customerArgs(c), now, c.ID)
	res, err := tx.ExecContext(ctx, `UPDATE customers SET
		kind = ?, name = ?, tax_number = ?, eu_vat_number = ?, email = ?, phone = ?, bank_account = ?,
		billing_country = ?, billing_postal_code = ?, billing_city = ?, billing_street = ?,
		mailing_country = ?, mailing_postal_code = ?, mailing_city = ?, mailing_street = ?,
		note = ?, minicrm_id = ?, archived = ?, name_key = ?, city_key = ?, search_key = ?, updated_at = ?
		WHERE id = ?`, args...)
	if err != nil {
		return fmt.Errorf("update customer %d: %w", c.ID, formatError(err))
	}
	return requireOneRow(res, c.ID)
}

// CustomerByID implements domain.CustomerService.
func (db *DB) CustomerByID(ctx context.Context, id int64) (*domain.Customer, error) {
	c, err := loadCustomer(ctx, db.sql, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, customerNotFound(id)
	}
	if err != nil {
		return nil, fmt.Errorf("get customer %d: %w", id, err)
	}
	return c, nil
}

// DeleteCustomer implements domain.CustomerService. Issued documents refer
// to their customer with ON DELETE RESTRICT, so the database itself refuses.
func (db *DB) DeleteCustomer(ctx context.Context, id int64) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM customers WHERE id = ?`, id)
		if err != nil {
			if domain.ErrorCode(formatError(err)) == domain.EConflict {
				return &domain.Error{Code: domain.EConflict, Err: err,
					Message: "A vevőnek már van kiállított bizonylata, ezért nem törölhető. Archiválhatja: akkor nem jelenik meg a listában."}
			}
			return fmt.Errorf("delete customer %d: %w", id, err)
		}
		return requireOneRow(res, id)
	})
}

// SetCustomerArchived implements domain.CustomerService.
func (db *DB) SetCustomerArchived(ctx context.Context, id int64, archived bool) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE customers SET archived = ?, updated_at = ? WHERE id = ?`,
			boolInt(archived), formatTime(db.Now()), id)
		if err != nil {
			return fmt.Errorf("archive customer %d: %w", id, err)
		}
		return requireOneRow(res, id)
	})
}

// loadCustomer reads one whole customer; sql.ErrNoRows when there is none
// (each caller words that its own way).
func loadCustomer(ctx context.Context, q querier, id int64) (*domain.Customer, error) {
	return scanCustomer(q.QueryRowContext(ctx, `SELECT `+customerColumns+` FROM customers WHERE id = ?`, id))
}

func scanCustomer(row interface{ Scan(...any) error }) (*domain.Customer, error) {
	var c domain.Customer
	var kind string
	var mailing domain.Address
	var minicrm sql.NullInt64
	var archived int
	err := row.Scan(&c.ID, &kind, &c.Name, &c.TaxNumber, &c.EUVATNumber, &c.Email, &c.Phone, &c.BankAccount,
		&c.BillingAddress.Country, &c.BillingAddress.PostalCode, &c.BillingAddress.City, &c.BillingAddress.Street,
		&mailing.Country, &mailing.PostalCode, &mailing.City, &mailing.Street,
		&c.Note, &minicrm, &archived)
	if err != nil {
		return nil, err
	}
	c.Kind = domain.CustomerKind(kind)
	if !mailing.IsZero() {
		c.MailingAddress = &mailing
	}
	c.MiniCRMID = minicrm.Int64
	c.Archived = archived == 1
	return &c, nil
}

func requireOneRow(res sql.Result, id int64) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return customerNotFound(id)
	}
	return nil
}

func customerNotFound(id int64) error {
	return domain.Errorf(domain.ENotFound, "Nincs %d azonosítójú vevő.", id)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// placeholders returns "?,?,…" with n marks.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}
