package storage_test

import (
	"context"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"konnyuszamla/domain"
	"konnyuszamla/internal/sample"
	"konnyuszamla/storage"
)

const benchCustomers = 100_000

var (
	benchOnce sync.Once
	benchDir  string
)

// benchDB returns a database with 100 000 sample customers, built once per
// benchmark run.
func benchDB(b *testing.B) *storage.DB {
	b.Helper()
	benchOnce.Do(func() {
		dir, err := mkdirTemp()
		if err != nil {
			b.Fatal(err)
		}
		db, err := storage.OpenDir(context.Background(), dir)
		if err != nil {
			b.Fatal(err)
		}
		if err := db.ImportCustomers(context.Background(), sample.Customers(benchCustomers, 1)); err != nil {
			b.Fatal(err)
		}
		db.Close()
		benchDir = dir
	})
	return mustOpenDir(b, benchDir)
}

// reportMedian adds the median of the measured durations as "ms/median".
func reportMedian(b *testing.B, d []time.Duration) {
	slices.Sort(d)
	b.ReportMetric(float64(d[len(d)/2].Microseconds())/1000, "ms/median")
}

// BenchmarkCustomerListOpen measures what opening the Vevők tab reads: the
// ids of every customer in name order and the first page of rows.
func BenchmarkCustomerListOpen(b *testing.B) {
	db := benchDB(b)
	ctx := context.Background()
	var times []time.Duration
	for b.Loop() {
		start := time.Now()
		ids, err := db.CustomerIDs(ctx, domain.CustomerQuery{Sort: domain.SortByName})
		if err != nil || len(ids) != benchCustomers {
			b.Fatalf("%d ids, %v", len(ids), err)
		}
		if _, err := db.CustomerSummaries(ctx, ids[:100]); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	reportMedian(b, times)
}

// BenchmarkCustomerSearchKeystroke measures one search-as-you-type query
// over 100 000 customers, for a growing prefix as a user types it.
func BenchmarkCustomerSearchKeystroke(b *testing.B) {
	db := benchDB(b)
	ctx := context.Background()
	prefixes := []string{"a", "ar", "arv", "arvi", "arviz", "kovacs sz", "debrecen", "12345"}
	var times []time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		ids, err := db.CustomerIDs(ctx, domain.CustomerQuery{Search: prefixes[i%len(prefixes)], Sort: domain.SortByName})
		if err != nil {
			b.Fatal(err)
		}
		if len(ids) > 0 {
			if _, err := db.CustomerSummaries(ctx, ids[:min(100, len(ids))]); err != nil {
				b.Fatal(err)
			}
		}
		times = append(times, time.Since(start))
		i++
	}
	reportMedian(b, times)
}

// BenchmarkCustomerImport100k measures importing 100 000 customers from CSV
// into a new database: parsing, validation and the one transaction.
func BenchmarkCustomerImport100k(b *testing.B) {
	csvData := sampleCSV(b, benchCustomers)
	for b.Loop() {
		db := mustOpen(b)
		list, rowErrs, err := domain.ReadCustomersCSV(bytesReader(csvData))
		if err != nil || len(rowErrs) > 0 || len(list) != benchCustomers {
			b.Fatalf("%d rows, %d bad, %v", len(list), len(rowErrs), err)
		}
		if err := db.ImportCustomers(context.Background(), list); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDocumentList50k measures what opening the Számlák tab reads: the
// summaries of all 50 000 documents, newest first.
func BenchmarkDocumentList50k(b *testing.B) {
	db := mustOpen(b)
	ctx := context.Background()
	if err := db.SaveSeller(ctx, testSeller()); err != nil {
		b.Fatal(err)
	}
	c := sampleCustomer("Minta Kft.")
	if err := db.CreateCustomer(ctx, &c); err != nil {
		b.Fatal(err)
	}
	const n = 50_000
	drafts := make([]*domain.Invoice, n)
	for i := range drafts {
		drafts[i] = draft(domain.DocInvoice)
		drafts[i].IssueDate = domain.NewDate(2026, 1, 1).AddDays(i * 330 / n) // dates follow the numbers
	}
	if err := db.IssueBatch(ctx, drafts); err != nil {
		b.Fatal(err)
	}
	drafts = nil
	runtime.GC()
	var times []time.Duration
	for b.Loop() {
		start := time.Now()
		docs, err := db.Documents(ctx, domain.InvoiceQuery{})
		if err != nil || len(docs) != n {
			b.Fatalf("%d documents, %v", len(docs), err)
		}
		times = append(times, time.Since(start))
	}
	reportMedian(b, times)
}
