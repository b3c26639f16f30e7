package main

import (
	"context"
	"fmt"
	"os"
	"slices"
	"testing"
	"time"

	"konnyuszamla/domain"
)

// BenchmarkIssue20LineInvoice measures issuing a 20-line invoice end to end
// as the app does it: validation, numbering, storing, rendering the PDF and
// writing it to disk, in one transaction. It also reports the PDF size.
func BenchmarkIssue20LineInvoice(b *testing.B) {
	ctx := context.Background()
	db, err := openStorage(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	seller := &domain.Seller{Name: "Árvíztűrő Tükörfúrógép Kft.", TaxNumber: "12892312-2-13", BankAccount: "11773016-11111018",
		Address: domain.Address{Country: "HU", PostalCode: "1052", City: "Budapest", Street: "Váci utca 1."}}
	if err := db.SaveSeller(ctx, seller); err != nil {
		b.Fatal(err)
	}
	c := domain.Customer{Kind: domain.KindCompany, Name: "Minta Kft.", TaxNumber: "12345676-2-42",
		BillingAddress: domain.Address{PostalCode: "1111", City: "Budapest", Street: "Fő utca 1."}}
	if err := db.CreateCustomer(ctx, &c); err != nil {
		b.Fatal(err)
	}
	lines := make([]domain.InvoiceLine, 20)
	for i := range lines {
		lines[i] = domain.InvoiceLine{Description: fmt.Sprintf("Tétel %d – szerelési munkadíj és anyagköltség", i+1),
			Quantity: domain.MustParseDecimal("1.5"), Unit: "óra", UnitPrice: domain.MustParseDecimal("12345"), VAT: domain.VAT27}
	}
	var times []time.Duration
	var size int64
	for b.Loop() {
		start := time.Now()
		inv, err := db.IssueDocument(ctx, &domain.Invoice{Type: domain.DocInvoice, CustomerID: c.ID, Lines: lines})
		if err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
		path, err := db.DocumentPDF(ctx, inv.Number)
		if err != nil {
			b.Fatal(err)
		}
		fi, err := os.Stat(path)
		if err != nil {
			b.Fatal(err)
		}
		size = fi.Size()
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms/median")
	b.ReportMetric(float64(size)/1024, "KB/pdf")
}
