package domain

import (
	"context"
	"fmt"
	"strings"
)

// pushUpdate sends the local edits of a linked customer to MiniCRM as
// partial updates of only the changed fields: the contact's fields, and
// the changed addresses (created when MiniCRM has none of that kind).
func (sess *syncSession) pushUpdate(ctx context.Context, rep *SyncReport, lc *LocalCustomer) error {
	store := sess.svc.Store
	if lc.Base == nil {
		// Linked by hand, never synced: there is nothing to compare with.
		// Its current data becomes the agreed version.
		return store.MarkSynced(ctx, lc.ID, lc.Customer)
	}
	fields := DiffCustomers(lc.Base, &lc.Customer)
	if len(fields) == 0 {
		return store.MarkSynced(ctx, lc.ID, lc.Customer)
	}
	var contact []FieldChange
	var billing, mailing bool
	for _, f := range fields {
		switch {
		case f.Field == "kind":
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("„%s”: a típus (cég vagy magánszemély) a MiniCRM-ben nem "+
				"módosítható; ott a régi maradt.", lc.Name))
		case strings.HasPrefix(f.Field, "billingAddress."):
			billing = true
		case strings.HasPrefix(f.Field, "mailingAddress."):
			mailing = true
		default:
			contact = append(contact, f)
		}
	}
	c := lc.Customer
	if len(contact) > 0 {
		if err := sess.remote.UpdateContact(ctx, lc.MiniCRMID, c, contact); err != nil {
			return sess.updateError(ctx, rep, c.Name, err)
		}
	}
	if billing && lc.BillingAddressID != 0 && !c.BillingAddress.IsZero() {
		if err := sess.remote.UpdateAddress(ctx, lc.BillingAddressID, c.BillingAddress); err != nil {
			return sess.updateError(ctx, rep, c.Name, err)
		}
	}
	if mailing && c.MailingAddress == nil {
		rep.Warnings = append(rep.Warnings, fmt.Sprintf("„%s”: a levelezési címet helyben törölte, de a MiniCRM-ben "+
			"címet nem lehet törölni az API-n keresztül; ott megmaradt.", c.Name))
	}
	if mailing && lc.MailingAddressID != 0 && c.MailingAddress != nil {
		if err := sess.remote.UpdateAddress(ctx, lc.MailingAddressID, *c.MailingAddress); err != nil {
			return sess.updateError(ctx, rep, c.Name, err)
		}
	}
	missingBilling := billing && lc.BillingAddressID == 0 && !c.BillingAddress.IsZero()
	missingMailing := mailing && lc.MailingAddressID == 0 && c.MailingAddress != nil
	if missingBilling || missingMailing {
		in := SyncIntent{CustomerID: lc.ID, ContactID: lc.MiniCRMID, BillingAddressID: lc.BillingAddressID,
			MailingAddressID: lc.MailingAddressID, CreatedAt: sess.remote.Now()}
		save := func() error { return store.SaveSyncIntent(ctx, in) }
		if err := save(); err != nil {
			return fmt.Errorf("save sync intent of customer %d: %w", lc.ID, err)
		}
		if err := sess.ensureAddresses(ctx, &in, c, nil, save); err != nil {
			return sess.itemError(ctx, rep, &in, c.Name, err)
		}
		if err := store.CompleteSyncIntent(ctx, in, nil); err != nil {
			return fmt.Errorf("complete sync intent of customer %d: %w", lc.ID, err)
		}
	}
	if err := store.MarkSynced(ctx, lc.ID, c); err != nil {
		return fmt.Errorf("mark customer %d synced: %w", lc.ID, err)
	}
	rep.PushedUpdates++
	return nil
}

// updateError reports a failed update of one customer; updates are
// idempotent, so the customer simply stays dirty for the next run.
func (sess *syncSession) updateError(ctx context.Context, rep *SyncReport, name string, err error) error {
	if ctx.Err() != nil || remoteFatal(err) {
		return err
	}
	rep.Errors = append(rep.Errors, fmt.Sprintf("„%s”: a módosítás nem került át a MiniCRM-be: %s", name, sess.remote.Explain(err)))
	return errItem
}
