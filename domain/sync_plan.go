package domain

// PlanSync plans a run from the fetched (staged) MiniCRM customers, the
// local customers and the creates a previous run left open. It writes
// nothing; ApplySync carries the plan out.
func PlanSync(remote []RemoteCustomer, local []LocalCustomer, intents []SyncIntent) *SyncPreview {
	remote = dedupRemote(remote)
	p := &SyncPreview{Pending: intents}
	mr := MatchCustomers(remote, local)
	p.Updates = make([]SyncUpdate, 0, len(mr.Matches))
	p.New = make([]RemoteCustomer, 0, len(mr.New))

	matched := make(map[int]bool, len(mr.Matches))
	contested := map[int]bool{}
	for _, m := range mr.Matches {
		matched[m.Local] = true
		lc := &local[m.Local]
		u := SyncUpdate{Remote: remote[m.Remote], LocalID: lc.ID, LocalName: lc.Name, Rule: m.Rule}
		u.Merge = MergeRemote(lc.Customer, baseOf(lc, u.Remote.ID), u.Remote)
		p.Warnings = append(p.Warnings, u.Remote.Warnings...)
		if len(u.Merge.Push) > 0 {
			p.PushUpdates = append(p.PushUpdates, SyncPush{Customer: u.Merge.Customer, Fields: u.Merge.Push})
		}
		if !u.Merge.Changed() && u.Rule == RuleMiniCRMID && lc.Base != nil {
			p.Unchanged++
			p.same = append(p.same, u)
			continue
		}
		p.Updates = append(p.Updates, u)
	}
	for _, i := range mr.New {
		p.New = append(p.New, remote[i])
		p.Warnings = append(p.Warnings, remote[i].Warnings...)
	}
	for _, c := range mr.Conflicts {
		sc := SyncConflict{Remote: remote[c.Remote], Kind: c.Kind, Rule: c.Rule}
		for _, li := range c.Locals {
			contested[li] = true
			sc.Candidates = append(sc.Candidates, local[li].Customer)
		}
		p.Conflicts = append(p.Conflicts, sc)
	}

	open := make(map[int64]bool, len(intents))
	for _, in := range intents {
		open[in.CustomerID] = true
	}
	for i := range local {
		lc := &local[i]
		switch {
		case matched[i] || contested[i] || open[lc.ID]:
		case lc.MiniCRMID == 0 && !lc.Archived:
			p.PushNew = append(p.PushNew, lc.Customer)
		case lc.MiniCRMID != 0 && lc.Dirty && lc.Base != nil:
			if fields := DiffCustomers(lc.Base, &lc.Customer); len(fields) > 0 {
				p.PushUpdates = append(p.PushUpdates, SyncPush{Customer: lc.Customer, Fields: fields})
			}
		}
	}
	return p
}

// baseOf returns the agreed version of lc if it is linked to remote id.
func baseOf(lc *LocalCustomer, id int64) *Customer {
	if lc.MiniCRMID == id {
		return lc.Base
	}
	return nil
}

// dedupRemote keeps the last version of each MiniCRM id, in first-seen order.
func dedupRemote(rs []RemoteCustomer) []RemoteCustomer {
	pos := make(map[int64]int, len(rs))
	for i, r := range rs {
		pos[r.ID] = i
	}
	if len(pos) == len(rs) {
		return rs // no id twice: nothing to copy
	}
	clear(pos)
	out := make([]RemoteCustomer, 0, len(rs))
	for _, r := range rs {
		if i, ok := pos[r.ID]; ok {
			out[i] = r
			continue
		}
		pos[r.ID] = len(out)
		out = append(out, r)
	}
	return out
}
