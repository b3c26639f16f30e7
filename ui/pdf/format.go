package pdf

import (
	"strings"

	"konnyuszamla/domain"
)

// amount writes m without its currency, for table cells whose column or
// caption names the currency: "43 100", "1 234,50".
func amount(m domain.Money) string {
	return strings.TrimSuffix(m.String(), domain.HUSpace+m.Currency.Symbol())
}

// quantity writes a line quantity the Hungarian way: "2", "1,5", "-3".
func quantity(d domain.Decimal) string { return domain.FormatDecimalHU(d, 0) }

// vatShort is the VAT column of a line: "27%" for a rate, the code ("TAM",
// "FAD") otherwise.
func vatShort(c domain.VATCode) string {
	if info, ok := c.Info(); ok && info.HasRate {
		return info.Label
	}
	return string(c)
}

// vatLong is the VAT summary label: "27%" or "TAM – tárgyi adómentes".
func vatLong(c domain.VATCode) string {
	if info, ok := c.Info(); ok {
		return info.Label
	}
	return string(c)
}

// exchangeRate writes "1 EUR = 395,12 Ft", without trailing zeros of the
// rate's fraction.
func exchangeRate(c domain.Currency, rate domain.Decimal) string {
	s := domain.FormatDecimalHU(rate, 0)
	if strings.Contains(s, ",") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ",")
	}
	return "1" + domain.HUSpace + string(c) + " = " + s + domain.HUSpace + domain.HUF.Symbol()
}

// addressLines writes a postal address as printed on Hungarian invoices:
// "1051 Budapest, Fő utca 1." and, for a foreign address, the country code
// on its own line.
func addressLines(a domain.Address) []string {
	var lines []string
	place := strings.TrimSpace(a.PostalCode + " " + a.City)
	switch {
	case place != "" && a.Street != "":
		lines = append(lines, place+", "+a.Street)
	case place != "":
		lines = append(lines, place)
	case a.Street != "":
		lines = append(lines, a.Street)
	}
	if a.Country != "" && a.Country != "HU" {
		lines = append(lines, "Ország: "+a.Country)
	}
	return lines
}

// usedCodes lists the VAT codes of inv in VAT summary order, as Totals
// groups them.
func (r *renderer) usedCodes() []domain.VATCode {
	codes := make([]domain.VATCode, 0, len(r.t.VATSummary))
	for _, row := range r.t.VATSummary {
		codes = append(codes, row.VAT)
	}
	return codes
}

// hasCode reports whether any line of the document uses code c.
func (r *renderer) hasCode(c domain.VATCode) bool {
	for _, u := range r.usedCodes() {
		if u == c {
			return true
		}
	}
	return false
}

// isCashRounded reports whether the totals show the cash rounding: a forint
// document paid in cash (the rounding may be 0 Ft).
func (r *renderer) isCashRounded() bool {
	return (r.inv.Currency == domain.HUF && r.inv.PaymentMethod == domain.PayCash) || r.t.Rounding.Sign() != 0
}
