package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"konnyuszamla/domain"
)

// AddSyncLog implements domain.SyncStore: it adds e (usually "running")
// and sets e.ID.
func (db *DB) AddSyncLog(ctx context.Context, e *domain.SyncLogEntry) error {
	data, err := json.Marshal(e.Report)
	if err != nil {
		return fmt.Errorf("encode sync report: %w", err)
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO sync_log (status, started_at, finished_at, requests, report)
			VALUES (?, ?, ?, ?, ?)`, string(e.Status), optionalTime(e.Report.Started), optionalTime(e.Report.Finished),
			e.Report.Requests, string(data))
		if err != nil {
			return fmt.Errorf("add sync log: %w", err)
		}
		e.ID, err = res.LastInsertId()
		return err
	})
}

// UpdateSyncLog implements domain.SyncStore.
func (db *DB) UpdateSyncLog(ctx context.Context, e *domain.SyncLogEntry) error {
	data, err := json.Marshal(e.Report)
	if err != nil {
		return fmt.Errorf("encode sync report: %w", err)
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE sync_log SET status = ?, started_at = ?, finished_at = ?, requests = ?, report = ?
			WHERE id = ?`, string(e.Status), optionalTime(e.Report.Started), optionalTime(e.Report.Finished),
			e.Report.Requests, string(data), e.ID)
		if err != nil {
			return fmt.Errorf("update sync log %d: %w", e.ID, err)
		}
		return nil
	})
}

// SyncLog implements domain.SyncStore: the newest limit entries, newest
// first (limit <= 0: all).
func (db *DB) SyncLog(ctx context.Context, limit int) ([]domain.SyncLogEntry, error) {
	if limit <= 0 {
		limit = -1
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT id, status, report FROM sync_log ORDER BY id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("read sync log: %w", err)
	}
	defer rows.Close()
	var out []domain.SyncLogEntry
	for rows.Next() {
		var e domain.SyncLogEntry
		var status, data string
		if err := rows.Scan(&e.ID, &status, &data); err != nil {
			return nil, err
		}
		e.Status = domain.SyncStatus(status)
		if err := json.Unmarshal([]byte(data), &e.Report); err != nil {
			return nil, fmt.Errorf("decode sync log %d: %w", e.ID, err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
