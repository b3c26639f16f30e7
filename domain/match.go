package domain

import "strings"

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
	RuleAddress               // 4: billing postal code/district, city + street alone, same kind: a weak match
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

// Label is the kind in Hungarian, for the CLI, the preview and the log.
func (k ConflictKind) Label() string {
	switch k {
	case ConflictAmbiguous:
		return "több helyi vevő is egyezik"
	case ConflictClaimed:
		return "a helyi vevő több MiniCRM-vevővel is egyezik"
	case ConflictField:
		return "mindkét helyen módosult"
	case ConflictSearch:
		return "a MiniCRM-ben már van hasonló kapcsolat"
	}
	return "ütközés"
}

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
// The keys leave the postal code and the Budapest district out (either may
// be missing on one side); candidates found by a key are then filtered with
// samePlace, which compares them when both sides have them.
type matchKeys struct {
	bill, mail, addr string
	taxpayer         string
	billAt, mailAt   place
}

// place is where an address is, beyond its city and street: the postal
// code and, in Budapest, the district (from the postal code or the city
// field: "Budapest XI. ker."). Empty or 0 when unknown.
type place struct {
	postal   string
	district int
}

func placeOf(a Address) place {
	p := place{postal: strings.Join(matchTokens(a.PostalCode), "")}
	if p.postal == "" {
		// "1111 Budapest": the postal code typed into the city field.
		if toks := matchTokens(a.City); len(toks) > 1 && isDigits(toks[0]) {
			p.postal = toks[0]
		}
	}
	p.district = BudapestDistrict(a.PostalCode, a.City)
	return p
}

// samePlace reports whether two addresses with the same city and street
// may be the same place: different postal codes (when both sides have one)
// are different addresses; otherwise different Budapest districts are.
// strict (the address-only step 4) also requires the district to be known
// on both sides of a Budapest address.
func samePlace(a, b place, strict bool) bool {
	if a.postal != "" && b.postal != "" {
		return a.postal == b.postal
	}
	if a.district != 0 && b.district != 0 {
		return a.district == b.district
	}
	return !strict || (a.district == 0 && b.district == 0)
}

// BudapestDistrict is the district (1–23) of a Budapest address, from the
// city field ("Budapest XI. ker.", "Bp. 11. kerület", "1111 Budapest")
// or else from the postal code (1DDx: district DD); 0 outside Budapest or
// when unknown.
func BudapestDistrict(postal, city string) int {
	toks := matchTokens(city)
	for len(toks) > 0 && isDigits(toks[0]) {
		if strings.TrimSpace(postal) == "" {
			postal = toks[0] // "1111 Budapest"
		}
		toks = toks[1:]
	}
	if len(toks) == 0 || (toks[0] != "budapest" && toks[0] != "bp" && toks[0] != "bpest") {
		return 0
	}
	if len(toks) > 1 {
		if d := romanValue(toks[1]); d >= 1 && d <= 23 {
			return d
		}
		if isDigits(toks[1]) && len(toks[1]) <= 2 {
			if d := atoiSmall(toks[1]); d >= 1 && d <= 23 {
				return d
			}
		}
	}
	pc := strings.Join(matchTokens(postal), "")
	if len(pc) == 4 && pc[0] == '1' && isDigits(pc) {
		if d := atoiSmall(pc[1:3]); d >= 1 && d <= 23 {
			return d
		}
	}
	return 0
}

func atoiSmall(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// romanValue is the value of a Roman numeral made of i, v and x (0 if t is
// not one).
func romanValue(t string) int {
	if !isRoman(t) {
		return 0
	}
	val := func(b byte) int {
		switch b {
		case 'i':
			return 1
		case 'v':
			return 5
		}
		return 10
	}
	n := 0
	for i := 0; i < len(t); i++ {
		v := val(t[i])
		if i+1 < len(t) && val(t[i+1]) > v {
			n -= v
		} else {
			n += v
		}
	}
	return n
}

func keysOf(c *Customer) matchKeys {
	k := matchKeys{taxpayer: TaxpayerKey(c.TaxNumber, c.EUVATNumber)}
	name := NormalizeName(c.Name)
	kind := c.Kind
	if kind == "" {
		kind = KindCompany
	}
	if !c.BillingAddress.IsZero() {
		city, street := NormalizeCity(c.BillingAddress.City), NormalizeStreet(c.BillingAddress.Street)
		if city != "" && street != "" {
			k.billAt = placeOf(c.BillingAddress)
			// Step 4 compares only the address, so a private person never
			// matches a company at the same address.
			k.addr = string(kind) + "\x00" + city + "\x00" + street
			if name != "" {
				k.bill = name + "\x00" + city + "\x00" + street
			}
		}
	}
	if m := c.MailingAddress; m != nil && !m.IsZero() && name != "" {
		city, street := NormalizeCity(m.City), NormalizeStreet(m.Street)
		if city != "" && street != "" {
			k.mailAt = placeOf(*m)
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

func billPlace(k matchKeys) place { return k.billAt }
func mailPlace(k matchKeys) place { return k.mailAt }

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
