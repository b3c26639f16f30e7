package domain

import (
	"bytes"
	"slices"
)

// NewStorno builds the sztornó of an issued invoice: the same buyer, seller,
// fulfilment date, payment method, currency, exchange rate and lines, with
// every quantity negated, so that each amount of the sztornó (line, VAT
// summary, forint and cash-rounded totals) is the exact negative of the
// original's. number may be "" when storage allocates it later; the due date
// is the sztornó's issue date, since nothing is to be paid.
//
// orig is not changed: marking it InvoiceCancelled belongs to the same storage
// transaction that stores the sztornó.
func NewStorno(orig *Invoice, number string, issueDate Date) (*Invoice, error) {
	switch {
	case orig.Type == DocProforma:
		return nil, Errorf(EInvalid, "Díjbekérőt nem kell sztornózni, mert nem számla: helyette visszavonható.")
	case orig.Type == DocStorno:
		return nil, Errorf(EInvalid, "Sztornó számlát nem lehet sztornózni; szükség esetén új számlát kell kiállítani.")
	case orig.Type != DocInvoice:
		return nil, Errorf(EInvalid, "Csak számla sztornózható.")
	case orig.Number == "":
		return nil, Errorf(EInvalid, "Piszkozatot nem kell sztornózni: még nincs kiállítva.")
	case orig.Status == InvoiceCancelled:
		return nil, Errorf(EConflict, "A(z) %s számlát már sztornózták.", orig.Number)
	case issueDate.IsZero():
		return nil, Errorf(EInvalid, "A sztornó számla kiállítási dátuma kötelező.")
	case issueDate.Before(orig.IssueDate):
		return nil, Errorf(EInvalid, "A sztornó számla kelte (%s) nem lehet korábbi az eredeti számláénál (%s).",
			issueDate.FormatHU(), orig.IssueDate.FormatHU())
	}
	s := orig.copyDocument()
	s.Type = DocStorno
	s.Number = number
	s.Status = ""
	if number != "" {
		s.Status = InvoiceIssued
	}
	s.IssueDate = issueDate
	s.DueDate = issueDate
	s.Cancels = orig.Number
	s.FromProforma = ""
	s.Note = ""
	s.Payments = nil
	for i := range s.Lines {
		s.Lines[i].Quantity = s.Lines[i].Quantity.Neg()
	}
	return s, nil
}

// ConvertProforma makes the draft invoice of an issued proforma (díjbekérő):
// the same buyer, lines, currency and payment method, issued and fulfilled on
// issueDate, with the default due date and with the payments already
// received against the proforma; storage issues it with IssuedStatus, so a
// paid díjbekérő yields a paid invoice.
func ConvertProforma(p *Invoice, issueDate Date, paymentDays int) (*Invoice, error) {
	switch {
	case p.Type != DocProforma:
		return nil, Errorf(EInvalid, "Csak díjbekérőből lehet számlát készíteni.")
	case p.Number == "":
		return nil, Errorf(EInvalid, "A díjbekérő még nincs kiállítva.")
	case p.Status == InvoiceCancelled || p.Status == InvoiceWithdrawn:
		return nil, Errorf(EConflict, "A(z) %s díjbekérő vissza van vonva.", p.Number)
	case issueDate.IsZero():
		return nil, Errorf(EInvalid, "A számla kiállítási dátuma kötelező.")
	}
	inv := p.copyDocument()
	inv.Type = DocInvoice
	inv.Number, inv.Status = "", ""
	inv.FromProforma = p.Number
	inv.Cancels = ""
	inv.IssueDate, inv.FulfilmentDate = issueDate, issueDate
	inv.DueDate = DefaultDueDate(inv.PaymentMethod, issueDate, paymentDays)
	return inv, nil
}

// copyDocument returns a deep copy, so that editing the copy's lines,
// payments or logo never touches a stored document.
func (inv *Invoice) copyDocument() *Invoice {
	c := *inv
	c.Lines = slices.Clone(inv.Lines)
	c.Payments = slices.Clone(inv.Payments)
	c.Seller.Logo = bytes.Clone(inv.Seller.Logo)
	return &c
}
