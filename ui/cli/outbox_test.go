package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"konnyuszamla/domain"
)

// outboxFakeView is an in-memory outbox.
type outboxFakeView struct {
	items   []domain.OutboxItem
	retried []int64
	skipped []int64
}

func (f *outboxFakeView) OutboxItems(_ context.Context, all bool) ([]domain.OutboxItem, error) {
	var out []domain.OutboxItem
	for _, it := range f.items {
		if all || it.State.Waiting() {
			out = append(out, it)
		}
	}
	return out, nil
}

func (f *outboxFakeView) OutboxRetry(_ context.Context, id int64) (int, error) {
	f.retried = append(f.retried, id)
	return 1, nil
}

func (f *outboxFakeView) OutboxSkip(_ context.Context, id int64) error {
	f.skipped = append(f.skipped, id)
	for i := range f.items {
		if f.items[i].ID == id {
			f.items[i].State = domain.UploadSkipped
		}
	}
	return nil
}

func (f *outboxFakeView) UploadStates(context.Context, []string) (map[string]domain.UploadState, error) {
	return nil, nil
}

func (f *outboxFakeView) OutboxWaitingDocuments(context.Context) (int, error) {
	n := map[string]bool{}
	for _, it := range f.items {
		if it.State.Waiting() {
			n[it.Number] = true
		}
	}
	return len(n), nil
}

func outboxFake() *outboxFakeView {
	return &outboxFakeView{items: []domain.OutboxItem{
		{ID: 3, Number: "KSZ-2026-00002", DocType: domain.DocInvoice, BuyerName: "Minta Kft.", Kind: domain.OutboxCreate,
			State: domain.UploadFailed, Attempts: 1, LastError: "A MiniCRM elutasította: hibás mező"},
		{ID: 2, Number: "KSZ-2026-00001", DocType: domain.DocInvoice, BuyerName: "Minta Kft.", Kind: domain.OutboxPaid,
			State: domain.UploadPending},
		{ID: 1, Number: "KSZ-2026-00001", DocType: domain.DocInvoice, BuyerName: "Minta Kft.", Kind: domain.OutboxCreate,
			State: domain.UploadSent},
	}}
}

func outboxRun(t *testing.T, s Store, f *outboxFakeView, flushed *int, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := Env{Stdout: &out, Stderr: &errOut}
	open := func(context.Context, Store) (OutboxDeps, error) {
		return OutboxDeps{View: f, Flush: func(context.Context) error { *flushed++; return nil }}, nil
	}
	err := Outbox(context.Background(), env, open, s, args)
	return out.String(), errOut.String(), err
}

func TestOutboxListAndJSON(t *testing.T) {
	f := outboxFake()
	var flushed int
	out, _, err := outboxRun(t, syncTestStore(true), f, &flushed, "list")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"KSZ-2026-00002", "hibás", "hibás mező", "kifizetés", "feltöltésre vár", "2 bizonylat vár feltöltésre"} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "feltöltve") {
		t.Errorf("list shows a sent item without --all:\n%s", out)
	}
	out, _, err = outboxRun(t, syncTestStore(true), f, &flushed, "list", "--json", "--all")
	if err != nil {
		t.Fatal(err)
	}
	var got outboxListJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got.Waiting != 2 || len(got.Items) != 3 || got.Items[0].State != "failed" || got.Items[0].LastError == "" {
		t.Errorf("json = %+v", got)
	}
}

func TestOutboxRetryAndSkip(t *testing.T) {
	f := outboxFake()
	var flushed int
	if _, _, err := outboxRun(t, syncTestStore(false), f, &flushed, "retry"); err == nil || flushed != 0 {
		t.Fatalf("retry without the add-on: %v", err)
	}
	if _, _, err := outboxRun(t, syncTestStore(true), f, &flushed, "retry", "3"); err != nil || flushed != 1 ||
		len(f.retried) != 1 || f.retried[0] != 3 {
		t.Fatalf("retry 3: %v, flushed %d, %v", err, flushed, f.retried)
	}
	if _, _, err := outboxRun(t, syncTestStore(true), f, &flushed, "skip", "2"); err != nil || len(f.skipped) != 1 {
		t.Fatalf("skip: %v", err)
	}
	if _, _, err := outboxRun(t, syncTestStore(true), f, &flushed, "skip"); err == nil {
		t.Error("skip without an id")
	}
}

func TestSyncFlushesTheOutbox(t *testing.T) {
	f := &syncFakeSyncer{preview: &domain.SyncPreview{}, report: &domain.SyncReport{}}
	view := outboxFake()
	flushed := 0
	var out, errOut bytes.Buffer
	deps := SyncDeps{Open: func(context.Context, Store) (Syncer, error) { return f, nil },
		Outbox: func(context.Context, Store) (OutboxDeps, error) {
			return OutboxDeps{View: view, Flush: func(context.Context) error { flushed++; return nil }}, nil
		}}
	if err := Sync(context.Background(), Env{Stdout: &out, Stderr: &errOut}, deps, syncTestStore(true), []string{"--json"}); err != nil {
		t.Fatal(err)
	}
	if flushed != 1 || !strings.Contains(errOut.String(), "2 bizonylat vár feltöltésre") {
		t.Errorf("flushed %d, stderr %q", flushed, errOut.String())
	}
	var js map[string]any
	if err := json.Unmarshal(out.Bytes(), &js); err != nil {
		t.Errorf("stdout is not JSON any more: %v", err)
	}
	flushed = 0
	Sync(context.Background(), Env{Stdout: &out, Stderr: &errOut}, deps, syncTestStore(true), []string{"--dry-run"})
	if flushed != 0 {
		t.Error("a dry run flushed the outbox")
	}
}
