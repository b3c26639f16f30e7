package storage_test

import (
	"context"
	"errors"
	"testing"

	"konnyuszamla/domain"
)

func TestNAVReportQueuedWithTheDocument(t *testing.T) {
	db := invoiceDB(t)
	ctx := context.Background()
	inv := mustIssue(t, db, draft(domain.DocInvoice))
	pro := mustIssue(t, db, draft(domain.DocProforma))
	storno, err := db.CancelInvoice(ctx, inv.Number, domain.Date{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := db.NAVReportOf(ctx, inv.Number)
	if err != nil || r.State != domain.NAVPending || r.Operation != "CREATE" || r.Type != domain.DocInvoice {
		t.Errorf("invoice report: %+v, %v", r, err)
	}
	r, err = db.NAVReportOf(ctx, storno.Number)
	if err != nil || r.Operation != "STORNO" || r.Original != inv.Number || r.ModificationIndex != 1 {
		t.Errorf("sztornó report: %+v, %v", r, err)
	}
	if _, err := db.NAVReportOf(ctx, pro.Number); domain.ErrorCode(err) != domain.ENotFound {
		t.Errorf("proforma report: %v", err)
	}
	all, err := db.NAVReports(ctx)
	if err != nil || len(all) != 2 || all[0].Number != storno.Number {
		t.Errorf("reports, newest first: %+v, %v", all, err)
	}
	states, err := db.NAVStates(ctx, []string{inv.Number, pro.Number, storno.Number, "nincs"})
	if err != nil || len(states) != 2 || states[inv.Number].State != domain.NAVPending {
		t.Errorf("states: %+v, %v", states, err)
	}
}

// TestNAVReportRolledBackWithTheDocument: a failed issue leaves neither the
// document nor its report (nor a used number) behind.
func TestNAVReportRolledBackWithTheDocument(t *testing.T) {
	db := invoiceDB(t)
	ctx := context.Background()
	db.RenderPDF = func(*domain.Invoice) ([]byte, error) { return nil, errors.New("printer on fire") }
	if _, err := db.IssueDocument(ctx, draft(domain.DocInvoice)); err == nil {
		t.Fatal("issued without a PDF")
	}
	db.RenderPDF = nil
	if all, err := db.NAVReports(ctx); err != nil || len(all) != 0 {
		t.Fatalf("reports after a failed issue: %+v, %v", all, err)
	}
	inv := mustIssue(t, db, draft(domain.DocInvoice))
	if r, err := db.NAVReportOf(ctx, inv.Number); err != nil || r.State != domain.NAVPending {
		t.Errorf("%+v, %v", r, err)
	}
}

func TestNAVQueueUpdatesAndFinalState(t *testing.T) {
	db := invoiceDB(t)
	ctx := context.Background()
	inv := mustIssue(t, db, draft(domain.DocInvoice))
	due, err := db.NAVDue(ctx, fixedNow, 10)
	if err != nil || len(due) != 1 {
		t.Fatal(due, err)
	}
	id := due[0].ID
	msgs := []domain.NAVMessage{{Severity: "WARN", Code: "X", Text: "figyelmeztetés"}}
	if err := db.NAVUpdate(ctx, id, domain.NAVUpdate{State: domain.NAVDone, TransactionID: "T1", BatchIndex: 3, Messages: msgs}); err != nil {
		t.Fatal(err)
	}
	r, _ := db.NAVReportOf(ctx, inv.Number)
	if r.State != domain.NAVDone || r.TransactionID != "T1" || len(r.Messages) != 1 {
		t.Errorf("%+v", r)
	}
	// An accepted report is final, whatever the code asks.
	if err := db.NAVUpdate(ctx, id, domain.NAVUpdate{State: domain.NAVPending}); err == nil {
		t.Error("an accepted report went back to pending")
	}
	if err := db.ResendNAVReport(ctx, inv.Number); domain.ErrorCode(err) != domain.EConflict {
		t.Errorf("resend of an accepted report: %v", err)
	}
}

func TestNAVSettingsRoundTrip(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	s, err := db.NAVSettings(ctx)
	if err != nil || s.Configured() || s.Production {
		t.Fatalf("defaults: %+v, %v", s, err)
	}
	bad := domain.NAVSettings{Login: "x", TaxNumber: "123"}
	if err := db.SaveNAVSettings(ctx, &bad); domain.ErrorCode(err) != domain.EInvalid || len(domain.FieldErrors(err)) != 2 {
		t.Errorf("invalid settings: %v", err)
	}
	s = domain.NAVSettings{Login: "tesztuser01", TaxNumber: "12345676 2 42", Production: true}
	if err := db.SaveNAVSettings(ctx, &s); err != nil {
		t.Fatal(err)
	}
	got, err := db.NAVSettings(ctx)
	if err != nil || got != (domain.NAVSettings{Login: "tesztuser01", TaxNumber: "12345676-2-42", Production: true}) {
		t.Errorf("read back %+v, %v", got, err)
	}
}
