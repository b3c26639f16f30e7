package domain

import "strings"

// DocumentType tells an invoice from a proforma and a cancellation.
type DocumentType string

// The document types.
const (
	// DocInvoice is a számla: it is numbered in the invoice series and
	// reported to NAV.
	DocInvoice DocumentType = "invoice"
	// DocProforma is a díjbekérő (payment request). It is not an invoice: it
	// has its own series and is not reported to NAV.
	DocProforma DocumentType = "proforma"
	// DocStorno is a sztornó számla that cancels an invoice. It shares the
	// invoice series (see NumberFormat.SeriesKey).
	DocStorno DocumentType = "storno"
)

// Label is the Hungarian title printed on the document.
func (t DocumentType) Label() string {
	switch t {
	case DocInvoice:
		return "Számla"
	case DocProforma:
		return "Díjbekérő"
	case DocStorno:
		return "Sztornó számla"
	}
	return string(t)
}

// Valid reports whether t is a known document type.
func (t DocumentType) Valid() bool {
	return t == DocInvoice || t == DocProforma || t == DocStorno
}

// PaymentMethod is how the buyer pays.
type PaymentMethod string

// The payment methods.
const (
	PayTransfer PaymentMethod = "transfer"
	PayCash     PaymentMethod = "cash"
	PayCard     PaymentMethod = "card"
	PayCOD      PaymentMethod = "cod" // utánvét, cash on delivery
	PayOther    PaymentMethod = "other"
)

// PaymentMethods lists every method, in the order pickers show them.
func PaymentMethods() []PaymentMethod {
	return []PaymentMethod{PayTransfer, PayCash, PayCard, PayCOD, PayOther}
}

// Label is the Hungarian name printed on the invoice.
func (p PaymentMethod) Label() string {
	switch p {
	case PayTransfer:
		return "átutalás"
	case PayCash:
		return "készpénz"
	case PayCard:
		return "bankkártya"
	case PayCOD:
		return "utánvét"
	case PayOther:
		return "egyéb"
	}
	return string(p)
}

// Valid reports whether p is a known payment method.
func (p PaymentMethod) Valid() bool {
	switch p {
	case PayTransfer, PayCash, PayCard, PayCOD, PayOther:
		return true
	}
	return false
}

// InvoiceStatus is where an issued document is in its life. A draft has none.
type InvoiceStatus string

// The statuses of an issued document.
const (
	InvoiceIssued    InvoiceStatus = "issued"
	InvoicePaid      InvoiceStatus = "paid"
	InvoiceCancelled InvoiceStatus = "cancelled" // a sztornó was issued for it
	// InvoiceWithdrawn: a proforma the seller withdrew (a díjbekérő is not an
	// invoice, so it is withdrawn rather than cancelled by a sztornó).
	InvoiceWithdrawn InvoiceStatus = "withdrawn"
)

// Label is the Hungarian name shown in the invoice list.
func (s InvoiceStatus) Label() string {
	switch s {
	case InvoiceIssued:
		return "kiállítva"
	case InvoicePaid:
		return "fizetve"
	case InvoiceCancelled:
		return "sztornózva"
	case InvoiceWithdrawn:
		return "visszavonva"
	case "":
		return "piszkozat"
	}
	return string(s)
}

// InvoiceLine is one item (tétel) of a document. Quantity may be negative
// (a returned item, a discount line, every line of a sztornó); the unit price
// may not.
type InvoiceLine struct {
	Description string  `json:"description"`
	Quantity    Decimal `json:"quantity"`
	Unit        string  `json:"unit"`
	UnitPrice   Decimal `json:"unitPrice"`
	VAT         VATCode `json:"vat"`
}

// Buyer is the snapshot of the customer printed on a document. It is copied
// when the document is made, so later edits of the customer never change an
// issued invoice.
type Buyer struct {
	Kind        CustomerKind `json:"kind"`
	Name        string       `json:"name"`
	TaxNumber   string       `json:"taxNumber"`
	EUVATNumber string       `json:"euVatNumber"`
	Address     Address      `json:"address"`
}

// BuyerFromCustomer takes the snapshot of c, with its billing address.
func BuyerFromCustomer(c *Customer) Buyer {
	return Buyer{Kind: c.Kind, Name: c.Name, TaxNumber: c.TaxNumber, EUVATNumber: c.EUVATNumber, Address: c.BillingAddress}
}

// Payment is money received against a document, in the document's currency.
type Payment struct {
	Date   Date          `json:"date"`
	Amount Decimal       `json:"amount"`
	Method PaymentMethod `json:"method"`
}

