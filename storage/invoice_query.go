package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"konnyuszamla/domain"
)

// Documents implements domain.InvoiceService, newest first.
func (db *DB) Documents(ctx context.Context, q domain.InvoiceQuery) ([]domain.InvoiceSummary, error) {
	var where []string
	var args []any
	add := func(cond string, a ...any) { where = append(where, cond); args = append(args, a...) }
	if q.Type != "" {
		add("d.type = ?", string(q.Type))
	}
	if q.Status != "" {
		add("d.status = ?", string(q.Status))
	}
	if !q.From.IsZero() {
		add("d.issue_date >= ?", q.From.String())
	}
	if !q.To.IsZero() {
		add("d.issue_date <= ?", q.To.String())
	}
	if q.CustomerID != 0 {
		add("d.customer_id = ?", q.CustomerID)
	}
	for _, word := range strings.Fields(domain.Fold(q.Search)) {
		add("instr(d.search_key, ?) > 0", word)
	}
	if !q.OverdueOn.IsZero() {
		add("d.status = 'issued' AND d.type <> 'storno' AND d.due_date < ? AND d.paid_minor < d.payable_minor AND i.number IS NULL",
			q.OverdueOn.String())
	}
	clause := ""
	if len(where) > 0 {
		clause = " WHERE " + strings.Join(where, " AND ")
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT d.id, d.number, d.type, d.status, d.customer_id, d.buyer_name,
		d.issue_date, d.fulfilment_date, d.due_date, d.currency, d.gross_minor, d.payable_minor, d.paid_minor,
		coalesce(d.cancels, ''), coalesce(d.from_proforma, ''), coalesce(i.number, '')
		FROM documents d LEFT JOIN documents i ON i.from_proforma = d.number`+clause+
		` ORDER BY d.issue_date DESC, d.id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	defer rows.Close()
	// Sized from the table's row count, an upper bound: growing the slice of
	// 50 000 summaries step by step cost more than the query itself.
	var total int
	if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM documents`).Scan(&total); err != nil {
		return nil, fmt.Errorf("count documents: %w", err)
	}
	out := make([]domain.InvoiceSummary, 0, total)
	for rows.Next() {
		s, err := scanSummary(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

func scanSummary(rows *sql.Rows) (domain.InvoiceSummary, error) {
	var s domain.InvoiceSummary
	var typ, status, issue, fulfil, due, currency string
	var gross, payable, paid int64
	if err := rows.Scan(&s.ID, &s.Number, &typ, &status, &s.CustomerID, &s.BuyerName, &issue, &fulfil, &due,
		&currency, &gross, &payable, &paid, &s.Cancels, &s.FromProforma, &s.InvoicedAs); err != nil {
		return s, err
	}
	s.Type, s.Status = domain.DocumentType(typ), domain.InvoiceStatus(status)
	c := domain.Currency(currency)
	s.Gross, s.Payable, s.Paid = domain.Money{Minor: gross, Currency: c}, domain.Money{Minor: payable, Currency: c}, domain.Money{Minor: paid, Currency: c}
	var err error
	for _, d := range []struct {
		dst *domain.Date
		src string
	}{{&s.IssueDate, issue}, {&s.FulfilmentDate, fulfil}, {&s.DueDate, due}} {
		if *d.dst, err = domain.ParseDate(d.src); err != nil {
			return s, fmt.Errorf("document %s: %w", s.Number, err)
		}
	}
	return s, nil
}
