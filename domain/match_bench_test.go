package domain

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// benchCustomers builds n MiniCRM and n local customers: 40 % linked by id,
// 30 % matching by name and billing address (spelt differently), 10 % by
// the address alone, 20 % only on one side.
func benchCustomers(n int) ([]RemoteCustomer, []LocalCustomer) {
	remote := make([]RemoteCustomer, n)
	local := make([]LocalCustomer, n)
	for i := range n {
		id := int64(i + 1)
		city := []string{"Budapest", "Debrecen", "Szeged", "Pécs", "Győr"}[i%5]
		street := fmt.Sprintf("Fő utca %d.", i+1)
		r := Customer{Kind: KindCompany, Name: fmt.Sprintf("Vevő %06d Kft.", i), MiniCRMID: id,
			BillingAddress: Address{Country: "HU", PostalCode: "1111", City: city, Street: street}}
		l := Customer{ID: id, Kind: KindCompany, Name: r.Name, BillingAddress: r.BillingAddress}
		switch p := i % 10; {
		case p < 4:
			l.MiniCRMID = id
		case p < 7:
			l.Name = fmt.Sprintf("VEVŐ %06d kft", i)
			l.BillingAddress.Street = fmt.Sprintf("Fő u. %d", i+1)
		case p < 8:
			l.Name = fmt.Sprintf("Más név %06d Bt.", i)
		default:
			l.Name = fmt.Sprintf("Helyi %06d Kft.", i)
			l.BillingAddress.Street = fmt.Sprintf("Kossuth tér %d.", i+1)
		}
		remote[i] = RemoteCustomer{ID: id, Customer: r}
		local[i] = LocalCustomer{Customer: l}
	}
	return remote, local
}

// peakHeap runs f while sampling the heap in use, and returns the peak.
func peakHeap(f func()) uint64 {
	runtime.GC()
	var peak atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	f()
	close(stop)
	wg.Wait()
	return peak.Load()
}

// BenchmarkMatch100k is the matching target of docs/BENCHMARKS.md:
//
//	go test -run '^$' -bench Match100k -benchtime 5x ./domain/
func BenchmarkMatch100k(b *testing.B) {
	remote, local := benchCustomers(100_000)
	var res MatchResult
	var peak uint64
	b.ResetTimer()
	for range b.N {
		peak = max(peak, peakHeap(func() { res = MatchCustomers(remote, local) }))
	}
	b.StopTimer()
	if len(res.Matches) != 80_000 || len(res.New) != 20_000 {
		b.Fatalf("%d matches, %d new, %d conflicts", len(res.Matches), len(res.New), len(res.Conflicts))
	}
	b.ReportMetric(float64(peak)/(1<<20), "MB-peak-heap")
}

// BenchmarkPlan100k adds the field-by-field merge of every match.
func BenchmarkPlan100k(b *testing.B) {
	remote, local := benchCustomers(100_000)
	var p *SyncPreview
	var peak uint64
	b.ResetTimer()
	for range b.N {
		peak = max(peak, peakHeap(func() { p = PlanSync(remote, local, nil) }))
	}
	b.StopTimer()
	if len(p.New) != 20_000 {
		b.Fatalf("%d new", len(p.New))
	}
	b.ReportMetric(float64(peak)/(1<<20), "MB-peak-heap")
}
