package domain

import (
	"context"
	"strconv"
	"time"
)

// UploadState is where a document (or one event of it) stands in the
// MiniCRM outbox. The zero value means the document is not uploaded at all
// (its customer is not linked, or the MiniCRM add-on was off).
type UploadState string

// The upload states.
const (
	UploadNone    UploadState = ""
	UploadPending UploadState = "pending" // waits to be sent (or to be retried)
	UploadSending UploadState = "sending" // a worker is sending it
	UploadSent    UploadState = "sent"
	UploadFailed  UploadState = "failed"  // MiniCRM refused it; needs a retry by hand
	UploadSkipped UploadState = "skipped" // "ne töltse fel"
	UploadDemo    UploadState = "demo"    // issued while connected to a demo system: never sent
)

// Label is the Hungarian text of the Számlák list's MiniCRM column.
func (s UploadState) Label() string {
	switch s {
	case UploadNone:
		return "—"
	case UploadPending, UploadSending:
		return "feltöltésre vár"
	case UploadSent:
		return "feltöltve"
	case UploadFailed:
		return "hibás"
	case UploadSkipped:
		return "nem töltjük fel"
	case UploadDemo:
		return "demó (nem töltjük fel)"
	}
	return string(s)
}

// Waiting reports whether the state still needs the worker or the user.
func (s UploadState) Waiting() bool {
	return s == UploadPending || s == UploadSending || s == UploadFailed
}

// OutboxKind is the event an outbox item records.
type OutboxKind string

// The events: the issue creates the record, payment and cancellation
// update the same record.
const (
	OutboxCreate    OutboxKind = "create"
	OutboxPaid      OutboxKind = "paid"
	OutboxCancelled OutboxKind = "cancelled"
)

// Label is the Hungarian name of the event.
func (k OutboxKind) Label() string {
	switch k {
	case OutboxCreate:
		return "kiállítás"
	case OutboxPaid:
		return "kifizetés"
	case OutboxCancelled:
		return "sztornó / visszavonás"
	}
	return string(k)
}

// OutboxItem is one event of one document waiting for (or done with) its
// upload to MiniCRM. Number is the key that makes it exactly-once.
type OutboxItem struct {
	ID        int64
	Number    string
	DocType   DocumentType
	BuyerName string
	Kind      OutboxKind
	ContactID int64 // the customer's MiniCRM id
	State     UploadState
	Attempts  int
	LastError string
	NextTry   time.Time // zero: at once
	CreatedAt time.Time
	UpdatedAt time.Time
	SentAt    time.Time
	ClaimedAt time.Time
	Progress  OutboxProgress
	// CardID is, for an update, the card its document's create item made
	// (0 when there is none: no Számlák module).
	CardID int64
}

// OutboxProgress is what the worker has done for an item so far. The
// "Tried" flags are written before a create is sent: when set and the id
// is still 0, the create may have been applied, and MiniCRM is searched
// for the key before creating again.
type OutboxProgress struct {
	ProjectID     int64 // the invoice card (create items)
	CardTried     bool
	ToDoProjectID int64 // the card the ToDo is on
	ToDoID        int64
	ToDoTried     bool
	ToDoClosed    bool
}

// Key is the item's identity in texts: "KSZ-2026-00001 (kifizetés)".
func (it OutboxItem) Key() string { return it.Number + " (" + it.Kind.Label() + ")" }

// OutboxResult is the outcome of one send attempt.
type OutboxResult struct {
	State     UploadState // pending (retry later), sent or failed
	LastError string
	RetryAt   time.Time // when a pending item is tried again
	Progress  OutboxProgress
	// CountAttempt adds one to the failed attempts.
	CountAttempt bool
}

// OutboxStore is the durable outbox; storage implements it. Items are
// added by the transactions that issue, pay, cancel or withdraw documents.
type OutboxStore interface {
	// OutboxDue returns up to max items to send at now, oldest first: the
	// pending ones whose time has come, and those left "sending" since
	// before staleBefore (a worker that died). An update is due only when
	// its document's create item is sent.
	OutboxDue(ctx context.Context, now, staleBefore time.Time, max int) ([]OutboxItem, error)
	// OutboxClaim marks an item sending, only if it is still as it was
	// returned by OutboxDue; false when another worker took it.
	OutboxClaim(ctx context.Context, it OutboxItem, now time.Time) (bool, error)
	// OutboxProgress records progress of an item being sent (before and
	// after each create), keeping it "sending".
	OutboxProgress(ctx context.Context, id int64, p OutboxProgress) error
	// OutboxFinish stores the outcome of an attempt.
	OutboxFinish(ctx context.Context, id int64, r OutboxResult, now time.Time) error
	// OutboxWake makes every pending item due at once (Sync, the
	// connection came back).
	OutboxWake(ctx context.Context) error
	OutboxView
}

// OutboxView is what the screens and commands read and change.
type OutboxView interface {
	// OutboxItems returns the items, newest first; all=false leaves out
	// the sent, skipped and demo ones.
	OutboxItems(ctx context.Context, all bool) ([]OutboxItem, error)
	// OutboxRetry makes a failed or pending item (id 0: every one) due at
	// once; it returns how many it changed.
	OutboxRetry(ctx context.Context, id int64) (int, error)
	// OutboxSkip marks an item not to upload ("ne töltse fel"); a skipped
	// create also skips the document's later events.
	OutboxSkip(ctx context.Context, id int64) error
	// UploadStates returns the upload state of the documents that have
	// any outbox item (a failed event wins over a pending, a pending over
	// a sent one).
	UploadStates(ctx context.Context, numbers []string) (map[string]UploadState, error)
	// OutboxWaitingDocuments counts the documents with a pending or failed
	// event: the status line's "N bizonylat vár feltöltésre".
	OutboxWaitingDocuments(ctx context.Context) (int, error)
}

// OutboxStatusText is the status line: "3 bizonylat vár feltöltésre", or
// "" when nothing waits.
func OutboxStatusText(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n) + " bizonylat vár feltöltésre"
}

// OutboxBackoff is the wait before the attempt after the given number of
// failed ones: base doubled each time, never more than limit.
func OutboxBackoff(attempts int, base, limit time.Duration) time.Duration {
	if base <= 0 {
		base = 30 * time.Second
	}
	if limit <= 0 {
		limit = 15 * time.Minute
	}
	d := base
	for i := 0; i < attempts && d < limit; i++ {
		d *= 2
	}
	return min(d, limit)
}
