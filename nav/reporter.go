package nav

import (
	"cmp"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"konnyuszamla/domain"
)

// Reporter drives the durable report queue: it sends what waits, asks NAV
// about what was sent, and resolves lost answers the way the NAV spec
// (1.9.2) asks: wait, list the transactions, match, and only resubmit what
// NAV provably does not have. It never resends a report blindly.
type Reporter struct {
	Queue     domain.NAVQueue
	Documents interface {
		Document(ctx context.Context, number string) (*domain.Invoice, error)
	}
	// Credentials returns the settings and secrets; an ENotFound error
	// means reporting is not set up, and the queue simply holds the reports.
	Credentials func(ctx context.Context) (domain.NAVSettings, domain.NAVSecrets, error)
	Software    Software
	HTTP        *http.Client
	// BaseURL, when set, replaces NAV's address (tests use navtest).
	BaseURL string
	Now     func() time.Time
	Log     *slog.Logger
	// OnChange, when set, is called after a pass that changed any report
	// (the GUI refreshes its NAV column).
	OnChange func()

	// LostWait is how long after a lost answer NAV is asked (spec: 5 min).
	LostWait time.Duration
	// SendingStale turns a report left "sending" (the app stopped during
	// the request) into a lost one after this long.
	SendingStale time.Duration
	// RetryBase and RetryCap bound the back-off of refused or failed sends.
	RetryBase, RetryCap time.Duration
	// MinInterval spaces the requests (NAV: 1 request a second).
	MinInterval time.Duration

	mu      sync.Mutex // one pass at a time
	changed bool       // a report changed in this pass
	wake    chan struct{}
	once    sync.Once
}

// RunOnce makes one pass: it updates the reports sent earlier and sends the
// due ones. busy reports whether reports are still on their way (so the
// caller should come back soon). Without settings it does nothing.
func (r *Reporter) RunOnce(ctx context.Context) (busy bool, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s, sec, err := r.Credentials(ctx)
	if domain.ErrorCode(err) == domain.ENotFound {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("nav credentials: %w", err)
	}
	base := r.BaseURL
	if base == "" {
		base = BaseURL(s)
	}
	c := &Client{BaseURL: base, HTTP: r.HTTP, Settings: s, Secrets: sec, Software: r.Software, Now: r.now, MinInterval: r.MinInterval}
	r.changed = false
	pollErr := r.poll(ctx, c)
	sendErr := r.send(ctx, c)
	if r.changed && r.OnChange != nil {
		r.OnChange()
	}
	inFlight, err := r.Queue.NAVInFlight(ctx)
	if err != nil {
		return false, err
	}
	return len(inFlight) > 0, errors.Join(pollErr, sendErr)
}

// Kick wakes Run at once (after a document is issued).
func (r *Reporter) Kick() {
	r.init()
	select {
	case r.wake <- struct{}{}:
	default:
	}
}

// Run makes a pass every interval (every few seconds while reports are on
// their way, or when kicked) until ctx ends. Failures are logged; the next
// pass tries again.
func (r *Reporter) Run(ctx context.Context, interval time.Duration) {
	r.init()
	for {
		busy, err := r.RunOnce(ctx)
		if err != nil && ctx.Err() == nil {
			r.logger().Warn("nav: report pass failed", "err", err)
		}
		wait := interval
		if busy {
			wait = min(interval, 5*time.Second)
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-r.wake:
		case <-t.C:
		}
		t.Stop()
	}
}

func (r *Reporter) init() { r.once.Do(func() { r.wake = make(chan struct{}, 1) }) }

