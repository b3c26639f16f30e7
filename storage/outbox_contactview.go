package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"konnyuszamla/domain"
)

var _ domain.CRMContactCache = (*DB)(nil)

// SaveCRMContactView implements domain.CRMContactCache.
func (db *DB) SaveCRMContactView(ctx context.Context, v *domain.CRMContactView) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode minicrm contact view: %w", err)
	}
	_, err = db.sql.ExecContext(ctx, `INSERT INTO minicrm_contact_views (contact_id, data, loaded_at) VALUES (?, ?, ?)
		ON CONFLICT (contact_id) DO UPDATE SET data = excluded.data, loaded_at = excluded.loaded_at`,
		v.ContactID, string(data), formatTime(v.LoadedAt))
	if err != nil {
		return fmt.Errorf("save minicrm contact view: %w", err)
	}
	return nil
}

// CRMContactViewCopy implements domain.CRMContactCache.
func (db *DB) CRMContactViewCopy(ctx context.Context, contactID int64) (*domain.CRMContactView, error) {
	var data string
	err := db.sql.QueryRowContext(ctx, `SELECT data FROM minicrm_contact_views WHERE contact_id = ?`, contactID).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.Errorf(domain.ENotFound, "A vevő MiniCRM-adatai még nem töltődtek le.")
	}
	if err != nil {
		return nil, fmt.Errorf("read minicrm contact view: %w", err)
	}
	var v domain.CRMContactView
	if err := json.Unmarshal([]byte(data), &v); err != nil {
		return nil, fmt.Errorf("decode minicrm contact view: %w", err)
	}
	return &v, nil
}
