package domain

import "sort"

// LineAmounts are one line's printed amounts in the document currency.
type LineAmounts struct {
	Net   Money `json:"net"`
	VAT   Money `json:"vat"`
	Gross Money `json:"gross"`
}

// VATSummaryRow is one row of the VAT summary (áfaösszesítő): the lines of
// one VAT code added up, in the document currency and in forints.
type VATSummaryRow struct {
	VAT          VATCode `json:"vat"`
	Net          Money   `json:"net"`
	VATAmount    Money   `json:"vatAmount"`
	Gross        Money   `json:"gross"`
	NetHUF       Money   `json:"netHuf"`
	VATAmountHUF Money   `json:"vatAmountHuf"`
	GrossHUF     Money   `json:"grossHuf"`
}

// Totals are the computed amounts of a document. They are derived from the
// lines every time and never stored, so they cannot disagree with them. The
// JSON names match cli.md; Lines is "lineAmounts" so that an Invoice and its
// Totals can be embedded side by side in one JSON object.
type Totals struct {
	Lines      []LineAmounts   `json:"lineAmounts"`
	VATSummary []VATSummaryRow `json:"vatSummary"`
	Net        Money           `json:"net"`
	VAT        Money           `json:"vat"`
	Gross      Money           `json:"gross"`
	// The same in forints; equal to the above for a HUF document.
	NetHUF   Money `json:"netHuf"`
	VATHUF   Money `json:"vatHuf"`
	GrossHUF Money `json:"grossHuf"`
	// Rounding is the cash rounding (kerekítés) of a HUF cash payment; it is
	// outside the VAT base and shown only next to the payable amount.
	Rounding Money `json:"rounding"`
	// Payable is Gross + Rounding: what the buyer actually pays.
	Payable Money `json:"payable"`
}

// Totals computes the amounts of inv:
//
//   - line net = quantity × unit price, rounded to the currency's minor unit;
//   - VAT per VAT code on the summed net of that code's lines, rounded once.
//     NAV accepts per-line or per-group VAT within its tolerance; per group
//     is what the printed VAT summary shows, and rounding once avoids the
//     drift of summing many rounded line VATs (3 × 0.5 Ft ≠ 1.5 Ft);
//   - each line still gets its share of its group's VAT (for the line's VAT
//     and gross columns): its exact VAT rounded, then the few minor units of
//     difference given to the lines whose rounding lost the most (largest
//     remainder), so the lines add up exactly to the group;
//   - in forints, per group: round(net × rate) and round(VAT × rate);
//   - for a HUF cash payment, the payable amount rounded to 0 or 5 Ft.
//
// Every rounding is half away from zero, so a sztornó (negated quantities)
// yields the exact negative of every amount. Totals fails on an unknown
// currency or VAT code, a non-positive exchange rate, or absurd amounts.
func (inv *Invoice) Totals() (Totals, error) {
	c := inv.Currency
	if !c.Valid() {
		return Totals{}, Errorf(EInvalid, "ismeretlen pénznem: %q", string(c))
	}
	rate := inv.ExchangeRate
	if c == HUF {
		rate = DecimalFromInt(1)
	} else if rate.Sign() <= 0 {
		return Totals{}, Errorf(EInvalid, "az árfolyam pozitív szám kell legyen")
	}
	places := c.Decimals()

	// Group the lines by VAT code, keeping each line's rounded net.
	nets := make([]Decimal, len(inv.Lines))
	groups := map[VATCode][]int{}
	var codes []VATCode
	for i, l := range inv.Lines {
		if !l.VAT.Valid() {
			return Totals{}, Errorf(EInvalid, "%d. tétel: ismeretlen áfakulcs: %q", i+1, string(l.VAT))
		}
		nets[i] = l.Quantity.Mul(l.UnitPrice).Round(places)
		if _, seen := groups[l.VAT]; !seen {
			codes = append(codes, l.VAT)
		}
		groups[l.VAT] = append(groups[l.VAT], i)
	}
	sort.Slice(codes, func(a, b int) bool { return codes[a].order() < codes[b].order() })

	t := Totals{Lines: make([]LineAmounts, len(inv.Lines)), VATSummary: []VATSummaryRow{}}
	zero, zeroHUF := Money{Currency: c}, Money{Currency: HUF}
	t.Net, t.VAT, t.Gross = zero, zero, zero
	t.NetHUF, t.VATHUF, t.GrossHUF = zeroHUF, zeroHUF, zeroHUF
	for _, code := range codes {
		info, _ := code.Info()
		idx := groups[code]
		net := Decimal{}
		exact := make([]Decimal, len(idx))
		for k, i := range idx {
			net = net.Add(nets[i])
			if info.HasRate {
				exact[k] = nets[i].Mul(info.Percent).Shift(-2)
			}
		}
		vat := Decimal{}
		if info.HasRate {
			vat = net.Mul(info.Percent).Shift(-2).Round(places)
		}
		shares := distributeRounded(vat, exact, places)
		for k, i := range idx {
			la, err := newLineAmounts(nets[i], shares[k], c)
			if err != nil {
				return Totals{}, err
			}
			t.Lines[i] = la
		}
		row, err := newVATSummaryRow(code, net, vat, rate, c)
		if err != nil {
			return Totals{}, err
		}
		t.VATSummary = append(t.VATSummary, row)
		t.Net, t.VAT, t.Gross = t.Net.Add(row.Net), t.VAT.Add(row.VATAmount), t.Gross.Add(row.Gross)
		t.NetHUF, t.VATHUF, t.GrossHUF = t.NetHUF.Add(row.NetHUF), t.VATHUF.Add(row.VATAmountHUF), t.GrossHUF.Add(row.GrossHUF)
	}
	t.Payable, t.Rounding = t.Gross, zero
	if c == HUF && inv.PaymentMethod == PayCash {
		payable, err := MoneyFromDecimal(CashRound(t.Gross.Decimal()), HUF)
		if err != nil {
			return Totals{}, err
		}
		t.Payable, t.Rounding = payable, payable.Sub(t.Gross)
	}
	return t, nil
}

