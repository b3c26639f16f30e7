package storage

import (
	"context"
	"database/sql"
	"fmt"

	"konnyuszamla/domain"
)

// SyncIntents implements domain.SyncStore, oldest first.
func (db *DB) SyncIntents(ctx context.Context) ([]domain.SyncIntent, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT customer_id, contact_id, billing_address_id, mailing_address_id, project_id,
		need_card, in_flight, reference, found, last_error, created_at FROM sync_intents ORDER BY created_at, customer_id`)
	if err != nil {
		return nil, fmt.Errorf("read sync intents: %w", err)
	}
	defer rows.Close()
	var out []domain.SyncIntent
	for rows.Next() {
		var in domain.SyncIntent
		var needCard, found int
		var inFlight, created string
		if err := rows.Scan(&in.CustomerID, &in.ContactID, &in.BillingAddressID, &in.MailingAddressID, &in.ProjectID,
			&needCard, &inFlight, &in.Reference, &found, &in.LastError, &created); err != nil {
			return nil, err
		}
		in.NeedCard, in.Found, in.InFlight = needCard == 1, found == 1, domain.IntentStep(inFlight)
		in.CreatedAt = parseTime(created)
		out = append(out, in)
	}
	return out, rows.Err()
}

// SaveSyncIntent implements domain.SyncStore. Recording a contact id links
// the customer in the same transaction, so the link and the intent never
// disagree.
func (db *DB) SaveSyncIntent(ctx context.Context, in domain.SyncIntent) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		now := formatTime(db.Now())
		created := in.CreatedAt
		if created.IsZero() {
			created = db.Now()
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO sync_intents (customer_id, contact_id, billing_address_id, mailing_address_id,
			project_id, need_card, in_flight, reference, found, last_error, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (customer_id) DO UPDATE SET contact_id = excluded.contact_id,
				billing_address_id = excluded.billing_address_id, mailing_address_id = excluded.mailing_address_id,
				project_id = excluded.project_id, need_card = excluded.need_card, in_flight = excluded.in_flight,
				reference = excluded.reference, found = excluded.found, last_error = excluded.last_error,
				updated_at = excluded.updated_at`,
			in.CustomerID, in.ContactID, in.BillingAddressID, in.MailingAddressID, in.ProjectID, boolInt(in.NeedCard),
			string(in.InFlight), in.Reference, boolInt(in.Found), in.LastError, formatTime(created), now)
		if err != nil {
			return fmt.Errorf("save sync intent of customer %d: %w", in.CustomerID, formatError(err))
		}
		if in.ContactID == 0 {
			return nil
		}
		res, err := tx.ExecContext(ctx, `UPDATE customers SET minicrm_id = ? WHERE id = ? AND (minicrm_id IS NULL OR minicrm_id = ?)`,
			in.ContactID, in.CustomerID, in.ContactID)
		if err != nil {
			return fmt.Errorf("link customer %d: %w", in.CustomerID, formatError(err))
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.Errorf(domain.EConflict, "A(z) %d azonosítójú vevő közben törlődött vagy másik MiniCRM kapcsolathoz került.", in.CustomerID)
		}
		return nil
	})
}

// DropSyncIntent implements domain.SyncStore.
func (db *DB) DropSyncIntent(ctx context.Context, customerID int64) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM sync_intents WHERE customer_id = ?`, customerID); err != nil {
			return fmt.Errorf("drop sync intent of customer %d: %w", customerID, err)
		}
		return nil
	})
}

// CompleteSyncIntent implements domain.SyncStore.
func (db *DB) CompleteSyncIntent(ctx context.Context, in domain.SyncIntent, base *domain.Customer) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		now := formatTime(db.Now())
		if _, err := tx.ExecContext(ctx, `DELETE FROM sync_intents WHERE customer_id = ?`, in.CustomerID); err != nil {
			return fmt.Errorf("complete sync intent of customer %d: %w", in.CustomerID, err)
		}
		l, err := syncReadLink(ctx, tx, in.CustomerID)
		if err != nil {
			return err
		}
		cur, err := loadCustomer(ctx, tx, in.CustomerID)
		if err != nil {
			return fmt.Errorf("read customer %d: %w", in.CustomerID, err)
		}
		l.customerID = in.CustomerID
		if in.BillingAddressID != 0 {
			l.billingID = in.BillingAddressID
		}
		if in.MailingAddressID != 0 {
			l.mailingID = in.MailingAddressID
		}
		if base != nil {
			b := *base
			b.ID, b.MiniCRMID = in.CustomerID, in.ContactID
			l.base = &b
		}
		if !l.exists && l.rule == domain.RuleNone {
			l.rule = domain.RuleSearch
			if !in.Found {
				l.rule = domain.RuleNone
			}
		}
		l.dirty = l.base == nil || !domain.SyncedEqual(cur, l.base)
		return l.save(ctx, tx, now)
	})
}
