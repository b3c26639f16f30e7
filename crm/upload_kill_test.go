//go:build cgo

package crm_test

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"konnyuszamla/crm"
	"konnyuszamla/domain"
)

// TestHelperUploadChild is not a test: run by TestUploadKilledMidUpload in
// a child process, it flushes the outbox against the parent's fake MiniCRM
// and prints "clean" when nothing waits.
func TestHelperUploadChild(t *testing.T) {
	ctx, db, secrets := openKillChild(t, "KONNYUSZAMLA_UPLOAD_CHILD_DIR", "KONNYUSZAMLA_UPLOAD_CHILD_KEY")
	up := &crm.Uploader{Store: db, Documents: db, Settings: db, Mappings: db,
		Secrets:    secrets,
		Limiter:    crm.NewLimiter(1<<30, time.Minute, nil),
		StaleAfter: time.Millisecond, // one process at a time: a "sending" item was left by a killed one
	}
	for range 50 {
		if _, err := up.Flush(ctx); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(4)
		}
		n, err := db.OutboxWaitingDocuments(ctx)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(4)
		}
		if n == 0 {
			fmt.Println("clean")
			break
		}
	}
	os.Exit(0)
}

// TestUploadKilledMidUpload kills a process uploading the outbox at random
// moments (between a create and its answer, between the answer and the
// commit, anywhere) until a run finishes; every document must then be in
// MiniCRM exactly once: one card, one ToDo.
func TestUploadKilledMidUpload(t *testing.T) {
	r := newUploadRig(t, false, true)
	var numbers []string
	for range 25 {
		numbers = append(numbers, r.issue(t, domain.DocInvoice).Number)
	}
	r.srv.SetDelay(10 * time.Millisecond) // stretch the uploads so the kills land in them
	killUntilClean(t, r.srv, killRun{
		child:   "TestHelperUploadChild",
		env:     []string{"KONNYUSZAMLA_UPLOAD_CHILD_DIR=" + r.dir, "KONNYUSZAMLA_UPLOAD_CHILD_KEY=" + r.srv.APIKey()},
		what:    "upload",
		killMin: 50, killSpread: 300,
	})
	for _, n := range numbers {
		if cs := r.cards(n); len(cs) != 1 {
			t.Errorf("%s: %d cards", n, len(cs))
		}
		if td := r.todos("Számla " + n + " kiállítva:"); len(td) != 1 || td[0].Status != "Closed" {
			t.Errorf("%s: todos %+v", n, td)
		}
	}
	if st, _ := r.db.UploadStates(context.Background(), numbers); len(st) != len(numbers) {
		t.Errorf("states %v", st)
	} else {
		for n, s := range st {
			if s != domain.UploadSent {
				t.Errorf("%s: %s", n, s)
			}
		}
	}
}
