package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"

	"konnyuszamla/domain"
)

var _ domain.CustomerHistory = (*DB)(nil)

// recordCustomerHistory keeps the stored version of next.ID in the history
// before an update overwrites it with next, unless nothing would change.
// It runs inside the update's transaction, so the history and the update
// are written together or not at all.
func recordCustomerHistory(ctx context.Context, tx *sql.Tx, next *domain.Customer, reason domain.HistoryReason, now string) error {
	old, err := loadCustomer(ctx, tx, next.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // the update itself reports the missing customer
	}
	if err != nil {
		return fmt.Errorf("read customer %d for history: %w", next.ID, err)
	}
	if reflect.DeepEqual(old, next) {
		return nil
	}
	_, err = insertHistory(ctx, tx, old, reason, now)
	return err
}

// insertHistory stores c as an overwritten version and returns its id.
func insertHistory(ctx context.Context, tx *sql.Tx, c *domain.Customer, reason domain.HistoryReason, now string) (int64, error) {
	data, err := json.Marshal(c)
	if err != nil {
		return 0, fmt.Errorf("encode customer %d for history: %w", c.ID, err)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO customer_history (customer_id, version, reason, created_at) VALUES (?, ?, ?, ?)`,
		c.ID, string(data), string(reason), now)
	if err != nil {
		return 0, fmt.Errorf("store history of customer %d: %w", c.ID, err)
	}
	return res.LastInsertId()
}

// CustomerHistory implements domain.CustomerHistory: the overwritten
// versions of a customer, newest first.
func (db *DB) CustomerHistory(ctx context.Context, customerID int64) ([]domain.CustomerVersion, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT id, version, reason, created_at FROM customer_history
		WHERE customer_id = ? ORDER BY id DESC`, customerID)
	if err != nil {
		return nil, fmt.Errorf("read history of customer %d: %w", customerID, err)
	}
	defer rows.Close()
	var out []domain.CustomerVersion
	for rows.Next() {
		v := domain.CustomerVersion{CustomerID: customerID}
		var data, reason, at string
		if err := rows.Scan(&v.ID, &data, &reason, &at); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(data), &v.Customer); err != nil {
			return nil, fmt.Errorf("decode history %d: %w", v.ID, err)
		}
		v.Reason = domain.HistoryReason(reason)
		v.At = parseTime(at)
		out = append(out, v)
	}
	return out, rows.Err()
}

// historyVersion reads one stored version.
func historyVersion(ctx context.Context, tx *sql.Tx, id int64) (*domain.Customer, error) {
	var data string
	if err := tx.QueryRowContext(ctx, `SELECT version FROM customer_history WHERE id = ?`, id).Scan(&data); err != nil {
		return nil, fmt.Errorf("read history %d: %w", id, err)
	}
	var c domain.Customer
	if err := json.Unmarshal([]byte(data), &c); err != nil {
		return nil, fmt.Errorf("decode history %d: %w", id, err)
	}
	return &c, nil
}
