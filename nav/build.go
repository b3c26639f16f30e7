// Package nav reports issued invoices to NAV Online Számla 3.0: it builds
// the invoiceData XML of a document (BuildInvoiceData), signs and sends
// requests to the REST/XML API (Client), and drives the durable report
// queue (Reporter). navtest holds a local fake of the API for tests.
package nav

import (
	"encoding/xml"
	"fmt"
	"strings"

	"konnyuszamla/domain"
)

// Operation is the invoiceOperation of a report.
type Operation string

// The operations the app reports. MODIFY is not used: the app corrects an
// invoice only by a sztornó.
const (
	OpCreate Operation = "CREATE"
	OpStorno Operation = "STORNO"
)

// Appearance is the invoiceAppearance of a report.
type Appearance string

// The appearances. The app prints its invoices to PDF for printing or
// sending as an image of a paper invoice, so it reports PAPER by default.
const (
	AppearancePaper      Appearance = "PAPER"
	AppearanceElectronic Appearance = "ELECTRONIC"
)

// BuildOptions complete what the document alone does not say.
type BuildOptions struct {
	// ModificationIndex is the sztornó's index among the modifications of
	// its original (1 for the first); required for a sztornó.
	ModificationIndex int
	// OriginalLineCount is the number of lines of the cancelled invoice; a
	// sztornó's lines are reported as new lines after them. 0 means the
	// sztornó's own line count (a sztornó repeats every line).
	OriginalLineCount int
	// ModifyWithoutMaster: the cancelled invoice was never accepted by NAV
	// (its report was refused), so the sztornó stands without it.
	ModifyWithoutMaster bool
	// Appearance defaults to AppearancePaper.
	Appearance Appearance
}

// OperationOf returns the operation a document is reported with; ok is
// false for a document that is not reported (a proforma).
func OperationOf(inv *domain.Invoice) (Operation, bool) {
	switch inv.Type {
	case domain.DocInvoice:
		return OpCreate, true
	case domain.DocStorno:
		return OpStorno, true
	}
	return "", false
}

// BuildInvoiceData returns the invoiceData XML (NAV Online Számla 3.0) of an
// issued invoice or sztornó, UTF-8 with an XML declaration. It fails for a
// proforma, a draft, and a document whose amounts cannot be computed.
func BuildInvoiceData(inv *domain.Invoice, opts BuildOptions) ([]byte, error) {
	op, ok := OperationOf(inv)
	if !ok {
		return nil, domain.Errorf(domain.EInvalid, "A(z) %s díjbekérő, nem számla: a NAV-nak nem kell jelenteni.", inv.Number)
	}
	if inv.Number == "" {
		return nil, domain.Errorf(domain.EInvalid, "Piszkozatot nem lehet a NAV-nak jelenteni.")
	}
	totals, err := inv.Totals()
	if err != nil {
		return nil, fmt.Errorf("nav: totals of %s: %w", inv.Number, err)
	}
	rate := inv.ExchangeRate
	if inv.Currency == domain.HUF {
		rate = domain.DecimalFromInt(1)
	}
	b := builder{inv: inv, totals: totals, rate: rate}
	doc := xInvoiceData{
		XMLNS: NSData, XMLNSCommon: NSCommon, XMLNSBase: NSBase,
		InvoiceNumber:    inv.Number,
		InvoiceIssueDate: inv.IssueDate.String(),
	}
	if op == OpStorno {
		if inv.Cancels == "" || opts.ModificationIndex < 1 {
			return nil, fmt.Errorf("nav: sztornó %s needs the cancelled invoice and a modification index", inv.Number)
		}
		doc.Invoice.Reference = &xInvoiceReference{
			OriginalInvoiceNumber: inv.Cancels,
			ModifyWithoutMaster:   opts.ModifyWithoutMaster,
			ModificationIndex:     opts.ModificationIndex,
		}
		b.lineRefBase = opts.OriginalLineCount
		if b.lineRefBase <= 0 {
			b.lineRefBase = len(inv.Lines)
		}
		b.storno = true
	}
	if doc.Invoice.Head, err = b.head(opts.Appearance); err != nil {
		return nil, err
	}
	if doc.Invoice.Lines, err = b.lines(); err != nil {
		return nil, err
	}
	if doc.Invoice.Summary, err = b.summary(); err != nil {
		return nil, err
	}
	out, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("nav: encode invoice data %s: %w", inv.Number, err)
	}
	return append([]byte(xml.Header), append(out, '\n')...), nil
}

type builder struct {
	inv         *domain.Invoice
	totals      domain.Totals
	rate        domain.Decimal
	storno      bool
	lineRefBase int
}

