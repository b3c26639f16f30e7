package domain

import "strings"

// VATCode says how a line is taxed: a rate ("27", "18", "5", "0") or an
// exemption / special case code ("AAM", "FAD", …). The codes are the ones
// Hungarian invoicing programs and NAV use (invoicing-hu.md A.5).
type VATCode string

// The VAT codes.
const (
	VAT27      VATCode = "27"
	VAT18      VATCode = "18"
	VAT5       VATCode = "5"
	VAT0       VATCode = "0"
	VATAAM     VATCode = "AAM"     // alanyi adómentes (small-business exemption)
	VATTAM     VATCode = "TAM"     // tárgyi adómentes (exempt activity)
	VATKBAET   VATCode = "KBAET"   // intra-EU exempt supply of goods
	VATEAM     VATCode = "EAM"     // export outside the EU
	VATNAM     VATCode = "NAM"     // other international exemptions
	VATATK     VATCode = "ATK"     // outside the scope of the VAT Act
	VATEUFAD37 VATCode = "EUFAD37" // service taxed where the EU buyer is, reverse charge
	VATEUFADE  VATCode = "EUFADE"  // other reverse-charge supply in another member state
	VATEUE     VATCode = "EUE"     // non-reverse-charge supply in another member state
	VATHO      VATCode = "HO"      // supply performed in a third country
	VATFAD     VATCode = "FAD"     // domestic reverse charge (Áfa tv. 142. §)
)

// VATCategory is the NAV 3.0 VatRateType choice a code is reported under.
type VATCategory string

// The NAV VAT categories used by the codes above.
const (
	VATCatPercentage VATCategory = "vatPercentage"
	VATCatExemption  VATCategory = "vatExemption"
	VATCatOutOfScope VATCategory = "vatOutOfScope"
	VATCatDomesticRC VATCategory = "vatDomesticReverseCharge"
)

// VATInfo describes a VAT code.
type VATInfo struct {
	Code     VATCode
	Category VATCategory
	// Percent is the rate in percent; meaningful only when HasRate.
	Percent Decimal
	HasRate bool
	// NAVCase is the NAV case code of an exemption or out-of-scope supply
	// ("" for rates and for the domestic reverse charge, which is a flag).
	NAVCase string
	// Label is the short Hungarian name shown in the VAT column and pickers.
	Label string
	// LegalBasis is printed on the invoice for every line with this code, as
	// Áfa tv. 169. § m) and n) require ("" for ordinary rates).
	LegalBasis string
	// NeedsBuyerEUVAT: the buyer's (non-Hungarian) EU VAT number must be on
	// the invoice.
	NeedsBuyerEUVAT bool
	// NeedsBuyerHUTaxNumber: the buyer must be a Hungarian taxable person,
	// since they pay the VAT instead of the seller.
	NeedsBuyerHUTaxNumber bool
}

