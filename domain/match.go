package domain

// Match links MiniCRM customer Remote (an index into the remote list) to
// local customer Local (an index into the local list).
type Match struct {
	Remote, Local int
	Rule          MatchRule
}

// MatchConflict is a MiniCRM customer the cascade could not match safely.
type MatchConflict struct {
	Remote int
	Kind   ConflictKind
	Rule   MatchRule
	Locals []int // the candidates, indexes into the local list
}

// MatchResult is the outcome of MatchCustomers. Every remote index is in
// exactly one of Matches, New and Conflicts.
type MatchResult struct {
	Matches   []Match
	New       []int
	Conflicts []MatchConflict
	// Vetoed counts candidates dropped because both sides have valid tax
	// numbers of different taxpayers.
	Vetoed int
}

// MatchCustomers runs the matching cascade of MiniCRM customers against
// local ones. It builds one hash index per step over the local customers,
// so the cost is linear in the number of customers, never pairwise.
//
// Safety rules on top of the cascade: two different valid tax numbers veto
// a name or address match; a step that finds several candidates is not
// matched but reported (ConflictAmbiguous); a local customer claimed by
// several MiniCRM customers is matched to none of them (ConflictClaimed);
// an address-only match (step 4) is made only when it is unique on both
// sides, between customers of the same kind (company or private person).
// Two addresses whose postal codes differ (when both sides have one) are
// different in every step; without both postal codes, two different
// Budapest districts are; step 4 also needs the district of a Budapest
// address known on both sides. Local customers already linked to a MiniCRM id take part only in
// step 1.
func MatchCustomers(remote []RemoteCustomer, local []LocalCustomer) MatchResult {
	byID := make(map[int64]int, len(local)/2)
	bill := make(map[string][]int32, len(local))
	mail := make(map[string][]int32)
	addr := make(map[string][]int32, len(local))
	ltax := make([]string, len(local))
	lkeys := make([]matchKeys, len(local))
	for i := range local {
		c := &local[i].Customer
		if c.MiniCRMID != 0 {
			byID[c.MiniCRMID] = i
			continue
		}
		k := keysOf(c)
		lkeys[i] = k
		ltax[i] = k.taxpayer
		if k.bill != "" {
			bill[k.bill] = append(bill[k.bill], int32(i))
		}
		if k.mail != "" {
			mail[k.mail] = append(mail[k.mail], int32(i))
		}
		if k.addr != "" {
			addr[k.addr] = append(addr[k.addr], int32(i))
		}
	}

	var res MatchResult
	rkeys := make([]matchKeys, len(remote))
	tentative := make([]Match, 0, len(remote))
	claims := map[int][]int{} // local index → tentative remote indexes
	decided := make([]bool, len(remote))
	// veto drops the candidates at a different place (postal code or
	// Budapest district) and those of a different taxpayer.
	veto := func(cands []int32, tax string, at func(matchKeys) place, strict bool, rk matchKeys) []int {
		out := make([]int, 0, len(cands))
		for _, c := range cands {
			if !samePlace(at(rk), at(lkeys[c]), strict) {
				continue
			}
			if tax != "" && ltax[c] != "" && ltax[c] != tax {
				res.Vetoed++
				continue
			}
			out = append(out, int(c))
		}
		return out
	}

	// Steps 1–3.
	for i := range remote {
		if li, ok := byID[remote[i].ID]; ok {
			res.Matches = append(res.Matches, Match{Remote: i, Local: li, Rule: RuleMiniCRMID})
			decided[i] = true
			continue
		}
		k := keysOf(&remote[i].Customer)
		rkeys[i] = k
		for _, step := range []struct {
			key  string
			idx  map[string][]int32
			rule MatchRule
			at   func(matchKeys) place
		}{{k.bill, bill, RuleNameBilling, billPlace}, {k.mail, mail, RuleNameMailing, mailPlace}} {
			if step.key == "" {
				continue
			}
			cands := veto(step.idx[step.key], k.taxpayer, step.at, false, k)
			if len(cands) == 0 {
				continue
			}
			if len(cands) > 1 {
				res.Conflicts = append(res.Conflicts, MatchConflict{Remote: i, Kind: ConflictAmbiguous, Rule: step.rule, Locals: cands})
			} else {
				tentative = append(tentative, Match{Remote: i, Local: cands[0], Rule: step.rule})
				claims[cands[0]] = append(claims[cands[0]], i)
			}
			decided[i] = true
			break
		}
	}
	taken := make(map[int]bool, len(tentative))
	res.settle(tentative, claims, taken)

	// Step 4, over the remote and local customers steps 1–3 left free.
	tentative, claims = tentative[:0], map[int][]int{}
	for i := range remote {
		if decided[i] {
			continue
		}
		var cands []int
		if rkeys[i].addr != "" {
			for _, c := range veto(addr[rkeys[i].addr], rkeys[i].taxpayer, billPlace, true, rkeys[i]) {
				if !taken[c] {
					cands = append(cands, c)
				}
			}
		}
		switch len(cands) {
		case 0:
			res.New = append(res.New, i)
		case 1:
			tentative = append(tentative, Match{Remote: i, Local: cands[0], Rule: RuleAddress})
			claims[cands[0]] = append(claims[cands[0]], i)
		default:
			res.Conflicts = append(res.Conflicts, MatchConflict{Remote: i, Kind: ConflictAmbiguous, Rule: RuleAddress, Locals: cands})
		}
	}
	res.settle(tentative, claims, taken)
	return res
}

// settle turns tentative matches into matches, except for local customers
// claimed more than once, whose claimants all become conflicts. Matched
// and contested locals are marked taken.
func (res *MatchResult) settle(tentative []Match, claims map[int][]int, taken map[int]bool) {
	for _, m := range tentative {
		taken[m.Local] = true
		if len(claims[m.Local]) > 1 {
			res.Conflicts = append(res.Conflicts, MatchConflict{Remote: m.Remote, Kind: ConflictClaimed, Rule: m.Rule, Locals: []int{m.Local}})
			continue
		}
		res.Matches = append(res.Matches, m)
	}
}