func (b *builder) head(appearance Appearance) (xInvoiceHead, error) {
	inv := b.inv
	s := inv.Seller
	tax, err := taxNumber(s.TaxNumber)
	if err != nil {
		return xInvoiceHead{}, fmt.Errorf("nav: seller of %s: %w", inv.Number, err)
	}
	h := xInvoiceHead{Supplier: xSupplierInfo{
		TaxNumber:           tax,
		Name:                s.Name,
		Address:             address(s.Address),
		BankAccountNumber:   s.BankAccount,
		IndividualExemption: s.VATExempt,
	}}
	if strings.HasPrefix(s.EUVATNumber, "HU") {
		h.Supplier.CommunityVatNumber = s.EUVATNumber
	}
	if h.Customer, err = customer(inv.Buyer); err != nil {
		return xInvoiceHead{}, fmt.Errorf("nav: buyer of %s: %w", inv.Number, err)
	}
	if appearance == "" {
		appearance = AppearancePaper
	}
	h.Detail = xDetail{
		Category:          "NORMAL",
		DeliveryDate:      inv.FulfilmentDate.String(),
		CurrencyCode:      string(inv.Currency),
		ExchangeRate:      b.rate.String(),
		PaymentMethod:     paymentMethod(inv.PaymentMethod),
		PaymentDate:       inv.DueDate.String(),
		CashAccounting:    s.CashAccounting,
		InvoiceAppearance: string(appearance),
	}
	return h, nil
}

// CustomerVatStatus returns how NAV classifies the buyer: DOMESTIC for a
// Hungarian tax number (companies and sole traders alike), PRIVATE_PERSON
// for a private person without one, OTHER for a foreign business.
func CustomerVatStatus(b domain.Buyer) string {
	switch {
	case b.TaxNumber != "":
		return "DOMESTIC"
	case b.Kind == domain.KindPerson:
		return "PRIVATE_PERSON"
	}
	return "OTHER"
}

// customer builds customerInfo. A private person is reported with the
// status alone: no name, no address (Áfa tv. and NAV's blocking check).
func customer(b domain.Buyer) (xCustomerInfo, error) {
	c := xCustomerInfo{VatStatus: CustomerVatStatus(b)}
	switch c.VatStatus {
	case "PRIVATE_PERSON":
		return c, nil
	case "DOMESTIC":
		tax, err := taxNumber(b.TaxNumber)
		if err != nil {
			return c, err
		}
		c.VatData = &xCustomerVat{TaxNumber: &tax}
	default:
		if b.EUVATNumber != "" && !strings.HasPrefix(b.EUVATNumber, "HU") {
			c.VatData = &xCustomerVat{CommunityVatNumber: b.EUVATNumber}
		}
	}
	addr := address(b.Address)
	c.Name, c.Address = b.Name, &addr
	return c, nil
}

// taxNumber splits a canonical adószám (12345676-2-42) into its parts.
func taxNumber(s string) (xTaxNumber, error) {
	v, msg := domain.ParseTaxNumber(s)
	if msg != "" {
		return xTaxNumber{}, domain.Errorf(domain.EInvalid, "hibás adószám (%s): %s", s, msg)
	}
	return xTaxNumber{TaxpayerID: v[:8], VatCode: v[9:10], CountyCode: v[11:13]}, nil
}

// address maps the app's one-line street address to simpleAddress. A
// postal code NAV's pattern refuses (lower case is upper-cased first) is
// reported as "0000", NAV's convention for "none".
func address(a domain.Address) xAddress {
	pc := strings.ToUpper(strings.TrimSpace(a.PostalCode))
	if !validPostalCode(pc) {
		pc = "0000"
	}
	country := a.Country
	if country == "" {
		country = "HU"
	}
	return xAddress{CountryCode: country, PostalCode: pc, City: a.City, Detail: a.Street}
}

// validPostalCode checks common:PostalCodeType, [A-Z0-9][A-Z0-9\s\-]{1,8}[A-Z0-9].
func validPostalCode(s string) bool {
	if len(s) < 3 || len(s) > 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		alnum := (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
		inner := c == ' ' || c == '-' || c == '\t'
		if !alnum && (i == 0 || i == len(s)-1 || !inner) {
			return false
		}
	}
	return true
}

// paymentMethod maps the app's payment methods to PaymentMethodType;
// utánvét (cash on delivery) has no NAV equivalent and is OTHER.
func paymentMethod(m domain.PaymentMethod) string {
	switch m {
	case domain.PayTransfer:
		return "TRANSFER"
	case domain.PayCash:
		return "CASH"
	case domain.PayCard:
		return "CARD"
	case domain.PayCOD, domain.PayOther:
		return "OTHER"
	}
	return ""
}