// vatTable lists the codes in the order the VAT summary prints them: rates
// from the highest, then exemptions, then out-of-scope cases.
var vatTable = []VATInfo{
	{Code: VAT27, Category: VATCatPercentage, Percent: DecimalFromInt(27), HasRate: true, Label: "27%"},
	{Code: VAT18, Category: VATCatPercentage, Percent: DecimalFromInt(18), HasRate: true, Label: "18%"},
	{Code: VAT5, Category: VATCatPercentage, Percent: DecimalFromInt(5), HasRate: true, Label: "5%"},
	{Code: VAT0, Category: VATCatPercentage, Percent: Decimal{}, HasRate: true, Label: "0%"},
	{Code: VATAAM, Category: VATCatExemption, NAVCase: "AAM", Label: "AAM – alanyi adómentes",
		LegalBasis: "Alanyi adómentes – Áfa tv. XIII. fejezet"},
	{Code: VATTAM, Category: VATCatExemption, NAVCase: "TAM", Label: "TAM – tárgyi adómentes",
		LegalBasis: "Tárgyi adómentes – Áfa tv. 85–86. §"},
	{Code: VATKBAET, Category: VATCatExemption, NAVCase: "KBAET", Label: "KBAET – Közösségen belüli termékértékesítés",
		LegalBasis: "Adómentes Közösségen belüli termékértékesítés – Áfa tv. 89. §", NeedsBuyerEUVAT: true},
	{Code: VATEAM, Category: VATCatExemption, NAVCase: "EAM", Label: "EAM – termékexport",
		LegalBasis: "Adómentes termékexport – Áfa tv. 98–109. §"},
	{Code: VATNAM, Category: VATCatExemption, NAVCase: "NAM", Label: "NAM – nemzetközi ügylet",
		LegalBasis: "Egyéb nemzetközi ügylethez kapcsolódó adómentesség – Áfa tv. 110–118. §"},
	{Code: VATATK, Category: VATCatOutOfScope, NAVCase: "ATK", Label: "ATK – áfa hatályán kívül",
		LegalBasis: "Áfa tv. hatályán kívüli ügylet – Áfa tv. 2–3. §"},
	{Code: VATEUFAD37, Category: VATCatOutOfScope, NAVCase: "EUFAD37", Label: "EUFAD37 – fordított adózás, uniós szolgáltatás",
		LegalBasis: "Fordított adózás – Áfa tv. 37. § (1), a szolgáltatás teljesítési helye a vevő országa", NeedsBuyerEUVAT: true},
	{Code: VATEUFADE, Category: VATCatOutOfScope, NAVCase: "EUFADE", Label: "EUFADE – más tagállamban, fordított adózás",
		LegalBasis: "Más tagállamban teljesített, fordítottan adózó ügylet"},
	{Code: VATEUE, Category: VATCatOutOfScope, NAVCase: "EUE", Label: "EUE – más tagállamban teljesített",
		LegalBasis: "Más tagállamban teljesített, nem fordítottan adózó ügylet"},
	{Code: VATHO, Category: VATCatOutOfScope, NAVCase: "HO", Label: "HO – harmadik országban teljesített",
		LegalBasis: "Harmadik országban teljesített ügylet"},
	{Code: VATFAD, Category: VATCatDomesticRC, Label: "FAD – belföldi fordított adózás",
		LegalBasis: "Fordított adózás – Áfa tv. 142. §", NeedsBuyerHUTaxNumber: true},
}

// VATCodes returns every code in VAT summary order (27, 18, 5, 0, AAM, …), for
// pickers.
func VATCodes() []VATCode {
	codes := make([]VATCode, len(vatTable))
	for i, v := range vatTable {
		codes[i] = v.Code
	}
	return codes
}

// Info returns the description of c; ok is false for an unknown code.
func (c VATCode) Info() (info VATInfo, ok bool) {
	for _, v := range vatTable {
		if v.Code == c {
			return v, true
		}
	}
	return VATInfo{}, false
}

// Valid reports whether c is one of the known codes.
func (c VATCode) Valid() bool { _, ok := c.Info(); return ok }

// order is c's position in the VAT summary (unknown codes last).
func (c VATCode) order() int {
	for i, v := range vatTable {
		if v.Code == c {
			return i
		}
	}
	return len(vatTable)
}

// ParseVATCode accepts a code as users and other programs write it: "27",
// "27%", "27 %", "aam", and the legacy "F.AFA" for the domestic reverse
// charge (FAD). Other legacy keys (EU, EUK, …) are ambiguous between goods
// and services and are rejected with a hint.
func ParseVATCode(s string) (VATCode, error) {
	v := strings.ToUpper(strings.Join(strings.Fields(s), ""))
	v = strings.TrimSuffix(v, "%")
	switch v {
	case "F.AFA", "F.ÁFA", "FAFA":
		return VATFAD, nil
	case "EU", "EUT", "EUK", "EUKT":
		return "", Errorf(EInvalid, "a(z) %s régi kulcs; termékre KBAET vagy EAM, szolgáltatásra EUFAD37 vagy HO a megfelelő", v)
	case "":
		return "", Errorf(EInvalid, "meg kell adni az áfakulcsot")
	}
	if c := VATCode(v); c.Valid() {
		return c, nil
	}
	return "", Errorf(EInvalid, "ismeretlen áfakulcs: %s (27, 18, 5, 0, AAM, TAM, KBAET, EAM, NAM, ATK, EUFAD37, EUFADE, EUE, HO vagy FAD)", strings.TrimSpace(s))
}
