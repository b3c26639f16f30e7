package storage

import (
	"context"
	"database/sql"
	"fmt"

	"konnyuszamla/domain"
)

var _ domain.MessageStore = (*DB)(nil)

// msgInsert adds a message inside tx and returns its id; the message's own
// time is kept, so it matches the event it reports.
func msgInsert(ctx context.Context, tx *sql.Tx, m *domain.Message) (int64, error) {
	read := ""
	if m.Read {
		read = formatTime(m.Time)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO messages (created_at, subject, body, action, read_at) VALUES (?, ?, ?, ?, ?)`,
		formatTime(m.Time), m.Subject, m.Body, m.Action.String(), read)
	if err != nil {
		return 0, fmt.Errorf("add message: %w", err)
	}
	return res.LastInsertId()
}

// Messages implements domain.MessageStore: newest first. The id orders
// them: messages are added as things happen, and RFC 3339 text with
// trimmed fractions does not sort as time.
func (db *DB) Messages(ctx context.Context) ([]domain.Message, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT id, created_at, subject, body, action, read_at
		FROM messages ORDER BY id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list messages: %w", err)
	}
	defer rows.Close()
	var out []domain.Message
	for rows.Next() {
		var (
			m                     domain.Message
			created, action, read string
		)
		if err := rows.Scan(&m.ID, &created, &m.Subject, &m.Body, &action, &read); err != nil {
			return nil, fmt.Errorf("read message: %w", err)
		}
		if m.Time, err = acctParseTime(created); err != nil {
			return nil, fmt.Errorf("read message %d: %w", m.ID, err)
		}
		m.Action = domain.ParseMessageAction(action)
		m.Read = read != ""
		out = append(out, m)
	}
	return out, rows.Err()
}

// MarkMessageRead implements domain.MessageStore; marking a read message
// again keeps its first reading time.
func (db *DB) MarkMessageRead(ctx context.Context, id int64) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM messages WHERE id = ?`, id).Scan(&n); err != nil {
			return fmt.Errorf("find message %d: %w", id, err)
		}
		if n == 0 {
			return domain.Errorf(domain.ENotFound, "Nincs %d azonosítójú üzenet.", id)
		}
		_, err := tx.ExecContext(ctx, `UPDATE messages SET read_at = ? WHERE id = ? AND read_at = ''`, formatTime(db.Now()), id)
		if err != nil {
			return fmt.Errorf("mark message %d read: %w", id, err)
		}
		return nil
	})
}

// UnreadMessageCount implements domain.MessageStore.
func (db *DB) UnreadMessageCount(ctx context.Context) (int, error) {
	var n int
	if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM messages WHERE read_at = ''`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count unread messages: %w", err)
	}
	return n, nil
}
