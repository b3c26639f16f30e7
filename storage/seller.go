package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"konnyuszamla/domain"
)

var _ domain.InvoiceService = (*DB)(nil)

const invoiceSettingsKey = "invoicing"

// Seller implements domain.InvoiceService; an empty seller until one is saved.
func (db *DB) Seller(ctx context.Context) (*domain.Seller, error) {
	return loadSeller(ctx, db.sql)
}

func loadSeller(ctx context.Context, q querier) (*domain.Seller, error) {
	var data string
	err := q.QueryRowContext(ctx, `SELECT data FROM seller WHERE id = 1`).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return &domain.Seller{Address: domain.Address{Country: "HU"}}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read seller: %w", err)
	}
	var s domain.Seller
	if err := json.Unmarshal([]byte(data), &s); err != nil {
		return nil, fmt.Errorf("decode seller: %w", err)
	}
	return &s, nil
}

// SaveSeller implements domain.InvoiceService.
func (db *DB) SaveSeller(ctx context.Context, s *domain.Seller) error {
	s.Normalize()
	if err := s.Validate(); err != nil {
		return err
	}
	data, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("encode seller: %w", err)
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO seller (id, data, updated_at) VALUES (1, ?, ?)
			ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
			string(data), formatTime(db.Now()))
		if err != nil {
			return fmt.Errorf("save seller: %w", err)
		}
		return nil
	})
}

// InvoiceSettings implements domain.InvoiceService.
func (db *DB) InvoiceSettings(ctx context.Context) (domain.InvoiceSettings, error) {
	return loadInvoiceSettings(ctx, db.sql)
}

func loadInvoiceSettings(ctx context.Context, q querier) (domain.InvoiceSettings, error) {
	s := domain.DefaultInvoiceSettings()
	var data string
	err := q.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, invoiceSettingsKey).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("read invoice settings: %w", err)
	}
	if err := json.Unmarshal([]byte(data), &s); err != nil {
		return s, fmt.Errorf("decode invoice settings: %w", err)
	}
	return s, nil
}

// SaveInvoiceSettings implements domain.InvoiceService.
func (db *DB) SaveInvoiceSettings(ctx context.Context, s domain.InvoiceSettings) error {
	s.InvoiceFormat.Normalize()
	s.ProformaFormat.Normalize()
	if err := s.Validate(); err != nil {
		return err
	}
	data, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("encode invoice settings: %w", err)
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, invoiceSettingsKey, string(data))
		if err != nil {
			return fmt.Errorf("save invoice settings: %w", err)
		}
		return nil
	})
}

// querier is what *sql.DB and *sql.Tx have in common for reads.
type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}
