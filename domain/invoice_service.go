package domain

import "context"

// InvoiceSettings are the user's invoicing preferences.
type InvoiceSettings struct {
	InvoiceFormat  NumberFormat `json:"invoiceFormat"`  // invoices and sztornó share one series
	ProformaFormat NumberFormat `json:"proformaFormat"` // díjbekérő has its own series
	PaymentDays    int          `json:"paymentDays"`    // default due date of a transfer: issue + this many days
}

// DefaultInvoiceSettings are used until the user changes them.
func DefaultInvoiceSettings() InvoiceSettings {
	return InvoiceSettings{
		InvoiceFormat:  DefaultNumberFormat(DocInvoice),
		ProformaFormat: DefaultNumberFormat(DocProforma),
		PaymentDays:    DefaultPaymentDays,
	}
}

// Validate checks the number formats and the payment days.
func (s *InvoiceSettings) Validate() error {
	if err := ValidateNumbering(s.InvoiceFormat, s.ProformaFormat); err != nil {
		return err
	}
	if s.PaymentDays < 0 || s.PaymentDays > 365 {
		return &Error{Code: EInvalid, Message: "A számlázási beállítások hibásak.",
			Fields: []FieldError{{Field: "paymentDays", Label: "Fizetési határidő (nap)", Message: "0 és 365 közötti szám lehet"}}}
	}
	return nil
}

// InvoiceQuery filters the document list. Zero fields do not filter.
type InvoiceQuery struct {
	Type       DocumentType
	Status     InvoiceStatus
	From, To   Date // issue date range, inclusive
	CustomerID int64
	Search     string // number or buyer name, folded
	// OverdueOn, when set, keeps only documents overdue on that day.
	OverdueOn Date
}

// InvoiceSummary is one row of the document list.
type InvoiceSummary struct {
	ID             int64
	Number         string
	Type           DocumentType
	Status         InvoiceStatus
	CustomerID     int64
	BuyerName      string
	IssueDate      Date
	FulfilmentDate Date
	DueDate        Date
	Gross          Money
	Payable        Money
	Paid           Money
	Cancels        string // the invoice a sztornó cancels
	FromProforma   string
	InvoicedAs     string // for a proforma: the number of the invoice made from it
}

// IsOverdue reports whether the document is issued, unpaid and past due on
// today. A proforma already turned into an invoice is not: the invoice owes.
func (s InvoiceSummary) IsOverdue(today Date) bool {
	return s.Status == InvoiceIssued && s.Type != DocStorno && s.InvoicedAs == "" &&
		s.DueDate.Before(today) && s.Paid.Minor < s.Payable.Minor
}

// InvoiceService issues and keeps the documents. Issued documents never
// change: corrections are sztornó invoices. Errors are *Error values: EInvalid
// with field errors for a wrong draft or an incomplete seller profile,
// ENotFound for an unknown number, EConflict for an operation the document's
// state forbids (cancelling twice, paying a cancelled invoice).
type InvoiceService interface {
	Seller(ctx context.Context) (*Seller, error) // an empty Seller until it is saved
	SaveSeller(ctx context.Context, s *Seller) error
	InvoiceSettings(ctx context.Context) (InvoiceSettings, error)
	SaveInvoiceSettings(ctx context.Context, s InvoiceSettings) error

	// IssueDocument completes the draft (buyer and seller snapshots,
	// defaults), validates it, assigns the next number of its series and
	// stores it, with its PDF, in one transaction; it returns the issued
	// document.
	IssueDocument(ctx context.Context, draft *Invoice) (*Invoice, error)
	Document(ctx context.Context, number string) (*Invoice, error)
	Documents(ctx context.Context, q InvoiceQuery) ([]InvoiceSummary, error)
	// CancelInvoice issues the sztornó of an invoice and marks it cancelled.
	CancelInvoice(ctx context.Context, number string, issueDate Date) (*Invoice, error)
	// AddPayment records a payment; the document is paid once covered.
	AddPayment(ctx context.Context, number string, p Payment) (*Invoice, error)
	// ConvertProforma issues the invoice of a proforma (once per proforma).
	ConvertProforma(ctx context.Context, number string, issueDate Date) (*Invoice, error)
	WithdrawProforma(ctx context.Context, number string) error
	// DocumentPDF returns the path of the PDF written when the document was
	// issued, after checking that the file is still the one issued.
	DocumentPDF(ctx context.Context, number string) (string, error)
}
