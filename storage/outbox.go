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

var (
	_ domain.OutboxStore        = (*DB)(nil)
	_ domain.UploadMappingStore = (*DB)(nil)
)

// enqueueUpload adds the MiniCRM upload of a newly issued document to the
// outbox, in the transaction that issues it: only for a customer linked to
// MiniCRM, with a MiniCRM system configured and the MiniCRM add-on active.
// On a demo system the item is stored as "demo" and never sent.
func enqueueUpload(ctx context.Context, tx *sql.Tx, documentID int64, inv *domain.Invoice, now time.Time) error {
	var contact sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT minicrm_id FROM customers WHERE id = ?`, inv.CustomerID).Scan(&contact)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && (!contact.Valid || contact.Int64 <= 0)) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read customer link of %s: %w", inv.Number, err)
	}
	var systemID string
	var demo int64
	err = tx.QueryRowContext(ctx, `SELECT system_id, demo FROM minicrm_settings WHERE id = 1`).Scan(&systemID, &demo)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && systemID == "") {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read minicrm settings: %w", err)
	}
	var sub string
	err = tx.QueryRowContext(ctx, `SELECT state FROM subscriptions WHERE plan = ?`, string(domain.PlanMiniCRM)).Scan(&sub)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && domain.SubscriptionState(sub) != domain.StateActive) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read minicrm subscription: %w", err)
	}
	state := domain.UploadPending
	if demo != 0 {
		state = domain.UploadDemo
	}
	at := formatTime(now)
	_, err = tx.ExecContext(ctx, `INSERT INTO minicrm_outbox (document_id, number, kind, contact_id, state, created_at, updated_at)
		VALUES (?, ?, 'create', ?, ?, ?, ?) ON CONFLICT (number, kind) DO NOTHING`,
		documentID, inv.Number, contact.Int64, string(state), at, at)
	if err != nil {
		return fmt.Errorf("queue minicrm upload of %s: %w", inv.Number, err)
	}
	return nil
}

// enqueueUploadUpdate adds a status change (paid, cancelled) of a document
// whose issue is in the outbox, in the transaction that makes the change.
// It follows the create item: a demo document's update is demo too, and a
// skipped document's is not queued.
func enqueueUploadUpdate(ctx context.Context, tx *sql.Tx, number string, kind domain.OutboxKind, now time.Time) error {
	var docID, contact int64
	var state string
	err := tx.QueryRowContext(ctx, `SELECT document_id, contact_id, state FROM minicrm_outbox
		WHERE number = ? AND kind = 'create'`, number).Scan(&docID, &contact, &state)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read minicrm upload of %s: %w", number, err)
	}
	next := domain.UploadPending
	switch domain.UploadState(state) {
	case domain.UploadSkipped:
		return nil
	case domain.UploadDemo:
		next = domain.UploadDemo
	}
	at := formatTime(now)
	_, err = tx.ExecContext(ctx, `INSERT INTO minicrm_outbox (document_id, number, kind, contact_id, state, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (number, kind) DO NOTHING`,
		docID, number, string(kind), contact, string(next), at, at)
	if err != nil {
		return fmt.Errorf("queue minicrm update of %s: %w", number, err)
	}
	return nil
}

const outboxColumns = `o.id, o.number, d.type, d.buyer_name, o.kind, o.contact_id, o.state, o.attempts, o.last_error,
	o.next_attempt_at, o.created_at, o.updated_at, o.sent_at, o.claimed_at, o.project_id, o.card_tried,
	o.todo_project_id, o.todo_id, o.todo_tried, o.todo_closed, COALESCE(c.project_id, 0)`

func queryOutbox(ctx context.Context, q querier, where string, args ...any) ([]domain.OutboxItem, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+outboxColumns+` FROM minicrm_outbox o
		JOIN documents d ON d.id = o.document_id
		LEFT JOIN minicrm_outbox c ON c.number = o.number AND c.kind = 'create' `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("read minicrm outbox: %w", err)
	}
	defer rows.Close()
	var out []domain.OutboxItem
	for rows.Next() {
		var it domain.OutboxItem
		var typ, kind, state, next, created, updated, sent, claimed string
		var cardTried, todoTried, todoClosed int64
		p := &it.Progress
		if err := rows.Scan(&it.ID, &it.Number, &typ, &it.BuyerName, &kind, &it.ContactID, &state, &it.Attempts,
			&it.LastError, &next, &created, &updated, &sent, &claimed, &p.ProjectID, &cardTried,
			&p.ToDoProjectID, &p.ToDoID, &todoTried, &todoClosed, &it.CardID); err != nil {
			return nil, fmt.Errorf("read minicrm outbox item: %w", err)
		}
		it.DocType, it.Kind, it.State = domain.DocumentType(typ), domain.OutboxKind(kind), domain.UploadState(state)
		it.NextTry, it.CreatedAt, it.UpdatedAt = parseTime(next), parseTime(created), parseTime(updated)
		it.SentAt, it.ClaimedAt = parseTime(sent), parseTime(claimed)
		p.CardTried, p.ToDoTried, p.ToDoClosed = cardTried != 0, todoTried != 0, todoClosed != 0
		out = append(out, it)
	}
	return out, rows.Err()
}

// OutboxDue implements domain.OutboxStore.
func (db *DB) OutboxDue(ctx context.Context, now, staleBefore time.Time, max int) ([]domain.OutboxItem, error) {
	return queryOutbox(ctx, db.sql, `WHERE ((o.state = 'pending' AND (o.next_attempt_at = '' OR o.next_attempt_at <= ?))
			OR (o.state = 'sending' AND o.claimed_at < ?))
		AND (o.kind = 'create' OR c.state = 'sent')
		ORDER BY o.id LIMIT ?`, navTime(now), navTime(staleBefore), max)
}

// OutboxClaim implements domain.OutboxStore.
func (db *DB) OutboxClaim(ctx context.Context, it domain.OutboxItem, now time.Time) (bool, error) {
	res, err := db.sql.ExecContext(ctx, `UPDATE minicrm_outbox SET state = 'sending', claimed_at = ?, updated_at = ?
		WHERE id = ? AND state = ? AND claimed_at = ?`,
		navTime(now), formatTime(db.Now()), it.ID, string(it.State), navTime(it.ClaimedAt))
	if err != nil {
		return false, fmt.Errorf("claim minicrm upload %s: %w", it.Key(), err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// OutboxProgress implements domain.OutboxStore.
func (db *DB) OutboxProgress(ctx context.Context, id int64, p domain.OutboxProgress) error {
	_, err := db.sql.ExecContext(ctx, `UPDATE minicrm_outbox SET project_id = ?, card_tried = ?, todo_project_id = ?,
		todo_id = ?, todo_tried = ?, todo_closed = ?, updated_at = ? WHERE id = ?`,
		p.ProjectID, boolInt(p.CardTried), p.ToDoProjectID, p.ToDoID, boolInt(p.ToDoTried), boolInt(p.ToDoClosed),
		formatTime(db.Now()), id)
	if err != nil {
		return fmt.Errorf("record minicrm upload progress: %w", err)
	}
	return nil
}

// OutboxFinish implements domain.OutboxStore.
func (db *DB) OutboxFinish(ctx context.Context, id int64, r domain.OutboxResult, now time.Time) error {
	p := r.Progress
	sent := ""
	if r.State == domain.UploadSent {
		sent = navTime(now)
	}
	attempts := "attempts"
	if r.CountAttempt {
		attempts = "attempts + 1"
	}
	// A skip while the worker was sending wins: the user said so.
	_, err := db.sql.ExecContext(ctx, `UPDATE minicrm_outbox SET state = CASE WHEN state = 'skipped' THEN state ELSE ? END,
		last_error = ?, next_attempt_at = ?, claimed_at = '', sent_at = CASE WHEN ? = '' THEN sent_at ELSE ? END,
		attempts = `+attempts+`, project_id = ?, card_tried = ?, todo_project_id = ?, todo_id = ?, todo_tried = ?,
		todo_closed = ?, updated_at = ? WHERE id = ?`,
		string(r.State), r.LastError, navTime(r.RetryAt), sent, sent,
		p.ProjectID, boolInt(p.CardTried), p.ToDoProjectID, p.ToDoID, boolInt(p.ToDoTried), boolInt(p.ToDoClosed),
		formatTime(db.Now()), id)
	if err != nil {
		return fmt.Errorf("record minicrm upload result: %w", err)
	}
	return nil
}

// OutboxWake implements domain.OutboxStore.
func (db *DB) OutboxWake(ctx context.Context) error {
	_, err := db.sql.ExecContext(ctx, `UPDATE minicrm_outbox SET next_attempt_at = '' WHERE state = 'pending' AND next_attempt_at <> ''`)
	if err != nil {
		return fmt.Errorf("wake minicrm outbox: %w", err)
	}
	return nil
}

// OutboxItems implements domain.OutboxView.
func (db *DB) OutboxItems(ctx context.Context, all bool) ([]domain.OutboxItem, error) {
	where := `WHERE o.state IN ('pending', 'sending', 'failed') ORDER BY o.id DESC`
	if all {
		where = `ORDER BY o.id DESC`
	}
	return queryOutbox(ctx, db.sql, where)
}

// OutboxRetry implements domain.OutboxView.
func (db *DB) OutboxRetry(ctx context.Context, id int64) (int, error) {
	where, args := `state IN ('pending', 'failed')`, []any{formatTime(db.Now())}
	if id != 0 {
		where, args = where+` AND id = ?`, append(args, id)
	}
	res, err := db.sql.ExecContext(ctx, `UPDATE minicrm_outbox SET state = 'pending', next_attempt_at = '', updated_at = ?
		WHERE `+where, args...)
	if err != nil {
		return 0, fmt.Errorf("retry minicrm upload: %w", err)
	}
	n, err := res.RowsAffected()
	if err == nil && n == 0 && id != 0 {
		return 0, domain.Errorf(domain.EConflict, "Ez a feltöltés nem vár és nem hibás: nincs mit újrapróbálni.")
	}
	return int(n), err
}

// OutboxSkip implements domain.OutboxView.
func (db *DB) OutboxSkip(ctx context.Context, id int64) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		var number, kind, state string
		err := tx.QueryRowContext(ctx, `SELECT number, kind, state FROM minicrm_outbox WHERE id = ?`, id).Scan(&number, &kind, &state)
		if errors.Is(err, sql.ErrNoRows) {
			return domain.Errorf(domain.ENotFound, "Nincs %d azonosítójú feltöltés.", id)
		}
		if err != nil {
			return fmt.Errorf("read minicrm upload %d: %w", id, err)
		}
		if !domain.UploadState(state).Waiting() {
			return domain.Errorf(domain.EConflict, "A(z) %s feltöltése már nem vár (%s).", number, domain.UploadState(state).Label())
		}
		where, args := `id = ?`, []any{formatTime(db.Now()), id}
		if kind == string(domain.OutboxCreate) {
			// Without the record, its updates have nothing to update.
			where, args = `number = ? AND state IN ('pending', 'sending', 'failed')`, []any{formatTime(db.Now()), number}
		}
		_, err = tx.ExecContext(ctx, `UPDATE minicrm_outbox SET state = 'skipped', updated_at = ? WHERE `+where, args...)
		return err
	})
}

// uploadRank orders the states of a document's events: the worst wins.
var uploadRank = map[domain.UploadState]int{domain.UploadSkipped: 1, domain.UploadDemo: 2, domain.UploadSent: 3,
	domain.UploadSending: 4, domain.UploadPending: 5, domain.UploadFailed: 6}

// UploadStates implements domain.OutboxView.
func (db *DB) UploadStates(ctx context.Context, numbers []string) (map[string]domain.UploadState, error) {
	out := make(map[string]domain.UploadState, len(numbers))
	for start := 0; start < len(numbers); start += 500 {
		chunk := numbers[start:min(start+500, len(numbers))]
		args := make([]any, len(chunk))
		for i, n := range chunk {
			args[i] = n
		}
		rows, err := db.sql.QueryContext(ctx, `SELECT number, state FROM minicrm_outbox WHERE number IN (?`+
			strings.Repeat(", ?", len(chunk)-1)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("read upload states: %w", err)
		}
		for rows.Next() {
			var number, state string
			if err := rows.Scan(&number, &state); err != nil {
				rows.Close()
				return nil, err
			}
			s := domain.UploadState(state)
			if cur, ok := out[number]; !ok || uploadRank[s] > uploadRank[cur] {
				out[number] = s
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// OutboxWaitingDocuments implements domain.OutboxView.
func (db *DB) OutboxWaitingDocuments(ctx context.Context) (int, error) {
	var n int
	err := db.sql.QueryRowContext(ctx, `SELECT COUNT(DISTINCT number) FROM minicrm_outbox
		WHERE state IN ('pending', 'sending', 'failed')`).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count minicrm outbox: %w", err)
	}
	return n, nil
}

// UploadMapping implements domain.UploadMappingStore.
func (db *DB) UploadMapping(ctx context.Context) (domain.UploadMapping, error) {
	var data string
	err := db.sql.QueryRowContext(ctx, `SELECT data FROM minicrm_upload_mapping WHERE id = 1`).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.UploadMapping{}, domain.Errorf(domain.ENotFound, "Még nincs beállítva, mi kerüljön a Számlák modul mezőibe.")
	}
	if err != nil {
		return domain.UploadMapping{}, fmt.Errorf("read upload mapping: %w", err)
	}
	var m domain.UploadMapping
	if err := json.Unmarshal([]byte(data), &m); err != nil {
		return domain.UploadMapping{}, fmt.Errorf("decode upload mapping: %w", err)
	}
	return m, nil
}

// SaveUploadMapping implements domain.UploadMappingStore.
func (db *DB) SaveUploadMapping(ctx context.Context, m domain.UploadMapping) error {
	data, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("encode upload mapping: %w", err)
	}
	_, err = db.sql.ExecContext(ctx, `INSERT INTO minicrm_upload_mapping (id, module, data, updated_at) VALUES (1, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET module = excluded.module, data = excluded.data, updated_at = excluded.updated_at`,
		m.Module, string(data), formatTime(db.Now()))
	if err != nil {
		return fmt.Errorf("save upload mapping: %w", err)
	}
	return nil
}
