package ui

import (
	"context"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// invoiceActions are the buttons that act on the selected document. Each is
// enabled only when its action applies to the document's type and status.
type invoiceActions struct {
	s *invoicesScreen

	openPDF, saveAs, cancel, pay, convert, withdraw *widget.Button
}

func newInvoiceActions(s *invoicesScreen) *invoiceActions {
	a := &invoiceActions{s: s}
	a.openPDF = widget.NewButtonWithIcon("PDF megnyitása", theme.FileIcon(), a.onOpenPDF)
	a.saveAs = widget.NewButtonWithIcon("Mentés másként…", theme.DocumentSaveIcon(), a.onSaveAs)
	a.cancel = widget.NewButtonWithIcon("Sztornó", theme.CancelIcon(), a.onCancel)
	a.pay = widget.NewButtonWithIcon("Fizetve", theme.ConfirmIcon(), a.onPay)
	a.convert = widget.NewButton("Számla a díjbekérőből", a.onConvert)
	a.withdraw = widget.NewButton("Visszavonás", a.onWithdraw)
	a.update(domain.InvoiceSummary{}, false)
	return a
}

func (a *invoiceActions) bar() fyne.CanvasObject {
	return container.NewHBox(a.openPDF, a.saveAs, a.pay, a.cancel, a.convert, a.withdraw)
}

// update enables the buttons that apply to row (ok false: nothing selected).
func (a *invoiceActions) update(row domain.InvoiceSummary, ok bool) {
	live := row.Status == domain.InvoiceIssued || row.Status == domain.InvoicePaid
	// A proforma already turned into an invoice is done with: the invoice
	// is what gets paid or cancelled.
	openProforma := row.Type == domain.DocProforma && row.InvoicedAs == ""
	setEnabled(a.openPDF, ok)
	setEnabled(a.saveAs, ok)
	setEnabled(a.cancel, ok && row.Type == domain.DocInvoice && live)
	setEnabled(a.pay, ok && (row.Type == domain.DocInvoice || openProforma) && row.Status == domain.InvoiceIssued)
	setEnabled(a.convert, ok && openProforma && live)
	setEnabled(a.withdraw, ok && openProforma && row.Status == domain.InvoiceIssued)
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// run calls the service in the background and then, on the UI goroutine,
// either shows the error or calls done.
func (a *invoiceActions) run(what string, call func(context.Context) (string, error), done func(string)) {
	a.s.async(func() {
		result, err := call(context.Background())
		fyne.Do(func() {
			if err != nil {
				showError(a.s.win, what, err)
				return
			}
			done(result)
		})
	})
}

func (a *invoiceActions) onOpenPDF() {
	row, ok := a.s.selectedRow()
	if !ok {
		return
	}
	a.run("open pdf", func(ctx context.Context) (string, error) {
		return a.s.svc.DocumentPDF(ctx, row.Number)
	}, func(path string) {
		if err := fyne.CurrentApp().OpenURL(fileURL(path)); err != nil {
			showError(a.s.win, "open pdf", err)
		}
	})
}

// fileURL is the file:// URL of an absolute path, on Windows too.
func fileURL(path string) *url.URL {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x.pdf → /C:/x.pdf
	}
	return &url.URL{Scheme: "file", Path: p}
}

func (a *invoiceActions) onSaveAs() {
	row, ok := a.s.selectedRow()
	if !ok {
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			showError(a.s.win, "choose pdf target", err)
			return
		}
		if w == nil {
			return // cancelled
		}
		a.run("save pdf", func(ctx context.Context) (string, error) {
			return w.URI().Name(), a.copyPDF(ctx, row.Number, w)
		}, func(name string) { showInfo(a.s.win, "Mentés kész", "A PDF mentve: "+name) })
	}, a.s.win)
	d.SetFileName(row.Number + ".pdf")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	d.Show()
}

// copyPDF writes the issued PDF of number to w and closes w.
func (a *invoiceActions) copyPDF(ctx context.Context, number string, w io.WriteCloser) error {
	path, err := a.s.svc.DocumentPDF(ctx, number)
	if err != nil {
		w.Close()
		return err
	}
	src, err := os.Open(path)
	if err != nil {
		w.Close()
		return err
	}
	defer src.Close()
	if _, err := io.Copy(w, src); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

func (a *invoiceActions) onCancel() {
	row, ok := a.s.selectedRow()
	if !ok {
		return
	}
	today := a.s.today()
	msg := "A(z) " + row.Number + " számlát " + today.FormatHU() + " keltezésű sztornó számla érvényteleníti.\n" +
		"A sztornó nem vonható vissza. Kiállítja?"
	confirm(a.s.win, "Sztornó", msg, "Sztornó kiállítása", func() {
		a.run("cancel invoice", func(ctx context.Context) (string, error) {
			inv, err := a.s.svc.CancelInvoice(ctx, row.Number, today)
			if err != nil {
				return "", err
			}
			return inv.Number, nil
		}, func(number string) {
			a.s.reload()
			showInfo(a.s.win, "Sztornó kiállítva", "Kiállítva: "+number+" (a(z) "+row.Number+" sztornója)")
		})
	})
}

func (a *invoiceActions) onConvert() {
	row, ok := a.s.selectedRow()
	if !ok {
		return
	}
	today := a.s.today()
	msg := "A(z) " + row.Number + " díjbekérő alapján " + today.FormatHU() + " keltezésű számla készül.\n" +
		"A kiállított számla később nem módosítható, csak sztornózható. Kiállítja?"
	confirm(a.s.win, "Számla a díjbekérőből", msg, "Kiállítás", func() {
		a.run("convert proforma", func(ctx context.Context) (string, error) {
			inv, err := a.s.svc.ConvertProforma(ctx, row.Number, today)
			if err != nil {
				return "", err
			}
			return inv.Number, nil
		}, func(number string) {
			a.s.reload()
			showInfo(a.s.win, "Számla kiállítva", "Kiállítva: "+number)
		})
	})
}

func (a *invoiceActions) onWithdraw() {
	row, ok := a.s.selectedRow()
	if !ok {
		return
	}
	msg := "Visszavonja a(z) " + row.Number + " díjbekérőt? Utána nem fizethető, és nem készülhet belőle számla."
	confirm(a.s.win, "Díjbekérő visszavonása", msg, "Visszavonás", func() {
		a.run("withdraw proforma", func(ctx context.Context) (string, error) {
			return "", a.s.svc.WithdrawProforma(ctx, row.Number)
		}, func(string) { a.s.reload() })
	})
}

func (a *invoiceActions) onPay() {
	row, ok := a.s.selectedRow()
	if !ok {
		return
	}
	var doc *domain.Invoice
	a.run("open document", func(ctx context.Context) (string, error) {
		var err error
		doc, err = a.s.svc.Document(ctx, row.Number)
		return "", err
	}, func(string) {
		a.s.lastPayment = showPaymentForm(a.s.win, doc, a.s.today(), func(p domain.Payment) error {
			if _, err := a.s.svc.AddPayment(context.Background(), row.Number, p); err != nil {
				return err
			}
			a.s.reload()
			return nil
		})
	})
}
