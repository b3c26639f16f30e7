package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"konnyuszamla/domain"
)

var (
	_ domain.NAVSettingsStore = (*DB)(nil)
	_ domain.NAVReportStore   = (*DB)(nil)
	_ domain.NAVQueue         = (*DB)(nil)
)

// NAVSettings implements domain.NAVSettingsStore: the saved settings, or
// the zero value (test system) before the first save.
func (db *DB) NAVSettings(ctx context.Context) (domain.NAVSettings, error) {
	var s domain.NAVSettings
	var prod int64
	err := db.sql.QueryRowContext(ctx, `SELECT login, tax_number, production FROM nav_settings WHERE id = 1`).
		Scan(&s.Login, &s.TaxNumber, &prod)
	if errors.Is(err, sql.ErrNoRows) {
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("read nav settings: %w", err)
	}
	s.Production = prod != 0
	return s, nil
}

// SaveNAVSettings implements domain.NAVSettingsStore.
func (db *DB) SaveNAVSettings(ctx context.Context, s *domain.NAVSettings) error {
	s.Normalize()
	if err := s.Validate(); err != nil {
		return err
	}
	prod := 0
	if s.Production {
		prod = 1
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO nav_settings (id, login, tax_number, production, updated_at)
			VALUES (1, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET login = excluded.login, tax_number = excluded.tax_number,
				production = excluded.production, updated_at = excluded.updated_at`,
			s.Login, s.TaxNumber, prod, formatTime(db.Now()))
		if err != nil {
			return fmt.Errorf("save nav settings: %w", err)
		}
		return nil
	})
}

// enqueueNAVReport adds the report of a newly issued invoice or sztornó to
// the queue, in the transaction that issues it; proformas are not reported.
// A sztornó gets the next modification index of its invoice's chain.
func enqueueNAVReport(ctx context.Context, tx *sql.Tx, documentID int64, inv *domain.Invoice, now time.Time) error {
	var op string
	var original, index any
	switch inv.Type {
	case domain.DocInvoice:
		op = "CREATE"
	case domain.DocStorno:
		op, original = "STORNO", inv.Cancels
		var next int64
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(modification_index), 0) + 1 FROM nav_reports WHERE original = ?`,
			inv.Cancels).Scan(&next); err != nil {
			return fmt.Errorf("next modification index of %s: %w", inv.Cancels, err)
		}
		index = next
	default:
		return nil
	}
	at := formatTime(now)
	_, err := tx.ExecContext(ctx, `INSERT INTO nav_reports (document_id, number, operation, original, modification_index, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, documentID, inv.Number, op, original, index, at, at)
	if err != nil {
		return fmt.Errorf("queue nav report of %s: %w", inv.Number, err)
	}
	return nil
}

// ResendNAVReport implements domain.NAVReportStore.
func (db *DB) ResendNAVReport(ctx context.Context, number string) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		items, err := queryNAVItems(ctx, tx, `WHERE r.number = ?`, number)
		if err != nil {
			return err
		}
		if len(items) == 0 {
			return domain.Errorf(domain.ENotFound, "A(z) %s bizonylatnak nincs NAV jelentése (díjbekérő vagy nem létező sorszám).", number)
		}
		r := items[0].NAVReport
		switch {
		case r.State != domain.NAVAborted:
			return domain.Errorf(domain.EConflict, "A(z) %s jelentése nem hibás (%s): nincs mit újraküldeni.", number, r.State.Label())
		case !r.Resendable():
			return domain.Errorf(domain.EConflict, "A(z) %s nem küldhető újra. %s", number, domain.NAVAdvice(&r))
		}
		_, err = tx.ExecContext(ctx, `UPDATE nav_reports SET state = 'pending', attempts = 0, last_error = '',
			next_attempt_at = '', updated_at = ? WHERE id = ?`, formatTime(db.Now()), items[0].ID)
		if err != nil {
			return fmt.Errorf("requeue nav report %s: %w", number, err)
		}
		return nil
	})
}
