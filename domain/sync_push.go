package domain

import (
	"context"
	"errors"
	"fmt"
	"strconv"
)

// errItem marks a failure of one customer in pass 2: reported, and the
// run goes on with the next one.
var errItem = errors.New("pass 2 item failed")

// pass2 brings the app's customers to MiniCRM: first the creates a
// previous run left open, then the new local customers, then the local
// edits of linked ones. exclude lists customers pass 2 must not create.
func (sess *syncSession) pass2(ctx context.Context, rep *SyncReport, exclude map[int64]bool, progress func(SyncProgress)) error {
	store := sess.svc.Store
	intents, err := store.SyncIntents(ctx)
	if err != nil {
		return fmt.Errorf("read sync intents: %w", err)
	}
	locals, err := store.SyncLocals(ctx, false)
	if err != nil {
		return fmt.Errorf("read local customers: %w", err)
	}
	open := make(map[int64]bool, len(intents))
	for _, in := range intents {
		open[in.CustomerID] = true
	}
	var fresh []SyncIntent
	dirty := 0
	for i := range locals {
		lc := &locals[i]
		switch {
		case lc.MiniCRMID == 0 && !lc.Archived && !exclude[lc.ID] && !open[lc.ID]:
			fresh = append(fresh, SyncIntent{CustomerID: lc.ID, NeedCard: true, CreatedAt: sess.remote.Now()})
		case lc.MiniCRMID != 0 && lc.Dirty:
			dirty++
		}
	}
	total := len(intents) + len(fresh) + dirty
	eta := newETAMeter(sess.remote, pushRequestsPerItem)
	done := 0
	step := func(name string, err error) error {
		if lockErr := sess.renew(ctx); lockErr != nil && err == nil {
			err = lockErr
		}
		done++
		eta.report(progress, PhasePush, done, total, name)
		if errors.Is(err, errItem) {
			return nil
		}
		return err
	}
	eta.report(progress, PhasePush, 0, total, "")
	for _, in := range append(intents, fresh...) {
		if err := ctx.Err(); err != nil {
			return err
		}
		c, err := store.CustomerByID(ctx, in.CustomerID)
		if ErrorCode(err) == ENotFound {
			continue // deleted meanwhile (its intent went with it)
		}
		if err != nil {
			return fmt.Errorf("read customer %d: %w", in.CustomerID, err)
		}
		if err := step(c.Name, sess.ensure(ctx, rep, in, *c)); err != nil {
			return err
		}
	}
	// The creates may have left linked customers dirty (a found contact
	// lacking local values), so the edits are read again. A customer whose
	// create is still open waits for it: its intent, not the link, knows
	// which addresses exist.
	if locals, err = store.SyncLocals(ctx, false); err != nil {
		return fmt.Errorf("read local customers: %w", err)
	}
	if intents, err = store.SyncIntents(ctx); err != nil {
		return fmt.Errorf("read sync intents: %w", err)
	}
	clear(open)
	for _, in := range intents {
		open[in.CustomerID] = true
	}
	for i := range locals {
		lc := &locals[i]
		if lc.MiniCRMID == 0 || !lc.Dirty || open[lc.ID] {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := step(lc.Name, sess.pushUpdate(ctx, rep, lc)); err != nil {
			return err
		}
	}
	return nil
}

// ensure makes sure customer c exists in MiniCRM: contact, billing and
// mailing address, and a Success card, recording the intent before each
// create and its answer after.
func (sess *syncSession) ensure(ctx context.Context, rep *SyncReport, in SyncIntent, c Customer) error {
	store, remote := sess.svc.Store, sess.remote
	save := func() error {
		if err := store.SaveSyncIntent(ctx, in); err != nil {
			return fmt.Errorf("save sync intent of customer %d: %w", in.CustomerID, err)
		}
		return nil
	}
	if err := save(); err != nil {
		return err
	}
	// base is the version both sides agree on afterwards; nil keeps the
	// link's stored one (a found contact, or an update of a linked one).
	var base *Customer
	switch {
	case in.ContactID == 0:
		found, ambiguous, err := sess.search(ctx, rep, c)
		if err != nil {
			return sess.itemError(ctx, rep, &in, c.Name, err)
		}
		switch {
		case ambiguous:
			if in.InFlight == StepNone {
				_ = store.DropSyncIntent(ctx, in.CustomerID)
			}
			return nil
		case found != nil:
			if c, base, err = sess.linkFound(ctx, rep, &in, c, *found); err != nil {
				var de *Error
				if errors.As(err, &de) && de.Code != EInternal {
					rep.Errors = append(rep.Errors, fmt.Sprintf("„%s”: %s", c.Name, de.Error()))
					_ = store.DropSyncIntent(ctx, in.CustomerID)
					return errItem
				}
				return err
			}
		default:
			in.InFlight = StepContact
			if err := save(); err != nil {
				return err
			}
			id, err := remote.CreateContact(ctx, c)
			if err != nil {
				return sess.itemError(ctx, rep, &in, c.Name, err)
			}
			in.ContactID, in.InFlight = id, StepNone
			if err := save(); err != nil {
				return err
			}
			b := c
			base = &b
		}
	case in.NeedCard && !in.Found:
		// Resuming a create whose contact exists: it holds the local data.
		b := c
		base = &b
	}
	if err := sess.ensureAddresses(ctx, &in, c, base, save); err != nil {
		return sess.itemError(ctx, rep, &in, c.Name, err)
	}
	if in.NeedCard && in.ProjectID == 0 {
		if err := sess.ensureCard(ctx, &in, c, save); err != nil {
			return sess.itemError(ctx, rep, &in, c.Name, err)
		}
		if in.ProjectID == 0 {
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("„%s”: a MiniCRM-ben létrejött, de Vevők adatlap még nem, mert nem "+
				"ismert a Vevők csoport egyetlen státusza sem. Válassza ki a MiniCRM beállítások lapon, az „"+CardStatusLabel+
				"” mezőben (parancssorból: konnyuszamla sync --card-status ID); a következő szinkronizálás elkészíti az adatlapot.", c.Name))
			return nil
		}
	}
	if err := store.CompleteSyncIntent(ctx, in, base); err != nil {
		return fmt.Errorf("complete sync intent of customer %d: %w", in.CustomerID, err)
	}
	switch {
	case !in.NeedCard: // the addresses of a linked customer's update
	case in.Found:
		rep.Linked++
	default:
		rep.PushedNew++
	}
	return nil
}

