package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"konnyuszamla/domain"
)

// Document implements domain.InvoiceService.
func (db *DB) Document(ctx context.Context, number string) (*domain.Invoice, error) {
	inv, _, err := loadDocument(ctx, db.sql, number)
	return inv, err
}

// loadDocument reads a stored document with its status and payments.
func loadDocument(ctx context.Context, q querier, number string) (*domain.Invoice, int64, error) {
	var id int64
	var status, data string
	err := q.QueryRowContext(ctx, `SELECT d.id, d.status, dd.data FROM documents d
		JOIN document_data dd ON dd.document_id = d.id WHERE d.number = ?`, number).Scan(&id, &status, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, 0, documentNotFound(number)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("read document %s: %w", number, err)
	}
	var inv domain.Invoice
	if err := json.Unmarshal([]byte(data), &inv); err != nil {
		return nil, 0, fmt.Errorf("decode document %s: %w", number, err)
	}
	inv.Status = domain.InvoiceStatus(status)
	rows, err := q.QueryContext(ctx, `SELECT date, amount, method FROM payments WHERE document_id = ? ORDER BY id`, id)
	if err != nil {
		return nil, 0, fmt.Errorf("read payments of %s: %w", number, err)
	}
	defer rows.Close()
	for rows.Next() {
		var date, amount, method string
		if err := rows.Scan(&date, &amount, &method); err != nil {
			return nil, 0, err
		}
		p := domain.Payment{Method: domain.PaymentMethod(method)}
		if p.Date, err = domain.ParseDate(date); err != nil {
			return nil, 0, fmt.Errorf("payment date of %s: %w", number, err)
		}
		if p.Amount, err = domain.ParseDecimal(amount); err != nil {
			return nil, 0, fmt.Errorf("payment amount of %s: %w", number, err)
		}
		inv.Payments = append(inv.Payments, p)
	}
	return &inv, id, rows.Err()
}

// CancelInvoice implements domain.InvoiceService: the sztornó and the
// original's new status are stored in one transaction.
func (db *DB) CancelInvoice(ctx context.Context, number string, issueDate domain.Date) (*domain.Invoice, error) {
	return db.issue(ctx, func(tx *sql.Tx, _ domain.InvoiceSettings) (*domain.Invoice, func(*sql.Tx, int64) error, error) {
		orig, _, err := loadDocument(ctx, tx, number)
		if err != nil {
			return nil, nil, err
		}
		if issueDate.IsZero() {
			issueDate = db.today()
		}
		storno, err := domain.NewStorno(orig, "", issueDate)
		if err != nil {
			return nil, nil, err
		}
		markCancelled := func(tx *sql.Tx, _ int64) error {
			if _, err := tx.ExecContext(ctx, `UPDATE documents SET status = 'cancelled' WHERE number = ?`, number); err != nil {
				return err
			}
			return enqueueUploadUpdate(ctx, tx, number, domain.OutboxCancelled, db.Now())
		}
		return storno, markCancelled, nil
	})
}

// ConvertProforma implements domain.InvoiceService. The invoice keeps the
// proforma's buyer and lines and takes the current seller profile.
func (db *DB) ConvertProforma(ctx context.Context, number string, issueDate domain.Date) (*domain.Invoice, error) {
	return db.issue(ctx, func(tx *sql.Tx, settings domain.InvoiceSettings) (*domain.Invoice, func(*sql.Tx, int64) error, error) {
		p, _, err := loadDocument(ctx, tx, number)
		if err != nil {
			return nil, nil, err
		}
		if issueDate.IsZero() {
			issueDate = db.today()
		}
		inv, err := domain.ConvertProforma(p, issueDate, settings.PaymentDays)
		if err != nil {
			return nil, nil, err
		}
		if err := db.attachSeller(ctx, tx, inv); err != nil {
			return nil, nil, err
		}
		return inv, nil, nil
	})
}

// WithdrawProforma implements domain.InvoiceService.
func (db *DB) WithdrawProforma(ctx context.Context, number string) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		p, _, err := loadDocument(ctx, tx, number)
		if err != nil {
			return err
		}
		var invoiced sql.NullString
		tx.QueryRowContext(ctx, `SELECT number FROM documents WHERE from_proforma = ?`, number).Scan(&invoiced)
		switch {
		case p.Type != domain.DocProforma:
			return domain.Errorf(domain.EInvalid, "Csak díjbekérő vonható vissza; számlát sztornózni kell.")
		case invoiced.Valid:
			return domain.Errorf(domain.EConflict, "A(z) %s díjbekérőből már számla készült (%s), nem vonható vissza.", number, invoiced.String)
		case p.Status == domain.InvoiceWithdrawn:
			return domain.Errorf(domain.EConflict, "A(z) %s díjbekérő már vissza van vonva.", number)
		case p.Status != domain.InvoiceIssued || p.PaidAmount().Sign() > 0:
			return domain.Errorf(domain.EConflict, "A(z) %s díjbekérőre már fizettek, nem vonható vissza: készítsen belőle számlát.", number)
		}
		if _, err = tx.ExecContext(ctx, `UPDATE documents SET status = 'withdrawn' WHERE number = ?`, number); err != nil {
			return err
		}
		return enqueueUploadUpdate(ctx, tx, number, domain.OutboxCancelled, db.Now())
	})
}

// AddPayment implements domain.InvoiceService.
func (db *DB) AddPayment(ctx context.Context, number string, p domain.Payment) (*domain.Invoice, error) {
	var inv *domain.Invoice
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		var id int64
		var err error
		inv, id, err = loadDocument(ctx, tx, number)
		if err != nil {
			return err
		}
		if p.Date.IsZero() {
			p.Date = db.today()
		}
		if p.Date.After(db.today()) {
			return domain.Errorf(domain.EInvalid, "A fizetés dátuma (%s) nem lehet jövőbeli.", p.Date.FormatHU())
		}
		if err := inv.AddPayment(p); err != nil {
			return err
		}
		if err := insertPayment(ctx, tx, id, inv.Payments[len(inv.Payments)-1], db.Now()); err != nil {
			return err
		}
		if err := updatePaid(ctx, tx, id, inv); err != nil {
			return err
		}
		if inv.Status == domain.InvoicePaid {
			return enqueueUploadUpdate(ctx, tx, number, domain.OutboxPaid, db.Now())
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return inv, nil
}

func insertPayment(ctx context.Context, tx *sql.Tx, documentID int64, p domain.Payment, now time.Time) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO payments (document_id, date, amount, method, created_at) VALUES (?, ?, ?, ?, ?)`,
		documentID, p.Date.String(), p.Amount.String(), string(p.Method), formatTime(now))
	if err != nil {
		return fmt.Errorf("store payment: %w", err)
	}
	return nil
}

// updatePaid writes the paid total and, once covered, the paid status.
func updatePaid(ctx context.Context, tx *sql.Tx, id int64, inv *domain.Invoice) error {
	paid, err := domain.MoneyFromDecimal(inv.PaidAmount(), inv.Currency)
	if err != nil {
		return err
	}
	status := inv.Status
	if status == "" || status == domain.InvoiceIssued {
		status = inv.IssuedStatus()
	}
	_, err = tx.ExecContext(ctx, `UPDATE documents SET paid_minor = ?, status = ? WHERE id = ?`, paid.Minor, string(status), id)
	if err != nil {
		return fmt.Errorf("update paid total: %w", err)
	}
	inv.Status = status
	return nil
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func documentNotFound(number string) error {
	return domain.Errorf(domain.ENotFound, "Nincs %s sorszámú bizonylat.", number)
}