// send reports the due reports in batches of up to MaxBatch.
func (r *Reporter) send(ctx context.Context, c *Client) error {
	for round := 0; round < 10; round++ {
		due, err := r.Queue.NAVDue(ctx, r.now(), MaxBatch)
		if err != nil || len(due) == 0 {
			return err
		}
		batch := r.prepare(ctx, due)
		if len(batch) == 0 {
			continue
		}
		key := NewRequestID(r.now())
		ok, err := r.Queue.NAVBeginSend(ctx, key, batch, r.now())
		if err != nil || !ok {
			return err // another worker took them: its pass reports them
		}
		ops := make([]OperationData, len(batch))
		for i, it := range batch {
			ops[i] = OperationData{Operation: Operation(it.Operation), Base64Data: it.Payload}
		}
		txID, sendErr := c.ManageInvoice(ctx, ops)
		for _, it := range batch {
			var u domain.NAVUpdate
			switch {
			case sendErr == nil:
				u = domain.NAVUpdate{State: domain.NAVReceived, TransactionID: txID, Messages: []domain.NAVMessage{}}
			case errors.Is(sendErr, ErrOutcomeUnknown):
				u = domain.NAVUpdate{State: domain.NAVUnknown, LastError: ExplainError(sendErr)}
			default: // refused as a whole, or never sent: safe to send again
				u = domain.NAVUpdate{State: domain.NAVPending, LastError: ExplainError(sendErr),
					RetryAt: r.now().Add(r.backoff(it.Attempts)), CountAttempt: true}
			}
			if err := r.update(ctx, it.ID, u); err != nil {
				return err
			}
		}
		if sendErr != nil {
			r.logger().Warn("nav: manageInvoice failed", "reports", len(batch), "err", sendErr)
			return nil // the network or NAV is down: the next pass retries
		}
	}
	return nil
}

// prepare builds the invoice data of the due reports and numbers them in
// the batch. A report that cannot be built is aborted with the reason; a
// sztornó whose invoice was refused for a fixable reason waits for it.
func (r *Reporter) prepare(ctx context.Context, due []domain.NAVQueueItem) []domain.NAVQueueItem {
	var batch []domain.NAVQueueItem
	for _, it := range due {
		opts := BuildOptions{ModificationIndex: it.ModificationIndex}
		if it.Operation == string(OpStorno) && it.OriginalState == domain.NAVAborted {
			if domain.NAVResendable(it.OriginalMessages) {
				continue // the invoice may still be resent: the sztornó waits
			}
			opts.ModifyWithoutMaster = true // NAV never accepted the invoice
		}
		data, err := r.build(ctx, it.Number, opts)
		if err != nil {
			r.logger().Error("nav: cannot build a report", "number", it.Number, "err", err)
			msg := domain.NAVMessage{Severity: "ERROR", Code: domain.NAVLocalError,
				Text: "A jelentés nem készíthető el (programhiba): " + domain.ErrorMessage(err)}
			if uerr := r.update(ctx, it.ID, domain.NAVUpdate{State: domain.NAVAborted, Messages: []domain.NAVMessage{msg}}); uerr != nil {
				r.logger().Error("nav: record build failure", "err", uerr)
			}
			continue
		}
		it.Payload = base64.StdEncoding.EncodeToString(data)
		it.BatchIndex = len(batch) + 1
		batch = append(batch, it)
	}
	return batch
}

// update changes one report and notes that the pass changed something.
func (r *Reporter) update(ctx context.Context, id int64, u domain.NAVUpdate) error {
	r.changed = true
	return r.Queue.NAVUpdate(ctx, id, u)
}

func (r *Reporter) build(ctx context.Context, number string, opts BuildOptions) ([]byte, error) {
	inv, err := r.Documents.Document(ctx, number)
	if err != nil {
		return nil, err
	}
	return BuildInvoiceData(inv, opts)
}

// backoff is the outbox's retry rule (domain.OutboxBackoff) with NAV's
// longer default cap.
func (r *Reporter) backoff(attempts int) time.Duration {
	return domain.OutboxBackoff(attempts, r.RetryBase, cmp.Or(r.RetryCap, 30*time.Minute))
}

func (r *Reporter) now() time.Time {
	if r.Now != nil {
		return r.Now()
	}
	return time.Now()
}

func (r *Reporter) logger() *slog.Logger {
	if r.Log != nil {
		return r.Log
	}
	return slog.Default()
}
