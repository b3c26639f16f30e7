package domain

import (
	"context"
	"time"
)

// NAVState is where the NAV Online Számla data report of a document is.
// Every issued invoice and sztornó has one report; proformas have none.
type NAVState string

// The report states. The queue never resends a report whose outcome it
// does not know: NAVSending and NAVUnknown are resolved by asking NAV.
const (
	// NAVPending: waiting to be sent (no settings yet, offline, or the
	// sztornó's invoice is not yet accepted).
	NAVPending NAVState = "pending"
	// NAVSending: a request carrying it is under way.
	NAVSending NAVState = "sending"
	// NAVUnknown: sent, but NAV's answer was lost; the queue looks the
	// report up at NAV (queryTransactionList) before anything is resent.
	NAVUnknown NAVState = "unknown"
	// NAVReceived: NAV took it (RECEIVED) and returned a transaction id.
	NAVReceived NAVState = "received"
	// NAVProcessing: NAV is processing it (PROCESSING, SAVED).
	NAVProcessing NAVState = "processing"
	// NAVDone: NAV accepted it (DONE), possibly with warnings.
	NAVDone NAVState = "done"
	// NAVAborted: NAV refused it (ABORTED), or it could not be built; the
	// messages say why.
	NAVAborted NAVState = "aborted"
)

// Label is the Hungarian name shown in the Számlák list and by nav status.
func (s NAVState) Label() string {
	switch s {
	case NAVPending:
		return "vár"
	case NAVSending, NAVReceived:
		return "beküldve"
	case NAVUnknown:
		return "beküldve, ellenőrzés alatt"
	case NAVProcessing:
		return "feldolgozás alatt"
	case NAVDone:
		return "befogadva"
	case NAVAborted:
		return "hibás"
	}
	return string(s)
}

// NAVMessage is one validation message of NAV (or of the app, when the
// report could not be built or sent).
type NAVMessage struct {
	// Severity is ERROR, WARN or INFO (business validation), or CRITICAL
	// and ERROR for technical validation.
	Severity string `json:"severity"`
	// Code is NAV's validationErrorCode, e.g. INVOICE_NUMBER_NOT_UNIQUE.
	Code string `json:"code"`
	// Text is NAV's message.
	Text string `json:"text"`
	// Line is the invoice line the message points at (0: none).
	Line int `json:"line,omitempty"`
	// Technical marks a technicalValidationMessages entry (an XML or
	// transport problem, not the invoice's content).
	Technical bool `json:"technical,omitempty"`
}

// NAVReport is the data report of one document, as the queue keeps it.
type NAVReport struct {
	Number string       `json:"number"`
	Type   DocumentType `json:"type"`
	// Operation is CREATE for an invoice, STORNO for a sztornó.
	Operation string `json:"operation"`
	// Original and ModificationIndex are the sztornó's invoiceReference.
	Original          string       `json:"original,omitempty"`
	ModificationIndex int          `json:"modificationIndex,omitempty"`
	State             NAVState     `json:"state"`
	TransactionID     string       `json:"transactionId,omitempty"`
	Messages          []NAVMessage `json:"messages,omitempty"`
	// LastError is why the last attempt failed (network, NAV refusing the
	// request), in Hungarian; the report is retried automatically.
	LastError string    `json:"lastError,omitempty"`
	Attempts  int       `json:"attempts"`
	CreatedAt time.Time `json:"createdAt"`
	UpdatedAt time.Time `json:"updatedAt"`
}

// Resendable reports whether the user may send an ABORTED report again.
func (r NAVReport) Resendable() bool { return r.State == NAVAborted && NAVResendable(r.Messages) }

// NAVReportStore lists the reports for the user interface and the
// headless commands, and resends an aborted one.
type NAVReportStore interface {
	// NAVReports returns every report, newest first.
	NAVReports(ctx context.Context) ([]NAVReport, error)
	// NAVReportOf returns the report of a document; ENotFound when it has
	// none (a proforma).
	NAVReportOf(ctx context.Context, number string) (*NAVReport, error)
	// NAVStates returns the state of the given documents' reports (those
	// without a report are left out).
	NAVStates(ctx context.Context, numbers []string) (map[string]NAVReport, error)
	// ResendNAVReport queues an aborted report again, when NAVResendable
	// allows it; EConflict otherwise, with the reason.
	ResendNAVReport(ctx context.Context, number string) error
}

// NAVExporter writes the invoiceData XML of an issued document (the nav
// package implements it; the user interface never imports nav).
type NAVExporter interface {
	InvoiceData(ctx context.Context, number string) ([]byte, error)
}