// Invoice is a document of any DocumentType: an invoice, a proforma or a
// sztornó. Before it is issued it is a draft: no Number, no Status. The JSON
// form is the draft shape of cli.md plus the issued fields; dates are
// "YYYY-MM-DD" (see Date) and amounts decimal strings (see Decimal). The
// computed amounts are not stored here; see Totals.
type Invoice struct {
	Type       DocumentType  `json:"type"`
	Number     string        `json:"number,omitempty"`
	Status     InvoiceStatus `json:"status,omitempty"`
	CustomerID int64         `json:"customerId,omitempty"`
	Buyer      Buyer         `json:"buyer"`
	// Seller is the snapshot of the seller profile at issue time.
	Seller         Seller        `json:"seller"`
	IssueDate      Date          `json:"issueDate"`
	FulfilmentDate Date          `json:"fulfilmentDate"`
	DueDate        Date          `json:"dueDate"`
	PaymentMethod  PaymentMethod `json:"paymentMethod"`
	Currency       Currency      `json:"currency"`
	// ExchangeRate is the HUF value of 1 unit of Currency; exactly 1 for HUF.
	ExchangeRate Decimal       `json:"exchangeRate"`
	Note         string        `json:"note"`
	Lines        []InvoiceLine `json:"lines"`
	// Cancels is the number of the invoice a sztornó cancels ("" for other
	// documents; always in the JSON, as cli.md promises).
	Cancels string `json:"cancels"`
	// FromProforma is the number of the proforma an invoice was made from
	// ("" when none; always in the JSON).
	FromProforma string    `json:"fromProforma"`
	Payments     []Payment `json:"payments,omitempty"`
}

// Normalize trims the text fields, upper-cases the currency and writes known
// VAT codes in canonical form ("27%" → "27", "aam" → "AAM"). Unknown codes
// stay as typed so that Validate can name them.
func (inv *Invoice) Normalize() {
	inv.Note = strings.TrimSpace(inv.Note)
	inv.Cancels = strings.TrimSpace(inv.Cancels)
	inv.FromProforma = strings.TrimSpace(inv.FromProforma)
	inv.Currency = Currency(strings.ToUpper(strings.TrimSpace(string(inv.Currency))))
	inv.PaymentMethod = PaymentMethod(strings.ToLower(strings.TrimSpace(string(inv.PaymentMethod))))
	inv.Buyer.Name = CollapseSpace(inv.Buyer.Name)
	inv.Buyer.Address.normalize()
	for i := range inv.Lines {
		l := &inv.Lines[i]
		l.Description = strings.TrimSpace(l.Description)
		l.Unit = CollapseSpace(l.Unit)
		if c, err := ParseVATCode(string(l.VAT)); err == nil {
			l.VAT = c
		}
	}
}

// DefaultPaymentDays is the default payment term of transfer, COD and
// "other" payments, in days after the issue date.
const DefaultPaymentDays = 8

// DefaultDueDate is the due date a document gets when none is given: cash
// and card are paid on the spot, so the due date is the issue date; the
// others get paymentDays (DefaultPaymentDays when ≤ 0).
func DefaultDueDate(m PaymentMethod, issue Date, paymentDays int) Date {
	if m == PayCash || m == PayCard {
		return issue
	}
	if paymentDays <= 0 {
		paymentDays = DefaultPaymentDays
	}
	return issue.AddDays(paymentDays)
}

// ApplyDefaults fills what a draft may leave out: type invoice, issue and
// fulfilment date today, payment by transfer, the due date from the payment
// method, HUF at rate 1, and each line's VAT code from the seller (AAM for an
// alanyi adómentes seller, 27 otherwise). It never overwrites a given value.
func (inv *Invoice) ApplyDefaults(today Date, paymentDays int) {
	if inv.Type == "" {
		inv.Type = DocInvoice
	}
	if inv.IssueDate.IsZero() {
		inv.IssueDate = today
	}
	if inv.FulfilmentDate.IsZero() {
		inv.FulfilmentDate = inv.IssueDate
	}
	if inv.PaymentMethod == "" {
		inv.PaymentMethod = PayTransfer
	}
	if inv.DueDate.IsZero() {
		inv.DueDate = DefaultDueDate(inv.PaymentMethod, inv.IssueDate, paymentDays)
	}
	if inv.Currency == "" {
		inv.Currency = HUF
	}
	if inv.Currency == HUF && inv.ExchangeRate.IsZero() {
		inv.ExchangeRate = DecimalFromInt(1)
	}
	for i := range inv.Lines {
		if inv.Lines[i].VAT == "" {
			inv.Lines[i].VAT = inv.Seller.DefaultVATCode()
		}
	}
}
