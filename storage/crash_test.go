package storage_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"

	"konnyuszamla/domain"
	"konnyuszamla/storage"
)

const crashBatch = 5000

// TestHelperImportForever is not a test: run by TestKilledMidTransaction in a
// child process, it imports batches of customers until it is killed.
func TestHelperImportForever(t *testing.T) {
	dir := os.Getenv("KONNYUSZAMLA_CRASH_DIR")
	if dir == "" {
		t.Skip("helper process only")
	}
	db, err := storage.OpenDir(context.Background(), dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	batch := make([]domain.Customer, crashBatch)
	for n := 0; ; n++ {
		for i := range batch {
			batch[i] = sampleCustomer(fmt.Sprintf("Ügyfél %d-%d Kft.", n, i))
		}
		if err := db.ImportCustomers(context.Background(), batch); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(4)
		}
		fmt.Println("batch", n)
	}
}

// TestKilledMidTransaction kills a writer with SIGKILL at several moments
// and checks that every committed batch is whole and none is half-written.
func TestKilledMidTransaction(t *testing.T) {
	dir := t.TempDir()
	for round, delay := range []time.Duration{150 * time.Millisecond, 400 * time.Millisecond, 900 * time.Millisecond} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperImportForever$")
		cmd.Env = append(os.Environ(), "KONNYUSZAMLA_CRASH_DIR="+dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		cmd.Process.Kill()
		cmd.Wait()

		db, err := storage.OpenDir(context.Background(), dir) // runs quick_check
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", round, err)
		}
		ids, err := db.CustomerIDs(context.Background(), domain.CustomerQuery{})
		db.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(ids)%crashBatch != 0 {
			t.Fatalf("round %d: %d customers stored, not a whole number of %d-row batches", round, len(ids), crashBatch)
		}
		t.Logf("round %d: killed after %v, %d whole batches stored", round, delay, len(ids)/crashBatch)
	}
}
