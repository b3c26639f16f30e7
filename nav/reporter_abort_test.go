package nav_test

import (
	"context"
	"sync"
	"testing"

	"konnyuszamla/domain"
	"konnyuszamla/nav"
)

// TestQueueAbortedReports: NAV refuses one invoice for its content (no
// resend; its sztornó is reported without a master), one for a fixable
// cause (resent after the fix, accepted once), and accepts one with a
// warning (kept with the report).
func TestQueueAbortedReports(t *testing.T) {
	e := newQueueEnv(t)
	ctx := context.Background()
	content := e.issue(domain.DocInvoice, e.company, domain.VAT27)
	fixable := e.issue(domain.DocInvoice, e.company, domain.VAT5)
	warned := e.issue(domain.DocInvoice, e.person, domain.VAT18)
	var mu sync.Mutex
	fixed := false
	e.srv.Decide = func(number, op string, _ []byte) []nav.BusinessMessage {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case number == content:
			return []nav.BusinessMessage{{ResultCode: "ERROR", ErrorCode: "INCORRECT_HEAD_DATA_CUSTOMER_TAX_NUMBER",
				Message: "A vevő adószáma nem létezik.", Pointer: &nav.Pointer{Tag: "customerTaxNumber"}}}
		case number == fixable && !fixed:
			return []nav.BusinessMessage{{ResultCode: "ERROR", ErrorCode: "SUPPLIER_TAX_NUMBER_MISMATCH", Message: "Az eladó adószáma eltér."}}
		case number == warned:
			return []nav.BusinessMessage{{ResultCode: "WARN", ErrorCode: "INCORRECT_DATE_INVOICE_ISSUE_DATE_EARLY", Message: "Korai dátum.", Pointer: &nav.Pointer{Line: 1}}}
		}
		return nil
	}
	e.settle()
	e.wantState(content, domain.NAVAborted)
	e.wantState(fixable, domain.NAVAborted)
	e.wantState(warned, domain.NAVDone)
	if r := e.report(warned); len(r.Messages) != 1 || r.Messages[0].Severity != "WARN" || r.Messages[0].Line != 1 {
		t.Errorf("warning not kept: %+v", r.Messages)
	}

	r := e.report(content)
	if r.Resendable() || len(r.Messages) != 1 || r.Messages[0].Code != "INCORRECT_HEAD_DATA_CUSTOMER_TAX_NUMBER" {
		t.Errorf("content error: %+v", r)
	}
	if err := e.db.ResendNAVReport(ctx, content); domain.ErrorCode(err) != domain.EConflict {
		t.Errorf("resend of a content error: %v", err)
	}
	if err := e.db.ResendNAVReport(ctx, warned); domain.ErrorCode(err) != domain.EConflict {
		t.Errorf("resend of an accepted report: %v", err)
	}
	// The lawful fix: a sztornó, reported without its (never accepted) invoice.
	storno := e.cancel(content)
	e.settle()
	e.wantState(storno, domain.NAVDone)

	if !e.report(fixable).Resendable() {
		t.Fatal("a settings error is not resendable")
	}
	mu.Lock()
	fixed = true
	mu.Unlock()
	if err := e.db.ResendNAVReport(ctx, fixable); err != nil {
		t.Fatal(err)
	}
	e.settle()
	e.wantState(fixable, domain.NAVDone)
	if sent, accepted := e.srv.Submissions(fixable); sent != 2 || accepted != 1 {
		t.Errorf("%s: sent %d, accepted %d", fixable, sent, accepted)
	}
	if r := e.report(fixable); len(r.Messages) != 0 {
		t.Errorf("old messages kept after acceptance: %+v", r.Messages)
	}
}
