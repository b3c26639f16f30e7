package nav

import (
	"context"
	"encoding/xml"
	"errors"
	"time"

	"konnyuszamla/domain"
)

// poll brings the sent reports up to date: the processing state of those
// NAV took, the truth about those whose answer was lost.
func (r *Reporter) poll(ctx context.Context, c *Client) error {
	items, err := r.Queue.NAVInFlight(ctx)
	if err != nil {
		return err
	}
	now := r.now()
	byTx := map[string][]domain.NAVQueueItem{}
	var lost []domain.NAVQueueItem
	for _, it := range items {
		switch it.State {
		case domain.NAVSending:
			// The app stopped (or another worker is) during the request: its
			// outcome is unknown once the request must have ended.
			if now.Sub(it.SubmittedAt) >= r.sendingStale() {
				if err := r.update(ctx, it.ID, domain.NAVUpdate{State: domain.NAVUnknown,
					LastError: "A küldés megszakadt; a program a NAV-nál ellenőrzi, megérkezett-e."}); err != nil {
					return err
				}
			}
		case domain.NAVUnknown:
			if now.Sub(it.SubmittedAt) >= r.lostWait() {
				lost = append(lost, it)
			}
		default:
			byTx[it.TransactionID] = append(byTx[it.TransactionID], it)
		}
	}
	var errs []error
	for txID, its := range byTx {
		errs = append(errs, r.pollTransaction(ctx, c, txID, its))
	}
	if len(lost) > 0 {
		errs = append(errs, r.resolveLost(ctx, c, lost))
	}
	return errors.Join(errs...)
}

func (r *Reporter) pollTransaction(ctx context.Context, c *Client, txID string, its []domain.NAVQueueItem) error {
	results, err := c.QueryTransactionStatus(ctx, txID, false)
	if err != nil {
		return err
	}
	for _, it := range its {
		for _, res := range results {
			if res.Index != it.BatchIndex {
				continue
			}
			u := resultUpdate(res)
			if u.State == it.State && len(u.Messages) == len(it.Messages) {
				break
			}
			if err := r.update(ctx, it.ID, u); err != nil {
				return err
			}
		}
	}
	return nil
}

// resultUpdate maps NAV's processing result to the report's new state.
func resultUpdate(res ProcessingResult) domain.NAVUpdate {
	u := domain.NAVUpdate{State: domain.NAVProcessing, Messages: []domain.NAVMessage{}}
	switch res.InvoiceStatus {
	case "RECEIVED":
		u.State = domain.NAVReceived
	case "DONE":
		u.State = domain.NAVDone
	case "ABORTED":
		u.State = domain.NAVAborted
	}
	for _, m := range res.TechnicalMessages {
		u.Messages = append(u.Messages, domain.NAVMessage{Severity: m.ResultCode, Code: m.ErrorCode, Text: m.Message, Technical: true})
	}
	for _, m := range res.BusinessMessages {
		msg := domain.NAVMessage{Severity: m.ResultCode, Code: m.ErrorCode, Text: m.Message}
		if m.Pointer != nil {
			msg.Line = m.Pointer.Line
		}
		u.Messages = append(u.Messages, msg)
	}
	return u
}

// found is where NAV holds a report whose answer was lost.
type found struct {
	txID string
	res  ProcessingResult
	at   time.Time
}

// resolveLost follows NAV spec 1.9.2 for reports whose answer was lost:
// list the transactions since just before the request, read each one's
// original request, and match the invoice numbers. A report found takes
// the transaction's state; one NAV provably does not have is queued again.
func (r *Reporter) resolveLost(ctx context.Context, c *Client, lost []domain.NAVQueueItem) error {
	from := lost[0].SubmittedAt
	for _, it := range lost {
		if it.SubmittedAt.Before(from) {
			from = it.SubmittedAt
		}
	}
	txs, err := c.QueryTransactionList(ctx, from.Add(-time.Minute), r.now().Add(time.Minute))
	if err != nil {
		return err
	}
	want := map[string]bool{}
	for _, it := range lost {
		want[it.Number] = true
	}
	at := map[string]found{}
	for _, tx := range txs {
		results, err := c.QueryTransactionStatus(ctx, tx.TransactionID, true)
		if err != nil {
			return err // try the whole lookup again next pass: never guess
		}
		ins, _ := time.Parse(timestampLayout, tx.InsDate)
		for _, res := range results {
			number := originalNumber(res)
			if !want[number] {
				continue
			}
			// Prefer a transaction that NAV did not refuse, then the latest.
			prev, seen := at[number]
			if !seen || (prev.res.InvoiceStatus == "ABORTED" && res.InvoiceStatus != "ABORTED") ||
				(prev.res.InvoiceStatus == "ABORTED") == (res.InvoiceStatus == "ABORTED") && ins.After(prev.at) {
				at[number] = found{txID: tx.TransactionID, res: res, at: ins}
			}
		}
	}
	for _, it := range lost {
		var u domain.NAVUpdate
		if f, ok := at[it.Number]; ok {
			u = resultUpdate(f.res)
			u.TransactionID, u.BatchIndex = f.txID, f.res.Index
		} else {
			u = domain.NAVUpdate{State: domain.NAVPending, ClearTransaction: true, CountAttempt: true,
				LastError: "A NAV-nál nem érkezett meg; a program újraküldi."}
		}
		if err := r.update(ctx, it.ID, u); err != nil {
			return err
		}
	}
	return nil
}

// originalNumber reads the invoice number from the invoice data NAV
// returns with returnOriginalRequest ("" when it cannot be read).
func originalNumber(res ProcessingResult) string {
	data, err := decodeBase64(res.OriginalRequest)
	if err != nil || res.CompressedContentIndicator {
		return ""
	}
	var head struct {
		Number string `xml:"invoiceNumber"`
	}
	if xml.Unmarshal(data, &head) != nil {
		return ""
	}
	return head.Number
}

func (r *Reporter) lostWait() time.Duration {
	if r.LostWait > 0 {
		return r.LostWait
	}
	return 5 * time.Minute
}

func (r *Reporter) sendingStale() time.Duration {
	if r.SendingStale > 0 {
		return r.SendingStale
	}
	return 3 * time.Minute
}
