package ui

import (
	"context"

	"fyne.io/fyne/v2"

	"konnyuszamla/domain"
)

// uploadNoticeFunc says what the issue of a document for c does in
// MiniCRM, as a sentence for the Kiállítás question ("" for nothing). It
// may block (it reads the settings), so the editor calls it through async.
type uploadNoticeFunc func(ctx context.Context, c *domain.Customer) (string, error)

// invoiceUploadNotice builds the notice from the MiniCRM settings and the
// MiniCRM add-on's state (no subscription service: on, as for the upload
// worker); nil without settings.
func invoiceUploadNotice(settings domain.MiniCRMSettingsStore, subs *domain.SubscriptionService) uploadNoticeFunc {
	if settings == nil {
		return nil
	}
	return func(ctx context.Context, c *domain.Customer) (string, error) {
		if c == nil || c.MiniCRMID <= 0 {
			return "", nil
		}
		s, err := settings.MiniCRMSettings(ctx)
		if err != nil {
			return "", err
		}
		active := true
		if subs != nil && s.Configured() && !s.Demo {
			if active, err = subs.Active(ctx, domain.PlanMiniCRM); err != nil {
				return "", err
			}
		}
		return domain.UploadIssueNotice(domain.UploadOnIssue(c, s, active)), nil
	}
}

// confirmIssue asks before issuing; for a customer linked to MiniCRM the
// question also says whether the document goes to MiniCRM. A failure to
// tell is logged and leaves the sentence out: it must not stop issuing.
func (e *invoiceEditor) confirmIssue() {
	c := e.buyer.picked
	if e.s.uploadNotice == nil || c == nil || c.MiniCRMID <= 0 {
		confirm(e.s.win, "Kiállítás", issueQuestion, "Kiállítás", e.issueNow)
		return
	}
	e.busy = true
	e.issueBtn.Disable()
	e.s.async(func() {
		notice, err := e.s.uploadNotice(context.Background(), c)
		fyne.Do(func() {
			e.busy = false
			e.validate()
			if err != nil {
				fyne.LogError("read minicrm upload settings", err)
			}
			msg := issueQuestion
			if notice != "" {
				msg = notice + "\n\n" + issueQuestion
			}
			confirm(e.s.win, "Kiállítás", msg, "Kiállítás", e.issueNow)
		})
	})
}

// flushingInvoices is the invoice service of the Számlák tab that makes
// the MiniCRM upload worker send at once after each successful issue,
// payment, sztornó, conversion and withdrawal (each queued its upload in
// its own transaction), instead of at the worker's next tick.
type flushingInvoices struct {
	domain.InvoiceService
	flush func()
}

// withUploadFlush wraps svc; without flush it is svc itself.
func withUploadFlush(svc domain.InvoiceService, flush func()) domain.InvoiceService {
	if svc == nil || flush == nil {
		return svc
	}
	return flushingInvoices{InvoiceService: svc, flush: flush}
}

func (f flushingInvoices) done(err error) {
	if err == nil {
		f.flush()
	}
}

func (f flushingInvoices) IssueDocument(ctx context.Context, draft *domain.Invoice) (*domain.Invoice, error) {
	inv, err := f.InvoiceService.IssueDocument(ctx, draft)
	f.done(err)
	return inv, err
}

func (f flushingInvoices) CancelInvoice(ctx context.Context, number string, issueDate domain.Date) (*domain.Invoice, error) {
	inv, err := f.InvoiceService.CancelInvoice(ctx, number, issueDate)
	f.done(err)
	return inv, err
}

func (f flushingInvoices) AddPayment(ctx context.Context, number string, p domain.Payment) (*domain.Invoice, error) {
	inv, err := f.InvoiceService.AddPayment(ctx, number, p)
	f.done(err)
	return inv, err
}

func (f flushingInvoices) ConvertProforma(ctx context.Context, number string, issueDate domain.Date) (*domain.Invoice, error) {
	inv, err := f.InvoiceService.ConvertProforma(ctx, number, issueDate)
	f.done(err)
	return inv, err
}

func (f flushingInvoices) WithdrawProforma(ctx context.Context, number string) error {
	err := f.InvoiceService.WithdrawProforma(ctx, number)
	f.done(err)
	return err
}
