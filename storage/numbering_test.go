package storage_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"sort"
	"sync"
	"testing"
	"time"

	"konnyuszamla/domain"
	"konnyuszamla/storage"
)

// checkContiguous asserts that the invoice series holds exactly the numbers
// 1..n with no gap or repeat, and that each has its PDF.
func checkContiguous(t *testing.T, db *storage.DB) int {
	t.Helper()
	ctx := context.Background()
	docs, err := db.Documents(ctx, domain.InvoiceQuery{Type: domain.DocInvoice})
	if err != nil {
		t.Fatal(err)
	}
	numbers := make([]string, len(docs))
	for i, d := range docs {
		numbers[i] = d.Number
	}
	sort.Strings(numbers)
	for i, n := range numbers {
		if want := fmt.Sprintf("KSZ-2026-%05d", i+1); n != want {
			t.Fatalf("number %d is %s, want %s (all: %v)", i+1, n, want, numbers)
		}
		if db.RenderPDF != nil {
			if _, err := db.DocumentPDF(ctx, n); err != nil {
				t.Fatalf("PDF of %s: %v", n, err)
			}
		}
	}
	return len(numbers)
}

func TestParallelIssuersGetDistinctNumbers(t *testing.T) {
	db := invoiceDB(t)
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 25 {
				if _, err := db.IssueDocument(context.Background(), draft(domain.DocInvoice)); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if n := checkContiguous(t, db); n != 100 {
		t.Errorf("%d invoices, want 100", n)
	}
}

// TestHelperIssueUntil is not a test: run by TestKilledWhileIssuing in a
// child process, it issues invoices until the series reaches the target.
func TestHelperIssueUntil(t *testing.T) {
	dir := os.Getenv("KONNYUSZAMLA_ISSUE_DIR")
	if dir == "" {
		t.Skip("helper process only")
	}
	db, err := storage.OpenDir(context.Background(), dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	db.Now = func() time.Time { return fixedNow }
	db.RenderPDF = fakePDF
	for {
		inv, err := db.IssueDocument(context.Background(), draft(domain.DocInvoice))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(4)
		}
		if inv.Number >= "KSZ-2026-00200" {
			os.Exit(0)
		}
	}
}

func fakePDF(inv *domain.Invoice) ([]byte, error) {
	return []byte("%PDF-1.4 " + inv.Number + " " + inv.Buyer.Name), nil
}

// TestKilledWhileIssuing kills a process that issues 200 invoices at random
// moments; after every kill the series must be contiguous, with every PDF.
func TestKilledWhileIssuing(t *testing.T) {
	db := invoiceDB(t)
	dir := t.TempDir()
	// Move the prepared database (seller, customer) to the child's folder.
	if err := db.Backup(context.Background(), dir+"/"+storage.FileName); err != nil {
		t.Fatal(err)
	}
	db.Close()
	deadline := time.Now().Add(60 * time.Second)
	kills := 0
	for round := 0; ; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperIssueUntil$")
		cmd.Env = append(os.Environ(), "KONNYUSZAMLA_ISSUE_DIR="+dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("round %d: issuer failed: %v", round, err)
			}
		case <-time.After(time.Duration(10+rand.IntN(90)) * time.Millisecond):
			cmd.Process.Kill()
			<-done
			kills++
		}
		check, err := storage.OpenDir(context.Background(), dir)
		if err != nil {
			t.Fatalf("round %d: reopen: %v", round, err)
		}
		check.RenderPDF = fakePDF
		n := checkContiguous(t, check)
		check.Close()
		if n >= 200 {
			if kills < 3 {
				t.Fatalf("the issuer was killed only %d times; the test proves nothing", kills)
			}
			t.Logf("200 invoices issued across %d kills, numbers contiguous", kills)
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("only %d invoices after 60 s", n)
		}
	}
}
