package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"konnyuszamla/domain"
)

// fakeInvoices is an in-memory domain.InvoiceService for the UI tests. It
// keeps the domain's rules by calling the domain's own functions (Validate,
// NewStorno, AddPayment, ConvertProforma, Totals), so a screen that works
// against it asks the real questions.
type fakeInvoices struct {
	mu        sync.Mutex
	customers *fakeCustomers // the buyer snapshot is taken from here
	seller    domain.Seller
	settings  domain.InvoiceSettings
	docs      []*domain.Invoice // in issue order
	counters  map[string]int64  // by series key
	pdfDir    string
}

var _ domain.InvoiceService = (*fakeInvoices)(nil)

func newFakeInvoices(customers *fakeCustomers, pdfDir string) *fakeInvoices {
	return &fakeInvoices{customers: customers, settings: domain.DefaultInvoiceSettings(),
		counters: map[string]int64{}, pdfDir: pdfDir}
}

func (f *fakeInvoices) Seller(context.Context) (*domain.Seller, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	s := f.seller
	return &s, nil
}

func (f *fakeInvoices) SaveSeller(_ context.Context, s *domain.Seller) error {
	s.Normalize()
	if err := s.Validate(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.seller = *s
	return nil
}

func (f *fakeInvoices) InvoiceSettings(context.Context) (domain.InvoiceSettings, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.settings, nil
}

func (f *fakeInvoices) SaveInvoiceSettings(_ context.Context, s domain.InvoiceSettings) error {
	s.InvoiceFormat.Normalize()
	s.ProformaFormat.Normalize()
	if err := s.Validate(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.settings = s
	return nil
}

func (f *fakeInvoices) IssueDocument(ctx context.Context, draft *domain.Invoice) (*domain.Invoice, error) {
	inv := *draft
	inv.Lines = slices.Clone(draft.Lines)
	if inv.CustomerID != 0 {
		c, err := f.customers.CustomerByID(ctx, inv.CustomerID)
		if err != nil {
			return nil, err
		}
		inv.Buyer = domain.BuyerFromCustomer(c)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	inv.Seller = f.seller
	inv.Normalize()
	inv.ApplyDefaults(inv.IssueDate, f.settings.PaymentDays)
	if err := inv.Validate(); err != nil {
		return nil, err
	}
	return f.store(&inv)
}

// store numbers inv in its series, sets its status and keeps it; f.mu is held.
func (f *fakeInvoices) store(inv *domain.Invoice) (*domain.Invoice, error) {
	format := f.settings.InvoiceFormat
	if inv.Type == domain.DocProforma {
		format = f.settings.ProformaFormat
	}
	key := format.SeriesKey(inv.Type, inv.IssueDate.Year())
	f.counters[key]++
	inv.Number = format.Format(f.counters[key], inv.IssueDate.Year())
	inv.Status = inv.IssuedStatus()
	if err := os.WriteFile(f.pdfPath(inv.Number), []byte("%PDF-1.4 "+inv.Number), 0o600); err != nil {
		return nil, err
	}
	f.docs = append(f.docs, inv)
	out := *inv
	return &out, nil
}

func (f *fakeInvoices) pdfPath(number string) string { return filepath.Join(f.pdfDir, number+".pdf") }

// find returns the stored document; f.mu is held.
func (f *fakeInvoices) find(number string) (*domain.Invoice, error) {
	for _, d := range f.docs {
		if d.Number == number {
			return d, nil
		}
	}
	return nil, domain.Errorf(domain.ENotFound, "Nincs %s sorszámú bizonylat.", number)
}

func (f *fakeInvoices) Document(_ context.Context, number string) (*domain.Invoice, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	d, err := f.find(number)
	if err != nil {
		return nil, err
	}
	out := *d
	out.Lines, out.Payments = slices.Clone(d.Lines), slices.Clone(d.Payments)
	return &out, nil
}

func (f *fakeInvoices) Documents(_ context.Context, q domain.InvoiceQuery) ([]domain.InvoiceSummary, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []domain.InvoiceSummary
	for i := len(f.docs) - 1; i >= 0; i-- { // newest first
		s, err := f.summarize(int64(i+1), f.docs[i])
		if err != nil {
			return nil, err
		}
		if matches(s, q) {
			out = append(out, s)
		}
	}
	return out, nil
}

// summarize makes the list row of d; f.mu is held.
func (f *fakeInvoices) summarize(id int64, d *domain.Invoice) (domain.InvoiceSummary, error) {
	t, err := d.Totals()
	if err != nil {
		return domain.InvoiceSummary{}, err
	}
	paid, err := domain.MoneyFromDecimal(d.PaidAmount(), d.Currency)
	if err != nil {
		return domain.InvoiceSummary{}, err
	}
	invoicedAs := ""
	for _, other := range f.docs {
		if d.Type == domain.DocProforma && other.FromProforma == d.Number {
			invoicedAs = other.Number
		}
	}
	return domain.InvoiceSummary{ID: id, InvoicedAs: invoicedAs, Number: d.Number, Type: d.Type, Status: d.Status,
		CustomerID: d.CustomerID, BuyerName: d.Buyer.Name, IssueDate: d.IssueDate, FulfilmentDate: d.FulfilmentDate,
		DueDate: d.DueDate, Gross: t.Gross, Payable: t.Payable, Paid: paid, Cancels: d.Cancels, FromProforma: d.FromProforma}, nil
}

func matches(s domain.InvoiceSummary, q domain.InvoiceQuery) bool {
	search := domain.Fold(q.Search)
	switch {
	case q.Type != "" && s.Type != q.Type,
		q.Status != "" && s.Status != q.Status,
		!q.From.IsZero() && s.IssueDate.Before(q.From),
		!q.To.IsZero() && s.IssueDate.After(q.To),
		q.CustomerID != 0 && s.CustomerID != q.CustomerID,
		search != "" && !strings.Contains(domain.Fold(s.Number+" "+s.BuyerName), search),
		!q.OverdueOn.IsZero() && !s.IsOverdue(q.OverdueOn):
		return false
	}
	return true
}

func (f *fakeInvoices) CancelInvoice(_ context.Context, number string, issueDate domain.Date) (*domain.Invoice, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	orig, err := f.find(number)
	if err != nil {
		return nil, err
	}
	storno, err := domain.NewStorno(orig, "", issueDate)
	if err != nil {
		return nil, err
	}
	out, err := f.store(storno)
	if err != nil {
		return nil, err
	}
	orig.Status = domain.InvoiceCancelled
	return out, nil
}

func (f *fakeInvoices) AddPayment(_ context.Context, number string, p domain.Payment) (*domain.Invoice, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	d, err := f.find(number)
	if err != nil {
		return nil, err
	}
	if err := d.AddPayment(p); err != nil {
		return nil, err
	}
	out := *d
	return &out, nil
}

func (f *fakeInvoices) ConvertProforma(_ context.Context, number string, issueDate domain.Date) (*domain.Invoice, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.find(number)
	if err != nil {
		return nil, err
	}
	for _, d := range f.docs {
		if d.FromProforma == number {
			return nil, domain.Errorf(domain.EConflict, "A(z) %s díjbekérőből már készült számla: %s.", number, d.Number)
		}
	}
	inv, err := domain.ConvertProforma(p, issueDate, f.settings.PaymentDays)
	if err != nil {
		return nil, err
	}
	return f.store(inv)
}

func (f *fakeInvoices) WithdrawProforma(_ context.Context, number string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.find(number)
	switch {
	case err != nil:
		return err
	case p.Type != domain.DocProforma || p.Status != domain.InvoiceIssued:
		return domain.Errorf(domain.EConflict, "Csak kiállított, fizetetlen díjbekérő vonható vissza.")
	}
	p.Status = domain.InvoiceWithdrawn
	return nil
}

func (f *fakeInvoices) DocumentPDF(_ context.Context, number string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, err := f.find(number); err != nil {
		return "", err
	}
	return f.pdfPath(number), nil
}
