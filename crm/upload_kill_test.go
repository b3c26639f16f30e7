//go:build cgo

package crm_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"konnyuszamla/crm"
	"konnyuszamla/domain"
	"konnyuszamla/storage"
)

// TestHelperUploadChild is not a test: run by TestUploadKilledMidUpload in
// a child process, it flushes the outbox against the parent's fake MiniCRM
// and prints "clean" when nothing waits.
func TestHelperUploadChild(t *testing.T) {
	dir := os.Getenv("KONNYUSZAMLA_UPLOAD_CHILD_DIR")
	if dir == "" {
		t.Skip("helper process only")
	}
	ctx := context.Background()
	db, err := storage.OpenDir(ctx, dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	s, err := db.MiniCRMSettings(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	up := &crm.Uploader{Store: db, Documents: db, Settings: db, Mappings: db,
		Secrets:    &syncSecrets{m: map[string]string{domain.MiniCRMKeyAccount(s.SystemID): os.Getenv("KONNYUSZAMLA_UPLOAD_CHILD_KEY")}},
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
	deadline := time.Now().Add(90 * time.Second)
	kills := 0
	for round := 0; ; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperUploadChild$")
		cmd.Env = append(os.Environ(), "KONNYUSZAMLA_UPLOAD_CHILD_DIR="+r.dir, "KONNYUSZAMLA_UPLOAD_CHILD_KEY="+r.srv.APIKey())
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		killAfter := time.Duration(50+rand.IntN(300)) * time.Millisecond
		if round >= 15 {
			killAfter = time.Hour // enough kills: let it finish
		}
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("round %d: upload failed: %v\n%s", round, err, errOut.String())
			}
			if strings.Contains(out.String(), "clean") {
				if kills < 5 {
					t.Fatalf("only %d kills; the test proves nothing", kills)
				}
				t.Logf("finished after %d kills in %d rounds; %d requests", kills, round+1, len(r.srv.Requests()))
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
				return
			}
		case <-time.After(killAfter):
			cmd.Process.Kill()
			<-done
			kills++
		}
		if time.Now().After(deadline) {
			t.Fatalf("no clean run after %d rounds", round+1)
		}
	}
}
