package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"konnyuszamla/domain"
)

// ApplyRemote implements domain.SyncStore. The merge is computed here, on
// the row as it is inside the transaction, so an edit the user saved after
// the preview is merged rather than overwritten.
func (db *DB) ApplyRemote(ctx context.Context, op domain.SyncApplyOp) (domain.SyncApplied, error) {
	var out domain.SyncApplied
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		now := formatTime(db.Now())
		linked, err := syncCustomerByMiniCRM(ctx, tx, op.Remote.ID)
		if err != nil {
			return err
		}
		localID := op.LocalID
		switch {
		case linked != 0 && localID == 0:
			// Already linked (the plan is older than the link): merge instead.
			localID, op.Rule = linked, domain.RuleMiniCRMID
		case linked != 0 && linked != localID:
			return domain.Errorf(domain.EConflict, "Ez a MiniCRM kapcsolat (#%d) már egy másik vevőhöz tartozik.", op.Remote.ID)
		}
		if localID == 0 {
			out, err = syncInsertRemote(ctx, tx, op, now)
		} else {
			out, err = syncMergeRemote(ctx, tx, op, localID, now)
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM sync_staging WHERE remote_id = ?`, op.Remote.ID); err != nil {
			return fmt.Errorf("unstage minicrm customer %d: %w", op.Remote.ID, err)
		}
		return nil
	})
	return out, err
}

func syncInsertRemote(ctx context.Context, tx *sql.Tx, op domain.SyncApplyOp, now string) (domain.SyncApplied, error) {
	c := op.Remote.Customer
	c.ID, c.MiniCRMID = 0, op.Remote.ID
	id, err := insertCustomer(ctx, tx, &c, now)
	if err != nil {
		return domain.SyncApplied{}, fmt.Errorf("insert minicrm customer %d: %w", op.Remote.ID, formatError(err))
	}
	c.ID = id
	base := op.Remote.Customer
	base.ID = id
	l := syncLink{customerID: id, base: &base, billingID: op.Remote.BillingAddressID,
		mailingID: op.Remote.MailingAddressID, rule: op.Rule}
	if err := l.save(ctx, tx, now); err != nil {
		return domain.SyncApplied{}, err
	}
	return domain.SyncApplied{CustomerID: id, Created: true, Merge: domain.MergeResult{Customer: c}}, nil
}

func syncMergeRemote(ctx context.Context, tx *sql.Tx, op domain.SyncApplyOp, localID int64, now string) (domain.SyncApplied, error) {
	cur, err := loadCustomer(ctx, tx, localID)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.SyncApplied{}, domain.Errorf(domain.ENotFound, "A(z) %d azonosítójú vevő közben törlődött.", localID)
	}
	if err != nil {
		return domain.SyncApplied{}, fmt.Errorf("read customer %d: %w", localID, err)
	}
	if cur.MiniCRMID != 0 && cur.MiniCRMID != op.Remote.ID {
		return domain.SyncApplied{}, domain.Errorf(domain.EConflict,
			"„%s” már egy másik MiniCRM kapcsolathoz (#%d) tartozik.", cur.Name, cur.MiniCRMID)
	}
	l, err := syncReadLink(ctx, tx, localID)
	if err != nil {
		return domain.SyncApplied{}, err
	}
	var base *domain.Customer
	if cur.MiniCRMID == op.Remote.ID {
		base = l.base
	}
	m := domain.MergeRemote(*cur, base, op.Remote)
	newLink := cur.MiniCRMID == 0
	if m.Changed() || newLink {
		hist, err := insertHistory(ctx, tx, cur, domain.HistorySync, now)
		if err != nil {
			return domain.SyncApplied{}, err
		}
		if newLink {
			l.prelink = hist
		}
		if err := updateCustomerRow(ctx, tx, &m.Customer, now); err != nil {
			return domain.SyncApplied{}, err
		}
	}
	b := op.Remote.Customer
	b.ID = localID
	l.customerID, l.base, l.dirty = localID, &b, len(m.Push) > 0
	l.billingID, l.mailingID = op.Remote.BillingAddressID, op.Remote.MailingAddressID
	if newLink || l.rule == domain.RuleNone {
		l.rule = op.Rule
	}
	if err := l.save(ctx, tx, now); err != nil {
		return domain.SyncApplied{}, err
	}
	return domain.SyncApplied{CustomerID: localID, Merge: m}, nil
}

// syncCustomerByMiniCRM returns the id of the customer linked to a MiniCRM
// contact, 0 if none.
func syncCustomerByMiniCRM(ctx context.Context, tx *sql.Tx, remoteID int64) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM customers WHERE minicrm_id = ?`, remoteID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("find customer of minicrm %d: %w", remoteID, err)
	}
	return id, nil
}

// CustomerByMiniCRM implements domain.SyncStore.
func (db *DB) CustomerByMiniCRM(ctx context.Context, contactID int64) (*domain.Customer, error) {
	c, err := scanCustomer(db.sql.QueryRowContext(ctx, `SELECT `+customerColumns+` FROM customers WHERE minicrm_id = ?`, contactID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("find customer of minicrm %d: %w", contactID, err)
	}
	return c, nil
}

// SeparateCustomer implements domain.SyncStore.
func (db *DB) SeparateCustomer(ctx context.Context, customerID int64) (int64, error) {
	var newID int64
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		now := formatTime(db.Now())
		l, err := syncReadLink(ctx, tx, customerID)
		if err != nil {
			return err
		}
		if !l.exists || l.prelink == 0 || l.base == nil {
			return domain.Errorf(domain.EInvalid, "Ez a vevő nem egyezés alapján kapcsolódott a MiniCRM-hez, ezért nem választható szét.")
		}
		cur, err := loadCustomer(ctx, tx, customerID)
		if err != nil {
			return fmt.Errorf("read customer %d: %w", customerID, err)
		}
		before, err := historyVersion(ctx, tx, l.prelink)
		if err != nil {
			return err
		}
		if _, err := insertHistory(ctx, tx, cur, domain.HistorySeparate, now); err != nil {
			return err
		}
		before.ID, before.MiniCRMID, before.Archived = customerID, 0, cur.Archived
		if _, err := tx.ExecContext(ctx, `DELETE FROM sync_links WHERE customer_id = ?`, customerID); err != nil {
			return fmt.Errorf("unlink customer %d: %w", customerID, err)
		}
		if err := updateCustomerRow(ctx, tx, before, now); err != nil {
			return err
		}
		remote := domain.RemoteCustomer{ID: cur.MiniCRMID, Customer: *l.base,
			BillingAddressID: l.billingID, MailingAddressID: l.mailingID}
		res, err := syncInsertRemote(ctx, tx, domain.SyncApplyOp{Remote: remote, Rule: domain.RuleManual}, now)
		newID = res.CustomerID
		return err
	})
	return newID, err
}
