package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"konnyuszamla/domain"
)

// syncLink is a row of sync_links.
type syncLink struct {
	exists               bool
	customerID           int64
	base                 *domain.Customer
	billingID, mailingID int64
	dirty                bool
	rule                 domain.MatchRule
	prelink              int64 // customer_history id, 0: none
}

func syncReadLink(ctx context.Context, tx *sql.Tx, customerID int64) (syncLink, error) {
	l := syncLink{customerID: customerID}
	var base, rule string
	var dirty int
	var prelink sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT base, billing_address_id, mailing_address_id, dirty, rule, prelink_version
		FROM sync_links WHERE customer_id = ?`, customerID).Scan(&base, &l.billingID, &l.mailingID, &dirty, &rule, &prelink)
	if errors.Is(err, sql.ErrNoRows) {
		return l, nil
	}
	if err != nil {
		return l, fmt.Errorf("read sync link of customer %d: %w", customerID, err)
	}
	l.exists, l.dirty, l.prelink = true, dirty == 1, prelink.Int64
	_ = l.rule.UnmarshalText([]byte(rule))
	if l.base, err = syncDecodeBase(base); err != nil {
		return l, fmt.Errorf("sync link of customer %d: %w", customerID, err)
	}
	return l, nil
}

func syncDecodeBase(s string) (*domain.Customer, error) {
	if s == "" {
		return nil, nil
	}
	var c domain.Customer
	if err := json.Unmarshal([]byte(s), &c); err != nil {
		return nil, fmt.Errorf("decode base: %w", err)
	}
	return &c, nil
}

// save upserts the link.
func (l *syncLink) save(ctx context.Context, tx *sql.Tx, now string) error {
	base := ""
	if l.base != nil {
		data, err := json.Marshal(l.base)
		if err != nil {
			return fmt.Errorf("encode base of customer %d: %w", l.customerID, err)
		}
		base = string(data)
	}
	var prelink any
	if l.prelink != 0 {
		prelink = l.prelink
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO sync_links
		(customer_id, base, billing_address_id, mailing_address_id, dirty, rule, prelink_version, synced_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (customer_id) DO UPDATE SET base = excluded.base, billing_address_id = excluded.billing_address_id,
			mailing_address_id = excluded.mailing_address_id, dirty = excluded.dirty, rule = excluded.rule,
			prelink_version = excluded.prelink_version, synced_at = excluded.synced_at`,
		l.customerID, base, l.billingID, l.mailingID, boolInt(l.dirty), l.rule.String(), prelink, now)
	if err != nil {
		return fmt.Errorf("save sync link of customer %d: %w", l.customerID, err)
	}
	return nil
}

// SyncLocals implements domain.SyncStore.
func (db *DB) SyncLocals(ctx context.Context, all bool) ([]domain.LocalCustomer, error) {
	where := ""
	if !all {
		where = ` WHERE (minicrm_id IS NULL AND archived = 0) OR l.dirty = 1`
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT `+customerColumns+`,
		coalesce(l.base, ''), coalesce(l.billing_address_id, 0), coalesce(l.mailing_address_id, 0), coalesce(l.dirty, 0)
		FROM customers LEFT JOIN sync_links l ON l.customer_id = customers.id`+where+` ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("read customers for sync: %w", err)
	}
	defer rows.Close()
	var out []domain.LocalCustomer
	for rows.Next() {
		var lc domain.LocalCustomer
		var base string
		var dirty int
		c, err := scanCustomer(syncRowScanner{rows, []any{&base, &lc.BillingAddressID, &lc.MailingAddressID, &dirty}})
		if err != nil {
			return nil, err
		}
		lc.Customer, lc.Dirty = *c, dirty == 1
		if lc.Base, err = syncDecodeBase(base); err != nil {
			return nil, fmt.Errorf("customer %d: %w", c.ID, err)
		}
		out = append(out, lc)
	}
	return out, rows.Err()
}

// syncRowScanner lets scanCustomer read a row with extra columns after the
// customer's.
type syncRowScanner struct {
	rows  *sql.Rows
	extra []any
}

func (s syncRowScanner) Scan(dest ...any) error { return s.rows.Scan(append(dest, s.extra...)...) }

// LinkedContacts implements domain.SyncStore.
func (db *DB) LinkedContacts(ctx context.Context, ids []int64) ([]int64, error) {
	var out []int64
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := db.sql.QueryContext(ctx, `SELECT minicrm_id FROM customers WHERE minicrm_id IN (`+placeholders(len(chunk))+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("find linked contacts: %w", err)
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, id)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// MarkSynced implements domain.SyncStore.
func (db *DB) MarkSynced(ctx context.Context, customerID int64, pushed domain.Customer) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		l, err := syncReadLink(ctx, tx, customerID)
		if err != nil {
			return err
		}
		cur, err := loadCustomer(ctx, tx, customerID)
		if err != nil {
			return fmt.Errorf("read customer %d: %w", customerID, err)
		}
		pushed.ID = customerID
		l.customerID, l.base = customerID, &pushed
		l.dirty = !domain.SyncedEqual(cur, &pushed)
		return l.save(ctx, tx, formatTime(db.Now()))
	})
}
