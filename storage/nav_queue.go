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

// navTimeLayout is the queue's time format: fixed width, so that the
// stored texts compare in time order.
const navTimeLayout = "2006-01-02T15:04:05.000Z"

func navTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(navTimeLayout)
}

const navItemColumns = `r.id, r.number, d.type, r.operation, COALESCE(r.original, ''), COALESCE(r.modification_index, 0),
	r.state, r.batch_key, r.batch_index, r.transaction_id, r.payload, r.submitted_at, r.attempts, r.messages,
	r.last_error, r.created_at, r.updated_at, COALESCE(o.state, ''), COALESCE(o.messages, '[]')`

// queryNAVItems reads reports with their document type and, for a
// sztornó, its invoice's report state.
func queryNAVItems(ctx context.Context, q querier, where string, args ...any) ([]domain.NAVQueueItem, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+navItemColumns+` FROM nav_reports r
		JOIN documents d ON d.id = r.document_id
		LEFT JOIN nav_reports o ON o.number = r.original `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("read nav reports: %w", err)
	}
	defer rows.Close()
	var out []domain.NAVQueueItem
	for rows.Next() {
		var it domain.NAVQueueItem
		var typ, state, submitted, msgs, created, updated, origState, origMsgs string
		if err := rows.Scan(&it.ID, &it.Number, &typ, &it.Operation, &it.Original, &it.ModificationIndex,
			&state, &it.BatchKey, &it.BatchIndex, &it.TransactionID, &it.Payload, &submitted, &it.Attempts, &msgs,
			&it.LastError, &created, &updated, &origState, &origMsgs); err != nil {
			return nil, fmt.Errorf("read nav report: %w", err)
		}
		it.Type, it.State, it.OriginalState = domain.DocumentType(typ), domain.NAVState(state), domain.NAVState(origState)
		it.SubmittedAt, it.CreatedAt, it.UpdatedAt = parseTime(submitted), parseTime(created), parseTime(updated)
		if err := json.Unmarshal([]byte(msgs), &it.Messages); err != nil {
			return nil, fmt.Errorf("decode nav messages of %s: %w", it.Number, err)
		}
		if err := json.Unmarshal([]byte(origMsgs), &it.OriginalMessages); err != nil {
			return nil, fmt.Errorf("decode nav messages of %s: %w", it.Original, err)
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// NAVDue implements domain.NAVQueue.
func (db *DB) NAVDue(ctx context.Context, now time.Time, max int) ([]domain.NAVQueueItem, error) {
	return queryNAVItems(ctx, db.sql, `WHERE r.state = 'pending' AND (r.next_attempt_at = '' OR r.next_attempt_at <= ?)
		AND (r.operation = 'CREATE' OR o.id IS NULL OR o.state IN ('done', 'aborted'))
		ORDER BY r.id LIMIT ?`, navTime(now), max)
}

// NAVInFlight implements domain.NAVQueue.
func (db *DB) NAVInFlight(ctx context.Context) ([]domain.NAVQueueItem, error) {
	return queryNAVItems(ctx, db.sql, `WHERE r.state IN ('sending', 'unknown', 'received', 'processing') ORDER BY r.id`)
}

// NAVBeginSend implements domain.NAVQueue.
func (db *DB) NAVBeginSend(ctx context.Context, batchKey string, items []domain.NAVQueueItem, at time.Time) (bool, error) {
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		for _, it := range items {
			res, err := tx.ExecContext(ctx, `UPDATE nav_reports SET state = 'sending', batch_key = ?, batch_index = ?,
				transaction_id = '', payload = ?, submitted_at = ?, updated_at = ? WHERE id = ? AND state = 'pending'`,
				batchKey, it.BatchIndex, it.Payload, navTime(at), formatTime(db.Now()), it.ID)
			if err != nil {
				return fmt.Errorf("mark nav report %s sending: %w", it.Number, err)
			}
			if n, err := res.RowsAffected(); err != nil || n != 1 {
				return errNAVTaken
			}
		}
		return nil
	})
	if errors.Is(err, errNAVTaken) {
		return false, nil
	}
	return err == nil, err
}

// errNAVTaken rolls back a send another worker got to first.
var errNAVTaken = errors.New("nav report taken by another worker")

// NAVUpdate implements domain.NAVQueue.
func (db *DB) NAVUpdate(ctx context.Context, id int64, u domain.NAVUpdate) error {
	set := []string{"state = ?", "last_error = ?", "next_attempt_at = ?", "updated_at = ?"}
	args := []any{string(u.State), u.LastError, navTime(u.RetryAt), formatTime(db.Now())}
	if u.TransactionID != "" {
		set, args = append(set, "transaction_id = ?"), append(args, u.TransactionID)
	}
	if u.ClearTransaction {
		set = append(set, "transaction_id = ''", "batch_key = ''", "batch_index = 0")
	}
	if u.BatchIndex > 0 {
		set, args = append(set, "batch_index = ?"), append(args, u.BatchIndex)
	}
	if u.Messages != nil {
		data, err := json.Marshal(u.Messages)
		if err != nil {
			return fmt.Errorf("encode nav messages: %w", err)
		}
		set, args = append(set, "messages = ?"), append(args, string(data))
	}
	if u.CountAttempt {
		set = append(set, "attempts = attempts + 1")
	}
	args = append(args, id)
	_, err := db.sql.ExecContext(ctx, `UPDATE nav_reports SET `+strings.Join(set, ", ")+` WHERE id = ?`, args...)
	if err != nil {
		return fmt.Errorf("update nav report %d: %w", id, err)
	}
	return nil
}

// NAVReports implements domain.NAVReportStore.
func (db *DB) NAVReports(ctx context.Context) ([]domain.NAVReport, error) {
	items, err := queryNAVItems(ctx, db.sql, `ORDER BY r.id DESC`)
	return navReports(items), err
}

// NAVReportOf implements domain.NAVReportStore.
func (db *DB) NAVReportOf(ctx context.Context, number string) (*domain.NAVReport, error) {
	items, err := queryNAVItems(ctx, db.sql, `WHERE r.number = ?`, number)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, domain.Errorf(domain.ENotFound, "A(z) %s bizonylatnak nincs NAV jelentése.", number)
	}
	return &items[0].NAVReport, nil
}

// NAVStates implements domain.NAVReportStore.
func (db *DB) NAVStates(ctx context.Context, numbers []string) (map[string]domain.NAVReport, error) {
	out := make(map[string]domain.NAVReport, len(numbers))
	// In chunks: SQLite limits the number of parameters of a statement.
	for start := 0; start < len(numbers); start += 500 {
		chunk := numbers[start:min(start+500, len(numbers))]
		args := make([]any, len(chunk))
		for i, n := range chunk {
			args[i] = n
		}
		items, err := queryNAVItems(ctx, db.sql, `WHERE r.number IN (?`+strings.Repeat(", ?", len(chunk)-1)+`)`, args...)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			out[it.Number] = it.NAVReport
		}
	}
	return out, nil
}

func navReports(items []domain.NAVQueueItem) []domain.NAVReport {
	out := make([]domain.NAVReport, len(items))
	for i, it := range items {
		out[i] = it.NAVReport
	}
	return out
}
