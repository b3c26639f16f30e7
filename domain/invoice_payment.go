package domain

// PaidAmount is the sum of the payments received, in the document currency.
func (inv *Invoice) PaidAmount() Decimal {
	sum := Decimal{}
	for _, p := range inv.Payments {
		sum = sum.Add(p.Amount)
	}
	return sum
}

// Outstanding is what is still to be paid: the payable amount (after cash
// rounding) minus the payments, never less than zero. A sztornó and a
// cancelled document owe nothing.
func (inv *Invoice) Outstanding() (Decimal, error) {
	if inv.Type == DocStorno || inv.Status == InvoiceCancelled {
		return Decimal{}, nil
	}
	t, err := inv.Totals()
	if err != nil {
		return Decimal{}, err
	}
	left := t.Payable.Decimal().Sub(inv.PaidAmount())
	if left.Sign() < 0 {
		return Decimal{}, nil
	}
	return left, nil
}

// IsOverdue reports whether an issued invoice or proforma is unpaid (wholly
// or partly) after its due date: the due date is before today. A document
// due today is not overdue yet.
func (inv *Invoice) IsOverdue(today Date) bool {
	if inv.Status != InvoiceIssued || inv.Type == DocStorno || !inv.DueDate.Before(today) {
		return false
	}
	left, err := inv.Outstanding()
	return err == nil && left.Sign() > 0
}

// AddPayment records a payment received against an issued invoice or
// proforma and marks the document paid once the payments cover the payable
// amount. Partial payments add up. It refuses a payment that is not
// positive, has more decimals than the currency, is dated before the
// document, or is more than what is outstanding.
func (inv *Invoice) AddPayment(p Payment) error {
	var fe fieldErrors
	switch {
	case inv.Type == DocStorno:
		return Errorf(EInvalid, "Sztornó számlára nem lehet fizetést rögzíteni.")
	case inv.Status == InvoiceCancelled:
		return Errorf(EConflict, "A(z) %s bizonylat sztornózva van, nem lehet rá fizetést rögzíteni.", inv.Number)
	case inv.Status == InvoicePaid:
		return Errorf(EConflict, "A(z) %s bizonylat már ki van fizetve.", inv.Number)
	case inv.Status != InvoiceIssued:
		return Errorf(EInvalid, "Csak kiállított bizonylatra lehet fizetést rögzíteni.")
	}
	if p.Method == "" {
		p.Method = inv.PaymentMethod
	}
	switch {
	case p.Date.IsZero():
		fe.add("date", "Fizetés dátuma", "kötelező")
	case p.Date.Before(inv.IssueDate):
		fe.add("date", "Fizetés dátuma", "nem lehet korábbi a bizonylat kelténél ("+inv.IssueDate.FormatHU()+")")
	}
	if !p.Method.Valid() {
		fe.add("method", "Fizetési mód", "átutalás, készpénz, bankkártya, utánvét vagy egyéb lehet")
	}
	left, err := inv.Outstanding()
	if err != nil {
		return err
	}
	switch {
	case p.Amount.Sign() <= 0:
		fe.add("amount", "Összeg", "pozitív kell legyen")
	case p.Amount.Places() > inv.Currency.Decimals():
		fe.add("amount", "Összeg", "legfeljebb "+itoa(inv.Currency.Decimals())+" tizedesjegy lehet ebben a pénznemben")
	case p.Amount.Cmp(left) > 0:
		fe.add("amount", "Összeg", "több, mint a hátralék ("+FormatDecimalHU(left, inv.Currency.Decimals())+" "+inv.Currency.Symbol()+")")
	}
	if err := fe.err("A fizetés adatai hibásak."); err != nil {
		return err
	}
	inv.Payments = append(inv.Payments, p)
	if p.Amount.Cmp(left) == 0 {
		inv.Status = InvoicePaid
	}
	return nil
}

// IssuedStatus is the status a document gets when it is issued: paid when
// the payments it carries (from the díjbekérő it was made from) already
// cover the payable amount, issued otherwise.
func (inv *Invoice) IssuedStatus() InvoiceStatus {
	if inv.Type != DocStorno && len(inv.Payments) > 0 {
		if left, err := inv.Outstanding(); err == nil && left.IsZero() {
			return InvoicePaid
		}
	}
	return InvoiceIssued
}

// FullPayment is a payment of everything outstanding on date, by the
// document's payment method: what "invoices pay NUMBER" records.
func (inv *Invoice) FullPayment(date Date) (Payment, error) {
	left, err := inv.Outstanding()
	if err != nil {
		return Payment{}, err
	}
	return Payment{Date: date, Amount: left, Method: inv.PaymentMethod}, nil
}
