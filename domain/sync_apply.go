package domain

import (
	"context"
	"errors"
	"fmt"
)

// ApplySync implements CustomerSyncer. It returns the report also when it
// stops early: cancelled (Report.Cancelled, nil error) or because MiniCRM
// failed (a *Error whose message says the sync can be continued later).
func (s *SyncService) ApplySync(ctx context.Context, p *SyncPreview, res SyncResolutions, progress func(SyncProgress)) (*SyncReport, error) {
	if progress == nil {
		progress = func(SyncProgress) {}
	}
	if p == nil || p.session == nil || p.session.svc != s {
		return nil, Errorf(EInvalid, "Ez az előnézet nem ehhez a szinkronizáláshoz tartozik; indítsa újra a szinkronizálást.")
	}
	sess := p.session
	if sess.applied {
		return nil, Errorf(EConflict, "Ezt az előnézetet már alkalmazta vagy elvetette (a próbafuttatás "+
			"előnézete nem alkalmazható); indítsa újra a szinkronizálást.")
	}
	if _, err := s.Store.LockSync(ctx, sess.token); err != nil {
		return nil, err
	}
	defer s.Store.UnlockSync(context.Background(), sess.token)
	sess.applied = true
	rep := &sess.log.Report
	rep.DryRun = false
	rep.Warnings = append(rep.Warnings, p.Warnings...)

	exclude, err := sess.pass1(ctx, p, res, rep, progress)
	switch {
	case err != nil && ctx.Err() != nil:
		rep.Cancelled = true
	case err != nil:
		sess.fail(err, rep)
		return rep, sess.userError(err)
	}
	if !rep.Cancelled {
		if p.Demo {
			rep.Warnings = append(rep.Warnings, "Demó rendszer: a program csak letölti a vevőket, a MiniCRM-be nem ír "+
				"semmit, ezért a 2. menet (feltöltés) kimaradt.")
		} else if err := sess.pass2(ctx, rep, exclude, progress); err != nil {
			if ctx.Err() == nil {
				sess.fail(err, rep)
				return rep, sess.userError(err)
			}
			rep.Cancelled = true
		}
	}
	rep.Requests = sess.remote.Requests()
	status := StatusOK
	switch {
	case rep.Cancelled:
		status = StatusCancelled
	case len(rep.Errors) > 0:
		status = StatusPartial
	}
	sess.finishLog(status, *rep)
	return rep, nil
}

// pass1 writes the MiniCRM customers locally, one transaction each. It
// returns the local customers pass 2 must leave alone (candidates of
// unresolved conflicts: creating them in MiniCRM would likely duplicate).
func (sess *syncSession) pass1(ctx context.Context, p *SyncPreview, res SyncResolutions, rep *SyncReport, progress func(SyncProgress)) (map[int64]bool, error) {
	type job struct {
		op        SyncApplyOp
		weak      bool
		localName string // before the merge, for the report
	}
	var jobs []job
	choose := func(r RemoteCustomer, def SyncApplyOp) (SyncApplyOp, bool) {
		ch := res[r.ID]
		switch {
		case ch.Separate:
			return SyncApplyOp{Remote: r}, true
		case ch.LinkTo != 0:
			return SyncApplyOp{Remote: r, LocalID: ch.LinkTo, Rule: RuleManual}, true
		}
		return def, def.Remote.ID != 0
	}
	for _, u := range append(append([]SyncUpdate(nil), p.Updates...), p.same...) {
		op, _ := choose(u.Remote, SyncApplyOp{Remote: u.Remote, LocalID: u.LocalID, Rule: u.Rule})
		j := job{op: op, weak: op.Rule == RuleAddress}
		if op.LocalID == u.LocalID {
			j.localName = u.LocalName
		}
		jobs = append(jobs, j)
	}
	for _, r := range p.New {
		op, _ := choose(r, SyncApplyOp{Remote: r})
		jobs = append(jobs, job{op: op})
	}
	exclude := map[int64]bool{}
	for _, c := range p.Conflicts {
		op, ok := choose(c.Remote, SyncApplyOp{})
		if ok {
			jobs = append(jobs, job{op: op})
			continue
		}
		rc := ReportConflict{Kind: c.Kind, Rule: c.Rule, MiniCRM: ReportSide{ID: c.Remote.ID, Name: c.Remote.Customer.Name}}
		for _, cand := range c.Candidates {
			exclude[cand.ID] = true
			rc.Local = append(rc.Local, ReportSide{ID: cand.ID, Name: cand.Name})
		}
		rep.Conflicts = append(rep.Conflicts, rc)
	}

	eta := newETAMeter(sess.remote, 0)
	for i, j := range jobs {
		eta.report(progress, PhaseApply, i, len(jobs), j.op.Remote.Customer.Name)
		if err := ctx.Err(); err != nil {
			return exclude, err
		}
		applied, err := sess.svc.Store.ApplyRemote(ctx, j.op)
		if err != nil {
			var de *Error
			if errors.As(err, &de) && de.Code != EInternal {
				// This one customer cannot be applied (e.g. the chosen local
				// customer is linked elsewhere meanwhile); it stays staged.
				rep.Errors = append(rep.Errors, fmt.Sprintf("„%s”: %s", j.op.Remote.Customer.Name, de.Error()))
				continue
			}
			return exclude, fmt.Errorf("apply minicrm customer %d: %w", j.op.Remote.ID, err)
		}
		sess.count(rep, j.op, applied, j.weak, j.localName)
	}
	eta.report(progress, PhaseApply, len(jobs), len(jobs), "")
	return exclude, nil
}

