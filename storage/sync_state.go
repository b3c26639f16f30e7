package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"konnyuszamla/domain"
)

var _ domain.SyncStore = (*DB)(nil)

// SyncState implements domain.SyncStore.
func (db *DB) SyncState(ctx context.Context) (domain.SyncState, error) {
	return syncReadState(ctx, db.sql)
}

type syncQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func syncReadState(ctx context.Context, q syncQuerier) (domain.SyncState, error) {
	var st domain.SyncState
	var watermark, since, first, statuses string
	err := q.QueryRowContext(ctx, `SELECT watermark, run_id, run_since, run_first_start, card_status_id, success_statuses
		FROM sync_state WHERE id = 1`).Scan(&watermark, &st.RunID, &since, &first, &st.CardStatusID, &statuses)
	if err != nil {
		return st, fmt.Errorf("read sync state: %w", err)
	}
	st.Watermark, st.RunSince, st.RunFirstStart = parseTime(watermark), parseTime(since), parseTime(first)
	var raw map[string]int
	if err := json.Unmarshal([]byte(statuses), &raw); err != nil {
		return st, fmt.Errorf("decode seen statuses: %w", err)
	}
	st.SuccessStatuses = make(map[int64]int, len(raw))
	for k, n := range raw {
		if id, err := strconv.ParseInt(k, 10, 64); err == nil {
			st.SuccessStatuses[id] = n
		}
	}
	return st, nil
}

// BeginSyncRun implements domain.SyncStore: a new run fetches changes
// after the watermark; an unfinished one is resumed as it was.
func (db *DB) BeginSyncRun(ctx context.Context, now time.Time) (domain.SyncState, error) {
	var st domain.SyncState
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if st, err = syncReadState(ctx, tx); err != nil {
			return err
		}
		if st.RunID != 0 {
			st.Resumed = true
			return nil
		}
		if err := tx.QueryRowContext(ctx, `UPDATE sync_state SET run_id = last_run_id + 1, last_run_id = last_run_id + 1,
			run_since = watermark, run_first_start = ? WHERE id = 1 RETURNING run_id`, formatTime(now)).Scan(&st.RunID); err != nil {
			return fmt.Errorf("begin sync run: %w", err)
		}
		st.RunSince, st.RunFirstStart = st.Watermark, now
		return nil
	})
	return st, err
}

// FinishSyncRun implements domain.SyncStore.
func (db *DB) FinishSyncRun(ctx context.Context, w time.Time) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE sync_state SET watermark = ?, run_id = 0, run_since = '', run_first_start = ''
			WHERE id = 1`, optionalTime(w))
		if err != nil {
			return fmt.Errorf("finish sync run: %w", err)
		}
		return nil
	})
}

var _ domain.CardStatusStore = (*DB)(nil)

// CardStatus implements domain.CardStatusStore: the status chosen for the
// cards of new MiniCRM customers (0: automatic).
func (db *DB) CardStatus(ctx context.Context) (int64, error) {
	var id int64
	err := db.sql.QueryRowContext(ctx, `SELECT card_status_id FROM sync_state WHERE id = 1`).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read card status: %w", err)
	}
	return id, nil
}

// SetCardStatus implements domain.SyncStore.
func (db *DB) SetCardStatus(ctx context.Context, statusID int64) error {
	if statusID < 0 {
		return domain.Errorf(domain.EInvalid, "A státusz azonosítója pozitív egész szám (0: automatikus).")
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE sync_state SET card_status_id = ? WHERE id = 1`, statusID); err != nil {
			return fmt.Errorf("set card status: %w", err)
		}
		return nil
	})
}

// LearnSuccessStatuses implements domain.SyncStore.
func (db *DB) LearnSuccessStatuses(ctx context.Context, seen map[int64]int) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		st, err := syncReadState(ctx, tx)
		if err != nil {
			return err
		}
		raw := make(map[string]int, len(st.SuccessStatuses)+len(seen))
		for id, n := range st.SuccessStatuses {
			raw[strconv.FormatInt(id, 10)] = n
		}
		for id, n := range seen {
			raw[strconv.FormatInt(id, 10)] += n
		}
		data, err := json.Marshal(raw)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE sync_state SET success_statuses = ? WHERE id = 1`, string(data)); err != nil {
			return fmt.Errorf("store seen statuses: %w", err)
		}
		return nil
	})
}

// StageRemote implements domain.SyncStore: the fetched customer is kept
// (replacing an older fetch of it) until pass 1 applies it.
func (db *DB) StageRemote(ctx context.Context, runID int64, rc domain.RemoteCustomer) error {
	data, err := json.Marshal(rc)
	if err != nil {
		return fmt.Errorf("encode minicrm customer %d: %w", rc.ID, err)
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO sync_staging (remote_id, run_id, data, fetched_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (remote_id) DO UPDATE SET run_id = excluded.run_id, data = excluded.data, fetched_at = excluded.fetched_at`,
			rc.ID, runID, string(data), formatTime(db.Now()))
		if err != nil {
			return fmt.Errorf("stage minicrm customer %d: %w", rc.ID, err)
		}
		return nil
	})
}

// StagedRemotes implements domain.SyncStore, in fetch order.
func (db *DB) StagedRemotes(ctx context.Context) ([]domain.StagedRemote, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT run_id, data FROM sync_staging ORDER BY fetched_at, remote_id`)
	if err != nil {
		return nil, fmt.Errorf("read staged customers: %w", err)
	}
	defer rows.Close()
	var out []domain.StagedRemote
	for rows.Next() {
		var st domain.StagedRemote
		var data string
		if err := rows.Scan(&st.RunID, &data); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(data), &st.Remote); err != nil {
			return nil, fmt.Errorf("decode staged customer: %w", err)
		}
		out = append(out, st)
	}
	return out, rows.Err()
}
