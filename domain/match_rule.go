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