// count adds one applied pass-1 change to the report.
func (sess *syncSession) count(rep *SyncReport, op SyncApplyOp, a SyncApplied, weak bool, localName string) {
	if localName == "" {
		localName = a.Merge.Customer.Name
	}
	switch {
	case a.Created:
		rep.Created++
	case a.Merge.Changed():
		rep.Updated++
	default:
		rep.Unchanged++
	}
	if len(a.Merge.Conflicts) > 0 {
		rep.Conflicts = append(rep.Conflicts, ReportConflict{Kind: ConflictField, Rule: op.Rule,
			MiniCRM: ReportSide{ID: op.Remote.ID, Name: op.Remote.Customer.Name},
			Local:   []ReportSide{{ID: a.CustomerID, Name: localName}}, Fields: a.Merge.Conflicts})
	}
	if weak && !a.Created {
		rep.WeakMatches = append(rep.WeakMatches, ReportMatch{Rule: RuleAddress,
			MiniCRM: ReportSide{ID: op.Remote.ID, Name: op.Remote.Customer.Name},
			Local:   ReportSide{ID: a.CustomerID, Name: localName}})
	}
}

// DiscardSync implements CustomerSyncer: the preview was closed without
// applying it. The fetched data stays for the next run.
func (s *SyncService) DiscardSync(ctx context.Context, p *SyncPreview) error {
	if p == nil || p.session == nil || p.session.applied || p.session.log.Status != StatusRunning {
		return nil
	}
	p.session.applied = true
	p.session.finishLog(StatusPreview, p.Report())
	return nil
}

// SetCardStatus chooses the status new customer cards get in MiniCRM (a
// status of the Vevők module in the Success group); 0 returns to the one
// seen most often on the customers' cards.
func (s *SyncService) SetCardStatus(ctx context.Context, statusID int64) error {
	return s.Store.SetCardStatus(ctx, statusID)
}

// SyncLog implements CustomerSyncer.
func (s *SyncService) SyncLog(ctx context.Context, limit int) ([]SyncLogEntry, error) {
	return s.Store.SyncLog(ctx, limit)
}

// SeparateWeakMatch implements CustomerSyncer.
func (s *SyncService) SeparateWeakMatch(ctx context.Context, customerID int64) error {
	_, err := s.Store.SeparateCustomer(ctx, customerID)
	return err
}

// Report summarises the preview in report form: what the run would do
// (sync --dry-run, the log of a preview that was not applied).
func (p *SyncPreview) Report() SyncReport {
	r := SyncReport{Demo: p.Demo, Created: len(p.New), Unchanged: p.Unchanged, PushedNew: len(p.PushNew),
		PushedUpdates: len(p.PushUpdates), Requests: p.Requests, Warnings: p.Warnings}
	if p.session != nil {
		r.Started = p.session.start
		r.Requests = p.session.remote.Requests()
	}
	for _, u := range p.Updates {
		if u.Merge.Changed() {
			r.Updated++
		} else {
			r.Unchanged++
		}
		side := ReportSide{ID: u.Remote.ID, Name: u.Remote.Customer.Name}
		local := ReportSide{ID: u.LocalID, Name: u.LocalName}
		if len(u.Merge.Conflicts) > 0 {
			r.Conflicts = append(r.Conflicts, ReportConflict{Kind: ConflictField, Rule: u.Rule, MiniCRM: side,
				Local: []ReportSide{local}, Fields: u.Merge.Conflicts})
		}
		if u.Weak() {
			r.WeakMatches = append(r.WeakMatches, ReportMatch{Rule: u.Rule, MiniCRM: side, Local: local})
		}
	}
	for _, c := range p.Conflicts {
		rc := ReportConflict{Kind: c.Kind, Rule: c.Rule, MiniCRM: ReportSide{ID: c.Remote.ID, Name: c.Remote.Customer.Name}}
		for _, cand := range c.Candidates {
			rc.Local = append(rc.Local, ReportSide{ID: cand.ID, Name: cand.Name})
		}
		r.Conflicts = append(r.Conflicts, rc)
	}
	r.Plan = p.planDetails()
	return r
}

// planDetails lists what the preview would do, customer by customer.
func (p *SyncPreview) planDetails() *SyncPlanDetails {
	d := &SyncPlanDetails{New: []SyncPlanCustomer{}, Updates: []SyncPlanUpdate{}, PushNew: []SyncPlanCustomer{},
		PushUpdates: []SyncPlanUpdate{}}
	plan := func(id int64, c Customer) SyncPlanCustomer {
		return SyncPlanCustomer{ID: id, Name: c.Name, Kind: c.Kind, TaxNumber: c.TaxNumber, Address: c.BillingAddress.OneLine()}
	}
	for _, r := range p.New {
		d.New = append(d.New, plan(r.ID, r.Customer))
	}
	for _, u := range p.Updates {
		if !u.Merge.Changed() {
			continue
		}
		d.Updates = append(d.Updates, SyncPlanUpdate{MiniCRM: ReportSide{ID: u.Remote.ID, Name: u.Remote.Customer.Name},
			Local: ReportSide{ID: u.LocalID, Name: u.LocalName}, Rule: u.Rule, Fields: u.Merge.Changes, Conflicts: u.Merge.Conflicts})
	}
	if p.Demo {
		return d
	}
	for _, c := range p.PushNew {
		d.PushNew = append(d.PushNew, plan(c.ID, c))
	}
	for _, u := range p.PushUpdates {
		d.PushUpdates = append(d.PushUpdates, SyncPlanUpdate{MiniCRM: ReportSide{ID: u.Customer.MiniCRMID, Name: u.Customer.Name},
			Local: ReportSide{ID: u.Customer.ID, Name: u.Customer.Name}, Rule: RuleMiniCRMID, Fields: u.Fields})
	}
	return d
}
