package domain

import (
	"context"
	"time"
)

// NAVQueueItem is a report as the queue worker (nav.Reporter) sees it.
type NAVQueueItem struct {
	ID int64
	NAVReport
	// BatchKey names the send attempt the report is part of; BatchIndex is
	// its index in that manageInvoice request (1–100).
	BatchKey   string
	BatchIndex int
	// Payload is the base64 invoice data of the last send attempt.
	Payload     string
	SubmittedAt time.Time
	// OriginalState and OriginalMessages describe a sztornó's invoice's
	// report ("" when the invoice has none).
	OriginalState    NAVState
	OriginalMessages []NAVMessage
}

// NAVUpdate is a change of one report's state.
type NAVUpdate struct {
	State         NAVState
	TransactionID string // set when non-empty
	BatchIndex    int    // set when > 0
	// Messages replace the stored ones when non-nil.
	Messages  []NAVMessage
	LastError string // always replaces the stored one
	// RetryAt is when a pending report is next tried (zero: at once).
	RetryAt time.Time
	// CountAttempt adds one to the failed attempts.
	CountAttempt bool
	// ClearTransaction forgets the transaction (a report requeued after NAV
	// proved it never arrived).
	ClearTransaction bool
}

// NAVQueue is the durable report queue; storage implements it. Reports are
// added by the transaction that issues their document.
type NAVQueue interface {
	// NAVDue returns up to max pending reports due at now, oldest first. A
	// sztornó is due only when its invoice's report is done or aborted.
	NAVDue(ctx context.Context, now time.Time, max int) ([]NAVQueueItem, error)
	// NAVInFlight returns the reports sent and not final: sending,
	// unknown, received, processing.
	NAVInFlight(ctx context.Context) ([]NAVQueueItem, error)
	// NAVBeginSend marks the items (with Payload and BatchIndex set) as
	// sending under batchKey, in one transaction, and only if every one is
	// still pending; it reports false when another worker took any.
	NAVBeginSend(ctx context.Context, batchKey string, items []NAVQueueItem, at time.Time) (bool, error)
	// NAVUpdate changes one report.
	NAVUpdate(ctx context.Context, id int64, u NAVUpdate) error
}
