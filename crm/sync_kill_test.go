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
	"konnyuszamla/crm/minicrmtest"
	"konnyuszamla/domain"
	"konnyuszamla/storage"
)

// TestHelperSyncChild is not a test: run by TestSyncKilledDuringPass2 in a
// child process, it runs one sync against the parent's fake MiniCRM and
// prints "clean" when nothing is left to do.
func TestHelperSyncChild(t *testing.T) {
	dir := os.Getenv("KONNYUSZAMLA_SYNC_CHILD_DIR")
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
	secrets := &syncSecrets{m: map[string]string{domain.MiniCRMKeyAccount(s.SystemID): os.Getenv("KONNYUSZAMLA_SYNC_CHILD_KEY")}}
	// Real time here, and the fake's limit is off: no minute-long waits.
	conn := crm.SyncConnector{Secrets: secrets, Limiter: crm.NewLimiter(1<<30, time.Minute, nil)}
	svc := &domain.SyncService{Store: db, Settings: db, Connector: conn}
	p, err := svc.PrepareSync(ctx, domain.SyncOptions{}, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(4)
	}
	rep, err := svc.ApplySync(ctx, p, nil, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(4)
	}
	intents, err := db.SyncIntents(ctx)
	if err == nil && len(rep.Errors) == 0 && len(intents) == 0 {
		fmt.Println("clean")
	}
	os.Exit(0)
}

// TestSyncKilledDuringPass2 kills a process running pass 2 at random
// moments (between a create and its answer, between the answer and the
// commit, anywhere) until a run finishes; every local customer must then
// be in MiniCRM exactly once, with its addresses and card once.
func TestSyncKilledDuringPass2(t *testing.T) {
	r := newSyncRigOpts(t, false, minicrmtest.Options{RateLimit: -1})
	r.addBusiness("Meglévő Kft.", taxNumber(1), "Budapest", "Fő utca 1.", r.success)
	r.later()
	locals := localMix(t, r, 90)
	r.srv.SetDelay(3 * time.Millisecond) // stretch pass 2 so the kills land in it
	deadline := time.Now().Add(90 * time.Second)
	kills := 0
	for round := 0; ; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperSyncChild$")
		cmd.Env = append(os.Environ(), "KONNYUSZAMLA_SYNC_CHILD_DIR="+r.dir, "KONNYUSZAMLA_SYNC_CHILD_KEY="+r.srv.APIKey())
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		killAfter := time.Duration(40+rand.IntN(260)) * time.Millisecond
		if round >= 15 {
			killAfter = time.Hour // enough kills: let it finish
		}
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("round %d: sync failed: %v\n%s", round, err, errOut.String())
			}
			if strings.Contains(out.String(), "clean") {
				if kills < 5 {
					t.Fatalf("only %d kills; the test proves nothing", kills)
				}
				t.Logf("finished after %d kills in %d rounds; %d requests", kills, round+1, len(r.srv.Requests()))
				checkExactlyOnce(t, r, locals)
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
