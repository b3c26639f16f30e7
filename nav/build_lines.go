package nav

import (
	"fmt"

	"konnyuszamla/domain"
)

// maxQuantityPlaces is QuantityType's fractionDigits.
const maxQuantityPlaces = 10

func (b *builder) lines() (xLines, error) {
	out := xLines{Lines: make([]xLine, len(b.inv.Lines))}
	for i, l := range b.inv.Lines {
		info, ok := l.VAT.Info()
		if !ok {
			return out, fmt.Errorf("nav: %s line %d: unknown VAT code %q", b.inv.Number, i+1, l.VAT)
		}
		amounts := b.totals.Lines[i]
		unit, own := UnitOfMeasure(l.Unit)
		x := xLine{
			Number:           i + 1,
			Expression:       true,
			Description:      l.Description,
			Quantity:         quantity(l.Quantity),
			UnitOfMeasure:    unit,
			UnitOfMeasureOwn: own,
			UnitPrice:        quantity(l.UnitPrice),
			UnitPriceHUF:     quantity(l.UnitPrice.Mul(b.rate)),
		}
		if b.storno {
			// A sztornó's lines are new lines of the invoice's chain,
			// numbered after the original's (NAV spec 2.5.1).
			x.ModReference = &xLineModReference{LineNumberReference: b.lineRefBase + i + 1, LineOperation: "CREATE"}
		}
		net, vat := amounts.Net.Decimal(), amounts.VAT.Decimal()
		netHUF, vatHUF := b.huf(net), b.huf(vat)
		x.Amounts = xLineAmounts{
			Net:      monetary(net),
			NetHUF:   monetary(netHUF),
			VatRate:  vatRate(info),
			Gross:    monetary(amounts.Gross.Decimal()),
			GrossHUF: monetary(netHUF.Add(vatHUF)),
		}
		if info.HasRate {
			x.Amounts.Vat = &xLineVat{Amount: monetary(vat), AmountHUF: monetary(vatHUF)}
		}
		out.Lines[i] = x
	}
	return out, nil
}

func (b *builder) summary() (xSummary, error) {
	t := b.totals
	s := xSummary{
		Net: monetary(t.Net.Decimal()), NetHUF: monetary(t.NetHUF.Decimal()),
		Vat: monetary(t.VAT.Decimal()), VatHUF: monetary(t.VATHUF.Decimal()),
		Gross: monetary(t.Gross.Decimal()), GrossHUF: monetary(t.GrossHUF.Decimal()),
	}
	for _, row := range t.VATSummary {
		info, ok := row.VAT.Info()
		if !ok {
			return s, fmt.Errorf("nav: %s: unknown VAT code %q in the summary", b.inv.Number, row.VAT)
		}
		s.ByVatRate = append(s.ByVatRate, xSummaryByVatRate{
			VatRate: vatRate(info),
			Net:     monetary(row.Net.Decimal()), NetHUF: monetary(row.NetHUF.Decimal()),
			Vat: monetary(row.VATAmount.Decimal()), VatHUF: monetary(row.VATAmountHUF.Decimal()),
			Gross: monetary(row.Gross.Decimal()), GrossHUF: monetary(row.GrossHUF.Decimal()),
		})
	}
	return s, nil
}

// huf converts an amount of the document currency to forints, to the
// 2 decimals MonetaryType allows.
func (b *builder) huf(d domain.Decimal) domain.Decimal { return d.Mul(b.rate).Round(2) }

// vatRate maps a VAT code to the VatRateType choice NAV expects: the rate
// as a fraction (27 → 0.27), an exemption or out-of-scope case with its
// legal basis, or the domestic reverse-charge flag.
func vatRate(info domain.VATInfo) xVatRate {
	switch info.Category {
	case domain.VATCatPercentage:
		return xVatRate{Percentage: info.Percent.Shift(-2).String()}
	case domain.VATCatExemption:
		return xVatRate{Exemption: &xReason{Case: info.NAVCase, Reason: info.LegalBasis}}
	case domain.VATCatOutOfScope:
		return xVatRate{OutOfScope: &xReason{Case: info.NAVCase, Reason: info.LegalBasis}}
	case domain.VATCatDomesticRC:
		return xVatRate{DomesticReverseCh: true}
	}
	panic("nav: VAT category without a NAV mapping: " + string(info.Category))
}

// monetary writes a MonetaryType amount: exactly 2 decimals.
func monetary(d domain.Decimal) string { return d.StringFixed(2) }

// quantity writes a QuantityType value: as given, at most 10 decimals.
func quantity(d domain.Decimal) string {
	if d.Places() > maxQuantityPlaces {
		d = d.Round(maxQuantityPlaces)
	}
	return d.String()
}
