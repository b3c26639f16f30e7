package domain

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// search looks for c's twin in MiniCRM before pass 2 creates it: by tax
// number (companies, Type=Business), then by e-mail, then by exact name
// (MiniCRM's Name filter is partial, so its results are compared with
// NormalizeName). The e-mail and name searches are not narrowed by type:
// one contact found is the twin whatever its kind (a sole trader kept as
// a Person in MiniCRM and as a company here is still one customer, and
// creating it again would duplicate it). Only when a search finds several
// contacts are they narrowed to c's kind (Business for a company, Person
// for a private person): exactly one left is the twin. One contact found,
// whose tax number does not veto it, gives the twin; several (after the
// kind filter) stop with ambiguous (reported as a conflict: nothing is
// created); finding nothing everywhere means c is new.
func (sess *syncSession) search(ctx context.Context, rep *SyncReport, c Customer) (found *RemoteCustomer, ambiguous bool, err error) {
	type try struct {
		field SearchField
		value string
	}
	var tries []try
	if c.Kind == KindCompany && c.TaxNumber != "" {
		tries = append(tries, try{SearchTaxNumber, c.TaxNumber})
	}
	if c.Email != "" {
		tries = append(tries, try{SearchEmail, c.Email})
	}
	q := SyncNameQuery(c.Name)
	if words := strings.Fields(c.Name); c.Kind == KindPerson && len(words) > 0 {
		// MiniCRM lists a person as "First Last": search by the family
		// name, which is a part of it whatever the order.
		q = words[0]
	}
	if q != "" {
		tries = append(tries, try{SearchName, q})
	}
	tax := TaxpayerKey(c.TaxNumber, c.EUVATNumber)
	for _, t := range tries {
		cands, err := sess.remote.SearchContacts(ctx, t.field, t.value, c.Kind)
		if err != nil {
			return nil, false, err
		}
		if t.field == SearchName {
			cands = slices.DeleteFunc(cands, func(x SyncCandidate) bool { return !sameName(x.Name, c.Name, c.Kind) })
		}
		if len(cands) > 1 {
			if same := sameKind(cands, c.Kind); len(same) == 1 {
				cands = same
			}
		}
		switch len(cands) {
		case 0:
			continue
		case 1:
		default:
			sess.searchConflict(rep, c, t.field, cands)
			return nil, true, nil
		}
		rc, err := sess.remote.Customer(ctx, cands[0].ID)
		if err != nil {
			return nil, false, err
		}
		if other := TaxpayerKey(rc.Customer.TaxNumber, rc.Customer.EUVATNumber); tax != "" && other != "" && other != tax {
			continue // a different taxpayer of the same e-mail or name
		}
		twin, err := sess.svc.Store.CustomerByMiniCRM(ctx, rc.ID)
		if err != nil {
			return nil, false, fmt.Errorf("find the customer of minicrm %d: %w", rc.ID, err)
		}
		if twin != nil {
			if other := TaxpayerKey(twin.TaxNumber, twin.EUVATNumber); tax != "" && other != "" && other != tax {
				continue // linked to a different taxpayer: not c
			}
			// Another local customer is already this MiniCRM customer: c is
			// probably a local duplicate, and creating it would duplicate
			// MiniCRM too.
			sess.searchConflict(rep, c, t.field, cands)
			return nil, true, nil
		}
		return &rc, false, nil
	}
	return nil, false, nil
}

// sameKind returns the candidates of kind k.
func sameKind(cands []SyncCandidate, k CustomerKind) []SyncCandidate {
	var out []SyncCandidate
	for _, x := range cands {
		if x.Business == (k != KindPerson) {
			out = append(out, x)
		}
	}
	return out
}

// sameName compares a MiniCRM search result's name with a local name. A
// person is listed "First Last" by MiniCRM and named "Last First" here, so
// persons compare their words in any order.
func sameName(remote, local string, kind CustomerKind) bool {
	a, b := NormalizeName(remote), NormalizeName(local)
	if a == b {
		return true
	}
	if kind != KindPerson {
		return false
	}
	x, y := strings.Fields(a), strings.Fields(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}

func (sess *syncSession) searchConflict(rep *SyncReport, c Customer, field SearchField, cands []SyncCandidate) {
	rc := ReportConflict{Kind: ConflictSearch, Rule: RuleSearch,
		MiniCRM: ReportSide{ID: cands[0].ID, Name: cands[0].Name}, Local: []ReportSide{{ID: c.ID, Name: c.Name}}}
	names := make([]string, 0, len(cands))
	for _, x := range cands {
		names = append(names, fmt.Sprintf("%s (#%d)", x.Name, x.ID))
	}
	rep.Conflicts = append(rep.Conflicts, rc)
	rep.Warnings = append(rep.Warnings, fmt.Sprintf("„%s”: a MiniCRM-ben már van hasonló kapcsolat (%s: %s), ezért nem "+
		"hoztuk létre újra. Kapcsolja össze kézzel, vagy javítsa az adatokat.", c.Name, searchLabel(field), strings.Join(names, ", ")))
}

func searchLabel(f SearchField) string {
	switch f {
	case SearchTaxNumber:
		return "azonos adószám"
	case SearchEmail:
		return "azonos e-mail-cím"
	}
	return "azonos név"
}

// linkFound links local customer c to the MiniCRM contact the search found
// and merges its data in (MiniCRM's values win where it has any; local
// values it lacks are pushed afterwards). It returns the merged customer
// and the agreed version.
func (sess *syncSession) linkFound(ctx context.Context, rep *SyncReport, in *SyncIntent, c Customer, found RemoteCustomer) (Customer, *Customer, error) {
	// After a lost answer the one contact found is the one we created.
	in.Found = in.InFlight != StepContact
	in.ContactID, in.InFlight = found.ID, StepNone
	in.BillingAddressID, in.MailingAddressID = found.BillingAddressID, found.MailingAddressID
	if err := sess.svc.Store.SaveSyncIntent(ctx, *in); err != nil {
		return c, nil, fmt.Errorf("save sync intent of customer %d: %w", in.CustomerID, err)
	}
	applied, err := sess.svc.Store.ApplyRemote(ctx, SyncApplyOp{Remote: found, LocalID: c.ID, Rule: RuleSearch})
	if err != nil {
		return c, nil, fmt.Errorf("link customer %d to minicrm %d: %w", c.ID, found.ID, err)
	}
	if applied.Merge.Changed() {
		rep.Updated++
	}
	rep.Warnings = append(rep.Warnings, found.Warnings...)
	if !in.Found {
		return applied.Merge.Customer, nil, nil
	}
	base := found.Customer
	base.ID = c.ID
	return applied.Merge.Customer, &base, nil
}
