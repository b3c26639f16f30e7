package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"konnyuszamla/domain"
)

var _ domain.MiniCRMSettingsStore = (*DB)(nil)

// MiniCRMSettings implements domain.MiniCRMSettingsStore: the saved
// settings, or the defaults before the first save.
func (db *DB) MiniCRMSettings(ctx context.Context) (domain.MiniCRMSettings, error) {
	s := domain.DefaultMiniCRMSettings()
	var (
		ips  string
		demo int64
	)
	err := db.sql.QueryRowContext(ctx, `SELECT system_id, company, base_url, demo, allowed_ips, customers_module, invoices_module
		FROM minicrm_settings WHERE id = 1`).
		Scan(&s.SystemID, &s.Company, &s.BaseURL, &demo, &ips, &s.CustomersModule, &s.InvoicesModule)
	if errors.Is(err, sql.ErrNoRows) {
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("read minicrm settings: %w", err)
	}
	s.Demo = demo != 0
	if err := json.Unmarshal([]byte(ips), &s.AllowedIPs); err != nil {
		return s, fmt.Errorf("decode minicrm allowed ips: %w", err)
	}
	if s.AllowedIPs == nil {
		s.AllowedIPs = []string{}
	}
	return s, nil
}

// SaveMiniCRMSettings implements domain.MiniCRMSettingsStore. The settings
// carry no key; Validate refuses a base URL with credentials, and so does
// the table's CHECK.
func (db *DB) SaveMiniCRMSettings(ctx context.Context, s *domain.MiniCRMSettings) error {
	s.Normalize()
	if err := s.Validate(); err != nil {
		return err
	}
	ips, err := json.Marshal(s.AllowedIPs)
	if err != nil {
		return fmt.Errorf("encode minicrm allowed ips: %w", err)
	}
	demo := 0
	if s.Demo {
		demo = 1
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO minicrm_settings
			(id, system_id, company, base_url, demo, allowed_ips, customers_module, invoices_module, updated_at)
			VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET system_id = excluded.system_id, company = excluded.company,
				base_url = excluded.base_url, demo = excluded.demo, allowed_ips = excluded.allowed_ips,
				customers_module = excluded.customers_module, invoices_module = excluded.invoices_module,
				updated_at = excluded.updated_at`,
			s.SystemID, s.Company, s.BaseURL, demo, string(ips), s.CustomersModule, s.InvoicesModule, formatTime(db.Now()))
		if err != nil {
			return fmt.Errorf("save minicrm settings: %w", err)
		}
		return nil
	})
}
