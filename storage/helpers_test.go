package storage_test

import (
	"context"
	"testing"
	"time"

	"konnyuszamla/domain"
	"konnyuszamla/storage"
)

// fixedNow is the clock of every test database.
var fixedNow = time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC)

// mustOpen opens a fresh database in a temporary folder.
func mustOpen(tb testing.TB) *storage.DB {
	tb.Helper()
	return mustOpenDir(tb, tb.TempDir())
}

func mustOpenDir(tb testing.TB, dir string) *storage.DB {
	tb.Helper()
	db, err := storage.OpenDir(context.Background(), dir)
	if err != nil {
		tb.Fatalf("open: %v", err)
	}
	db.Now = func() time.Time { return fixedNow }
	tb.Cleanup(func() { db.Close() })
	return db
}

func sampleCustomer(name string) domain.Customer {
	return domain.Customer{
		Kind: domain.KindCompany, Name: name, TaxNumber: "12345676-2-42", Email: "info@minta.hu",
		BillingAddress: domain.Address{PostalCode: "1111", City: "Budapest", Street: "Fő utca 1."},
	}
}
