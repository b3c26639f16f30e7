package nav

import (
	"context"
	"fmt"

	"konnyuszamla/domain"
)

// Exporter builds the invoiceData XML of stored documents; it implements
// domain.NAVExporter for "nav export" and the report queue.
type Exporter struct {
	Documents interface {
		Document(ctx context.Context, number string) (*domain.Invoice, error)
	}
	// Reports gives a sztornó's modification index; without it (or without
	// a report) the index is 1, the first modification.
	Reports domain.NAVReportStore
}

var _ domain.NAVExporter = Exporter{}

// InvoiceData implements domain.NAVExporter.
func (e Exporter) InvoiceData(ctx context.Context, number string) ([]byte, error) {
	inv, err := e.Documents.Document(ctx, number)
	if err != nil {
		return nil, err
	}
	opts := BuildOptions{ModificationIndex: 1}
	if inv.Type == domain.DocStorno && e.Reports != nil {
		r, err := e.Reports.NAVReportOf(ctx, number)
		switch {
		case err == nil && r.ModificationIndex > 0:
			opts.ModificationIndex = r.ModificationIndex
		case err != nil && domain.ErrorCode(err) != domain.ENotFound:
			return nil, fmt.Errorf("nav report of %s: %w", number, err)
		}
	}
	return BuildInvoiceData(inv, opts)
}