// ensureAddresses creates the missing billing and mailing addresses.
func (sess *syncSession) ensureAddresses(ctx context.Context, in *SyncIntent, c Customer, base *Customer, save func() error) error {
	type want struct {
		addr    *Address
		id      *int64
		step    IntentStep
		billing bool
	}
	wants := []want{{&c.BillingAddress, &in.BillingAddressID, StepBilling, true}}
	if c.MailingAddress != nil {
		wants = append(wants, want{c.MailingAddress, &in.MailingAddressID, StepMailing, false})
	}
	for _, w := range wants {
		if w.addr.IsZero() || *w.id != 0 {
			continue
		}
		if in.InFlight == w.step || in.Found {
			id, err := sess.remote.FindAddress(ctx, in.ContactID, *w.addr, w.billing)
			if err != nil {
				return err
			}
			*w.id = id
		}
		if *w.id == 0 {
			in.InFlight = w.step
			if err := save(); err != nil {
				return err
			}
			id, err := sess.remote.CreateAddress(ctx, in.ContactID, *w.addr, w.billing)
			if err != nil {
				return err
			}
			*w.id = id
		}
		in.InFlight = StepNone
		if err := save(); err != nil {
			return err
		}
		switch {
		case base == nil:
		case w.billing:
			base.BillingAddress = *w.addr
		default:
			m := *w.addr
			base.MailingAddress = &m
		}
	}
	return nil
}

// ensureCard finds or creates the contact's card in the Vevők module.
func (sess *syncSession) ensureCard(ctx context.Context, in *SyncIntent, c Customer, save func() error) error {
	module := sess.settings.CustomersModule
	if in.Reference == "" {
		in.Reference = "konnyuszamla-" + strconv.FormatInt(in.CustomerID, 10) + "-" + strconv.FormatInt(in.CreatedAt.Unix(), 10)
	}
	if in.InFlight == StepCard || in.Found {
		ref := in.Reference
		if in.Found && in.InFlight != StepCard {
			ref = "" // any existing customer card will do
		}
		id, err := sess.remote.FindCard(ctx, module, in.ContactID, ref)
		if err != nil {
			return err
		}
		in.ProjectID = id
	}
	if in.ProjectID == 0 {
		status := sess.state.CardStatus()
		if status == 0 {
			return save()
		}
		in.InFlight = StepCard
		if err := save(); err != nil {
			return err
		}
		id, err := sess.remote.CreateCard(ctx, SyncCard{Module: module, ContactID: in.ContactID, StatusID: status,
			Name: c.Name, Reference: in.Reference})
		if err != nil {
			return err
		}
		in.ProjectID = id
	}
	in.InFlight = StepNone
	return save()
}

// itemError reports a failed create of one customer. An unknown outcome
// keeps the intent (the next run searches first); a rejected request drops
// an intent that created nothing; anything else stops the run.
func (sess *syncSession) itemError(ctx context.Context, rep *SyncReport, in *SyncIntent, name string, err error) error {
	if ctx.Err() != nil || remoteFatal(err) {
		return err
	}
	msg := sess.remote.Explain(err)
	in.LastError = msg
	switch {
	case errors.Is(err, ErrRemoteOutcomeUnknown):
		rep.Errors = append(rep.Errors, fmt.Sprintf("„%s”: nem tudni, hogy a MiniCRM rögzítette-e a létrehozást; "+
			"a következő szinkronizálás megkeresi, mielőtt újra létrehozná.", name))
		_ = sess.svc.Store.SaveSyncIntent(ctx, *in)
	default:
		rep.Errors = append(rep.Errors, fmt.Sprintf("„%s”: %s", name, msg))
		if in.ContactID == 0 {
			in.InFlight = StepNone
			_ = sess.svc.Store.DropSyncIntent(ctx, in.CustomerID)
		} else {
			in.InFlight = StepNone
			_ = sess.svc.Store.SaveSyncIntent(ctx, *in)
		}
	}
	return errItem
}
