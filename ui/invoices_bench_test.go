package ui

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"konnyuszamla/domain"
)

// listOnlyInvoices serves a fixed list of summaries, so that the benchmark
// below measures the screen alone; storage's BenchmarkDocumentList50k
// measures reading the same list from SQLite.
type listOnlyInvoices struct {
	domain.InvoiceService
	list []domain.InvoiceSummary
}

func (l listOnlyInvoices) Documents(context.Context, domain.InvoiceQuery) ([]domain.InvoiceSummary, error) {
	return l.list, nil
}

// BenchmarkInvoicesTabOpen50k measures building and laying out the Számlák
// tab over 50 000 documents. Drawing is left out: the test driver paints in
// software, which says nothing of the real OpenGL window (its first frame is
// what scripts/bench-startup.sh measures).
func BenchmarkInvoicesTabOpen50k(b *testing.B) {
	list := make([]domain.InvoiceSummary, 50_000)
	for i := range list {
		day := domain.NewDate(2026, 1, 1).AddDays(i % 330)
		list[i] = domain.InvoiceSummary{ID: int64(i + 1), Number: fmt.Sprintf("KSZ-2026-%05d", i+1), Type: domain.DocInvoice,
			Status: domain.InvoiceIssued, BuyerName: fmt.Sprintf("Árvíztűrő Kft. %d", i), IssueDate: day, FulfilmentDate: day,
			DueDate: day.AddDays(8), Gross: domain.Money{Minor: 43100, Currency: domain.HUF}, Payable: domain.Money{Minor: 43100, Currency: domain.HUF}}
	}
	test.NewTempApp(b)
	svc := listOnlyInvoices{list: list}
	var times []time.Duration
	for b.Loop() {
		start := time.Now()
		w := test.NewTempWindow(b, nil)
		s := newInvoicesScreen(w, svc, newFakeCustomers())
		s.async = func(f func()) { f() }
		w.SetContent(s.buildUI())
		w.Resize(fyne.NewSize(1100, 700))
		times = append(times, time.Since(start))
		if rows, _ := s.table.Length(); rows != len(list) {
			b.Fatalf("%d rows", rows)
		}
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms/median")
}
