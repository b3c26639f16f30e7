package domain

import (
	"slices"
	"strings"
	"testing"
)

func TestParseVATCode(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want VATCode
	}{
		{"27", VAT27}, {"27%", VAT27}, {" 27 % ", VAT27}, {"18", VAT18}, {"5", VAT5}, {"0", VAT0},
		{"aam", VATAAM}, {"TAM", VATTAM}, {"kbaet", VATKBAET}, {"EAM", VATEAM}, {"NAM", VATNAM},
		{"ATK", VATATK}, {"eufad37", VATEUFAD37}, {"EUFADE", VATEUFADE}, {"EUE", VATEUE}, {"HO", VATHO},
		{"FAD", VATFAD}, {"F.AFA", VATFAD}, {"f.áfa", VATFAD},
	} {
		if got, err := ParseVATCode(tc.in); err != nil || got != tc.want {
			t.Errorf("ParseVATCode(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, tc := range []struct{ in, msg string }{
		{"", "meg kell adni"},
		{"25", "ismeretlen áfakulcs: 25"},
		{"27.0", "ismeretlen áfakulcs"},
		{"EU", "KBAET vagy EAM"},
		{"EUK", "KBAET vagy EAM"},
	} {
		if _, err := ParseVATCode(tc.in); err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("ParseVATCode(%q) = %v, want an error containing %q", tc.in, err, tc.msg)
		}
	}
}

func TestVATCodeInfo(t *testing.T) {
	for _, tc := range []struct {
		code    VATCode
		cat     VATCategory
		percent string // "" when there is no rate
		navCase string
		basis   string // a part of the legal basis printed on the invoice
	}{
		{VAT27, VATCatPercentage, "27", "", ""},
		{VAT18, VATCatPercentage, "18", "", ""},
		{VAT5, VATCatPercentage, "5", "", ""},
		{VAT0, VATCatPercentage, "0", "", ""},
		{VATAAM, VATCatExemption, "", "AAM", "Alanyi adómentes – Áfa tv. XIII. fejezet"},
		{VATTAM, VATCatExemption, "", "TAM", "Tárgyi adómentes – Áfa tv. 85–86. §"},
		{VATKBAET, VATCatExemption, "", "KBAET", "Közösségen belüli termékértékesítés – Áfa tv. 89. §"},
		{VATEAM, VATCatExemption, "", "EAM", "Adómentes termékexport – Áfa tv. 98–109. §"},
		{VATNAM, VATCatExemption, "", "NAM", "Áfa tv. 110–118. §"},
		{VATATK, VATCatOutOfScope, "", "ATK", "Áfa tv. 2–3. §"},
		{VATEUFAD37, VATCatOutOfScope, "", "EUFAD37", "Áfa tv. 37. § (1)"},
		{VATEUFADE, VATCatOutOfScope, "", "EUFADE", "fordítottan adózó"},
		{VATEUE, VATCatOutOfScope, "", "EUE", "nem fordítottan adózó"},
		{VATHO, VATCatOutOfScope, "", "HO", "Harmadik országban"},
		{VATFAD, VATCatDomesticRC, "", "", "Fordított adózás – Áfa tv. 142. §"},
	} {
		info, ok := tc.code.Info()
		if !ok {
			t.Errorf("%s: unknown", tc.code)
			continue
		}
		if info.Category != tc.cat || info.NAVCase != tc.navCase || info.Label == "" {
			t.Errorf("%s: category %s, case %q, label %q", tc.code, info.Category, info.NAVCase, info.Label)
		}
		if info.HasRate != (tc.percent != "") || (info.HasRate && !info.Percent.Equal(decOf(tc.percent))) {
			t.Errorf("%s: rate %v %s, want %q", tc.code, info.HasRate, info.Percent, tc.percent)
		}
		if (tc.basis == "") != (info.LegalBasis == "") || !strings.Contains(info.LegalBasis, tc.basis) {
			t.Errorf("%s: legal basis %q, want it to contain %q", tc.code, info.LegalBasis, tc.basis)
		}
	}
	if _, ok := VATCode("25").Info(); ok {
		t.Error("25% is not a Hungarian rate but Info knows it")
	}
}

func TestVATCodesNeedingBuyerNumbers(t *testing.T) {
	var eu, hu []VATCode
	for _, c := range VATCodes() {
		info, _ := c.Info()
		if info.NeedsBuyerEUVAT {
			eu = append(eu, c)
		}
		if info.NeedsBuyerHUTaxNumber {
			hu = append(hu, c)
		}
	}
	if !slices.Equal(eu, []VATCode{VATKBAET, VATEUFAD37}) || !slices.Equal(hu, []VATCode{VATFAD}) {
		t.Errorf("buyer EU VAT needed by %v, HU tax number by %v", eu, hu)
	}
	if got := VATCodes(); len(got) != 15 || got[0] != VAT27 || got[3] != VAT0 || got[4] != VATAAM {
		t.Errorf("VATCodes() = %v; want 15 codes, rates first from the highest", got)
	}
}
