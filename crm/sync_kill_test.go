//go:build cgo

package crm_test

import (
	"fmt"
	"os"
	"testing"
	"time"

	"konnyuszamla/crm"
	"konnyuszamla/crm/minicrmtest"
	"konnyuszamla/domain"
)

// TestHelperSyncChild is not a test: run by TestSyncKilledDuringPass2 in a
// child process, it runs one sync against the parent's fake MiniCRM and
// prints "clean" when nothing is left to do.
func TestHelperSyncChild(t *testing.T) {
	ctx, db, secrets := openKillChild(t, "KONNYUSZAMLA_SYNC_CHILD_DIR", "KONNYUSZAMLA_SYNC_CHILD_KEY")
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
	killUntilClean(t, r.srv, killRun{
		child:   "TestHelperSyncChild",
		env:     []string{"KONNYUSZAMLA_SYNC_CHILD_DIR=" + r.dir, "KONNYUSZAMLA_SYNC_CHILD_KEY=" + r.srv.APIKey()},
		what:    "sync",
		killMin: 40, killSpread: 260,
	})
	checkExactlyOnce(t, r, locals)
}
