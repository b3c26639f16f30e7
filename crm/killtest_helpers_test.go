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

	"konnyuszamla/crm/minicrmtest"
	"konnyuszamla/domain"
	"konnyuszamla/storage"
)

// The kill tests run a helper test in a child process against the parent's
// fake MiniCRM and kill the child at random moments until a run finishes.

// openKillChild is the start of a kill test's child process: it opens the
// parent's database in the directory named by the environment variable
// dirEnv, and a keyring holding the API key in keyEnv. It skips the test
// when dirEnv is unset (the helper run as an ordinary test) and exits with
// status 3 when the database or its MiniCRM settings cannot be read.
func openKillChild(t *testing.T, dirEnv, keyEnv string) (context.Context, *storage.DB, *syncSecrets) {
	dir := os.Getenv(dirEnv)
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
	return ctx, db, &syncSecrets{m: map[string]string{domain.MiniCRMKeyAccount(s.SystemID): os.Getenv(keyEnv)}}
}

// killRun describes the child process of a kill test.
type killRun struct {
	child      string   // the helper test the child runs
	env        []string // added to the child's environment
	what       string   // the child's work, for the failure message ("sync")
	killMin    int      // a run is killed after killMin…
	killSpread int      // …plus up to killSpread milliseconds
}

// killUntilClean runs k.child in a child process again and again, killing
// each run at a random moment, until a run prints "clean"; from round 15 on
// it lets the runs finish. It fails the test when a run fails, when fewer
// than 5 runs were killed, or when no run is clean within 90 seconds.
func killUntilClean(t *testing.T, srv *minicrmtest.Server, k killRun) {
	t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	kills := 0
	// Slow answers while the runs are being killed, so that a run cannot
	// finish all its work between two kills: with fast answers one run in
	// twenty did, and the test then had too few kills to prove anything.
	srv.SetDelay(25 * time.Millisecond)
	defer srv.SetDelay(0)
	for round := 0; ; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^"+k.child+"$")
		cmd.Env = append(os.Environ(), k.env...)
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		killAfter := time.Duration(k.killMin+rand.IntN(k.killSpread)) * time.Millisecond
		if round >= 15 {
			killAfter = time.Hour // enough kills: let it finish
			srv.SetDelay(0)
		}
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("round %d: %s failed: %v\n%s", round, k.what, err, errOut.String())
			}
			if strings.Contains(out.String(), "clean") {
				if kills < 5 {
					t.Fatalf("only %d kills; the test proves nothing", kills)
				}
				t.Logf("finished after %d kills in %d rounds; %d requests", kills, round+1, len(srv.Requests()))
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