func newLineAmounts(net, vat Decimal, c Currency) (LineAmounts, error) {
	var la LineAmounts
	var err [3]error
	la.Net, err[0] = MoneyFromDecimal(net, c)
	la.VAT, err[1] = MoneyFromDecimal(vat, c)
	la.Gross, err[2] = MoneyFromDecimal(net.Add(vat), c)
	return la, invoiceFirstError(err[:])
}

func newVATSummaryRow(code VATCode, net, vat, rate Decimal, c Currency) (VATSummaryRow, error) {
	row := VATSummaryRow{VAT: code}
	netHUF, vatHUF := net.Mul(rate).Round(0), vat.Mul(rate).Round(0)
	var err [6]error
	row.Net, err[0] = MoneyFromDecimal(net, c)
	row.VATAmount, err[1] = MoneyFromDecimal(vat, c)
	row.Gross, err[2] = MoneyFromDecimal(net.Add(vat), c)
	row.NetHUF, err[3] = MoneyFromDecimal(netHUF, HUF)
	row.VATAmountHUF, err[4] = MoneyFromDecimal(vatHUF, HUF)
	row.GrossHUF, err[5] = MoneyFromDecimal(netHUF.Add(vatHUF), HUF)
	return row, invoiceFirstError(err[:])
}

func invoiceFirstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// distributeRounded rounds each exact share to places and then moves single
// minor units so that the shares add up to total: the lines whose rounding
// lost the most get one more, or those that gained the most one less (ties:
// the earlier line). Negating every input negates every output, which keeps
// a sztornó's line VATs the exact negatives of the original's.
func distributeRounded(total Decimal, exact []Decimal, places int) []Decimal {
	shares := make([]Decimal, len(exact))
	rem := make([]Decimal, len(exact))
	sum := Decimal{}
	for i, e := range exact {
		shares[i] = e.Round(places)
		rem[i] = e.Sub(shares[i])
		sum = sum.Add(shares[i])
	}
	// |steps| ≤ (n+1)/2: each rounding is off by at most half a unit.
	steps, _ := total.Sub(sum).Shift(places).Int64()
	if steps == 0 || len(exact) == 0 {
		return shares
	}
	unit, dir := NewDecimal(1, places), 1
	if steps < 0 {
		unit, dir, steps = unit.Neg(), -1, -steps
	}
	order := make([]int, len(exact))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return rem[order[a]].Cmp(rem[order[b]])*dir > 0 })
	for k := int64(0); k < steps; k++ {
		i := order[int(k)%len(order)]
		shares[i] = shares[i].Add(unit)
	}
	return shares
}

// CashRound rounds a forint amount for cash payment to the nearest 0 or 5 on
// its last digit (2008. évi III. törvény): x.01–2.49 → 0, 2.50–7.49 → 5,
// 7.50–9.99 → 10, symmetrically for negative amounts.
func CashRound(d Decimal) Decimal {
	// d/5 = 2d/10, rounded half away from zero, times 5.
	return d.Mul(DecimalFromInt(2)).Shift(-1).Round(0).Mul(DecimalFromInt(5))
}
