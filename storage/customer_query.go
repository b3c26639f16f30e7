package storage

import (
	"context"
	"fmt"
	"strings"

	"konnyuszamla/domain"
)

// sortColumns maps the sortable fields to indexed columns.
var sortColumns = map[domain.CustomerSortField]string{
	domain.SortByName:      "name_key",
	domain.SortByTaxNumber: "tax_number",
	domain.SortByCity:      "city_key",
	domain.SortByEmail:     "email COLLATE NOCASE",
}

// customerFilter builds the WHERE and ORDER BY clauses of a customer query.
// Every word of the search must occur in the folded search text.
func customerFilter(q domain.CustomerQuery) (string, []any) {
	var where []string
	var args []any
	if !q.IncludeArchived {
		where = append(where, "archived = 0")
	}
	for _, word := range strings.Fields(domain.Fold(q.Search)) {
		where = append(where, "instr(search_key, ?) > 0")
		args = append(args, word)
	}
	clause := ""
	if len(where) > 0 {
		clause = " WHERE " + strings.Join(where, " AND ")
	}
	col, ok := sortColumns[q.Sort]
	if !ok {
		col = sortColumns[domain.SortByName]
	}
	dir := " ASC"
	if q.Desc {
		dir = " DESC"
	}
	return clause + " ORDER BY " + col + dir + ", id" + dir, args
}

// CustomerIDs implements domain.CustomerService.
func (db *DB) CustomerIDs(ctx context.Context, q domain.CustomerQuery) ([]int64, error) {
	clause, args := customerFilter(q)
	rows, err := db.sql.QueryContext(ctx, `SELECT id FROM customers`+clause, args...)
	if err != nil {
		return nil, fmt.Errorf("search customers: %w", err)
	}
	defer rows.Close()
	ids := make([]int64, 0, 256)
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// CustomerSummaries implements domain.CustomerService.
func (db *DB) CustomerSummaries(ctx context.Context, ids []int64) ([]domain.CustomerSummary, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT id, name, tax_number, billing_city, email, minicrm_id, archived
		FROM customers WHERE id IN (`+placeholders(len(ids))+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("customer rows: %w", err)
	}
	defer rows.Close()
	byID := make(map[int64]domain.CustomerSummary, len(ids))
	for rows.Next() {
		var s domain.CustomerSummary
		var minicrm *int64
		var archived int
		if err := rows.Scan(&s.ID, &s.Name, &s.TaxNumber, &s.City, &s.Email, &minicrm, &archived); err != nil {
			return nil, err
		}
		if minicrm != nil {
			s.MiniCRMID = *minicrm
		}
		s.Archived = archived == 1
		byID[s.ID] = s
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]domain.CustomerSummary, 0, len(ids))
	for _, id := range ids {
		if s, ok := byID[id]; ok {
			out = append(out, s)
		}
	}
	return out, nil
}

// Customers implements domain.CustomerService.
func (db *DB) Customers(ctx context.Context, q domain.CustomerQuery) ([]domain.Customer, error) {
	clause, args := customerFilter(q)
	rows, err := db.sql.QueryContext(ctx, `SELECT `+customerColumns+` FROM customers`+clause, args...)
	if err != nil {
		return nil, fmt.Errorf("list customers: %w", err)
	}
	defer rows.Close()
	var out []domain.Customer
	for rows.Next() {
		c, err := scanCustomer(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *c)
	}
	return out, rows.Err()
}
