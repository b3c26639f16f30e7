package domain

// MatchRule is the step of the matching cascade that linked a MiniCRM
// customer to a local one. The cascade is the original service's, in its
// order: (1) MiniCRM id, (2) name + city + address of the billing address,
// (3) name + mailing city + mailing address, (4) the address alone.
type MatchRule int

// The rules, in cascade order, then the ones outside the cascade.
const (
	RuleNone        MatchRule = iota
	RuleMiniCRMID             // 1: the local customer carries the MiniCRM id
	RuleNameBilling           // 2: name + billing city + billing street
	RuleNameMailing           // 3: name + mailing city + mailing street
	RuleAddress               // 4: billing city + street alone: a weak match
	RuleManual                // the user linked them in the preview
	RuleSearch                // pass 2 found the contact by tax number, e-mail or name
)

// String is the rule's JSON name.
func (r MatchRule) String() string {
	switch r {
	case RuleMiniCRMID:
		return "minicrmId"
	case RuleNameBilling:
		return "nameBillingAddress"
	case RuleNameMailing:
		return "nameMailingAddress"
	case RuleAddress:
		return "address"
	case RuleManual:
		return "manual"
	case RuleSearch:
		return "search"
	}
	return "none"
}

// MarshalText writes the rule's JSON name.
func (r MatchRule) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText reads a rule's JSON name.
func (r *MatchRule) UnmarshalText(b []byte) error {
	for x := RuleNone; x <= RuleSearch; x++ {
		if x.String() == string(b) {
			*r = x
			return nil
		}
	}
	*r = RuleNone
	return nil
}

// Label is the rule in Hungarian, for the preview and the log.
func (r MatchRule) Label() string {
	switch r {
	case RuleMiniCRMID:
		return "MiniCRM azonosító"
	case RuleNameBilling:
		return "név + számlázási város és cím"
	case RuleNameMailing:
		return "név + levelezési város és cím"
	case RuleAddress:
		return "csak a cím (gyenge egyezés)"
	case RuleManual:
		return "kézi összekapcsolás"
	case RuleSearch:
		return "keresés a MiniCRM-ben (adószám, e-mail vagy név)"
	}
	return "nincs egyezés"
}

// ConflictKind says why a MiniCRM customer was not matched automatically.
type ConflictKind string

// The kinds of matching conflict.
const (
	// ConflictAmbiguous: a step of the cascade found several local customers.
	ConflictAmbiguous ConflictKind = "ambiguous"
	// ConflictClaimed: the local customer is claimed by several MiniCRM customers.
	ConflictClaimed ConflictKind = "claimed"
	// ConflictField: both sides changed a field since the last sync (the
	// MiniCRM value was applied).
	ConflictField ConflictKind = "field"
	// ConflictSearch: before creating, the search in MiniCRM found several
	// possible twins, so nothing was created.
	ConflictSearch ConflictKind = "search"
)

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

// matchKeys are the hash keys of one customer, one per cascade step.
type matchKeys struct {
	bill, mail, addr string
	taxpayer         string
}

func keysOf(c *Customer) matchKeys {
	k := matchKeys{taxpayer: TaxpayerKey(c.TaxNumber, c.EUVATNumber)}
	name := NormalizeName(c.Name)
	if !c.BillingAddress.IsZero() {
		city, street := NormalizeCity(c.BillingAddress.City), NormalizeStreet(c.BillingAddress.Street)
		if city != "" && street != "" {
			k.addr = city + "\x00" + street
			if name != "" {
				k.bill = name + "\x00" + k.addr
			}
		}
	}
	if m := c.MailingAddress; m != nil && !m.IsZero() && name != "" {
		city, street := NormalizeCity(m.City), NormalizeStreet(m.Street)
		if city != "" && street != "" {
			k.mail = name + "\x00" + city + "\x00" + street
		}
	}
	return k
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
// sides. Local customers already linked to a MiniCRM id take part only in
// step 1.
func MatchCustomers(remote []RemoteCustomer, local []LocalCustomer) MatchResult {
	byID := make(map[int64]int, len(local)/2)
	bill := make(map[string][]int32, len(local))
	mail := make(map[string][]int32)
	addr := make(map[string][]int32, len(local))
	ltax := make([]string, len(local))
	for i := range local {
		c := &local[i].Customer
		if c.MiniCRMID != 0 {
			byID[c.MiniCRMID] = i
			continue
		}
		k := keysOf(c)
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
	veto := func(cands []int32, tax string) []int {
		out := make([]int, 0, len(cands))
		for _, c := range cands {
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
		}{{k.bill, bill, RuleNameBilling}, {k.mail, mail, RuleNameMailing}} {
			if step.key == "" {
				continue
			}
			cands := veto(step.idx[step.key], k.taxpayer)
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
			for _, c := range veto(addr[rkeys[i].addr], rkeys[i].taxpayer) {
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
