package ui

import (
	"context"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// issueQuestion is asked before a document is issued.
const issueQuestion = "A kiállított bizonylat később nem módosítható, csak sztornózható. Kiállítja?"

// draft reads the editor into a normalised domain.Invoice with the buyer
// and seller snapshots filled in. problems gets the fields whose text is not
// a date or a number (they are read as zero, so the totals still show).
func (e *invoiceEditor) draft(problems map[string]domain.FieldError) *domain.Invoice {
	inv := &domain.Invoice{Type: domain.DocInvoice, Seller: e.seller, PaymentMethod: e.paymentMethod(),
		Currency: e.currencyCode(), Note: e.note.Text}
	if e.docType.Selected == proformaLabel {
		inv.Type = domain.DocProforma
	}
	if c := e.buyer.picked; c != nil {
		inv.CustomerID, inv.Buyer = c.ID, domain.BuyerFromCustomer(c)
	}
	for _, d := range []struct {
		key, label string
		entry      *widget.Entry
		target     *domain.Date
	}{
		{"issueDate", "Kiállítás dátuma", e.issue, &inv.IssueDate},
		{"fulfilmentDate", "Teljesítés dátuma", e.fulfil, &inv.FulfilmentDate},
		{"dueDate", "Fizetési határidő", e.due, &inv.DueDate},
	} {
		var msg string
		if *d.target, msg = parseDateField(d.entry.Text); msg != "" {
			problems[d.key] = domain.FieldError{Field: d.key, Label: d.label, Message: msg}
		}
	}
	inv.ExchangeRate = domain.DecimalFromInt(1)
	if inv.Currency != domain.HUF {
		rate, msg := parseDecimalField(e.rate.Text)
		if msg != "" {
			problems["exchangeRate"] = domain.FieldError{Field: "exchangeRate", Label: "Árfolyam", Message: msg}
		}
		inv.ExchangeRate = rate
	}
	for i, r := range e.lines {
		inv.Lines = append(inv.Lines, r.line(i, problems))
	}
	inv.Normalize()
	return inv
}

// validate rebuilds the draft, shows its totals and its messages, and
// enables Kiállítás when only the seller profile (which the issue flow
// offers to complete) is missing something.
func (e *invoiceEditor) validate() {
	if !e.ready {
		return // called while the widgets are being built
	}
	foreign := e.currencyCode() != domain.HUF
	setVisible(e.rateLabel, foreign)
	setVisible(e.rateField, foreign)
	problems := map[string]domain.FieldError{}
	inv := e.draft(problems)
	t, err := inv.Totals()
	e.totals.show(inv, t, err == nil)
	for i, r := range e.lines {
		la := domain.LineAmounts{}
		if err == nil {
			la = t.Lines[i]
		}
		r.showAmounts(la, err == nil)
	}

	order := e.collect(inv, problems)
	for key, l := range e.errLabels {
		setMessage(l, e.headerMessage(key, problems))
	}
	for i, r := range e.lines {
		r.showProblems(i, problems)
	}

	e.sellerHint.SetText("")
	if len(e.sellerErrs) > 0 {
		e.sellerHint.SetText("A saját cégadatok hiányosak: " + joinLabels(e.sellerErrs, "Eladó – ") + ".")
	}
	setVisible(e.sellerBox, len(e.sellerErrs) > 0)
	if len(order) > 0 {
		setMessage(e.summary, "Kiállítás előtt javítandó: "+joinLabels(order, ""))
	} else {
		setMessage(e.summary, "")
	}
	setEnabled(e.issueBtn, len(order) == 0 && !e.busy)
}

// collect adds the draft's validation errors to problems (a field that is
// not even a number keeps that message) and returns every problem outside
// the seller profile in the order the domain reports them. The seller's
// errors go to e.sellerErrs.
func (e *invoiceEditor) collect(inv *domain.Invoice, problems map[string]domain.FieldError) []domain.FieldError {
	e.sellerErrs = nil
	var order []domain.FieldError
	seen := map[string]bool{}
	add := func(fe domain.FieldError) {
		if p, ok := problems[fe.Field]; ok {
			fe = p
		}
		problems[fe.Field] = fe
		if !seen[fe.Field] {
			seen[fe.Field] = true
			order = append(order, fe)
		}
	}
	if e.buyer.picked == nil {
		add(domain.FieldError{Field: "buyer", Label: "Vevő", Message: "válasszon vevőt a keresés találatai közül"})
	}
	for _, fe := range domain.FieldErrors(inv.Validate()) {
		switch {
		case strings.HasPrefix(fe.Field, "seller."):
			e.sellerErrs = append(e.sellerErrs, fe)
		case strings.HasPrefix(fe.Field, "buyer.") && e.buyer.picked == nil:
			// Covered by "choose a buyer".
		default:
			add(fe)
		}
	}
	// What is not a date or a number, where the domain saw no problem.
	for _, key := range slices.Sorted(maps.Keys(problems)) {
		add(problems[key])
	}
	return order
}

// headerMessage is the text under a header field: its own problem once the
// user has touched it; for the buyer, every problem of the picked customer.
func (e *invoiceEditor) headerMessage(key string, problems map[string]domain.FieldError) string {
	if key == "buyer" {
		var msgs []string
		for _, fe := range problems {
			if strings.HasPrefix(fe.Field, "buyer.") {
				msgs = append(msgs, fe.String())
			}
		}
		if e.buyer.picked == nil || len(msgs) == 0 {
			return ""
		}
		return strings.Join(slices.Sorted(slices.Values(msgs)), "\n") + "\n(A vevő adatai a Vevők fülön javíthatók.)"
	}
	fe, ok := problems[key]
	if !ok || !(e.touched[key] || key == "lines" && e.anyLineTouched()) {
		return ""
	}
	return fe.Message
}

func (e *invoiceEditor) anyLineTouched() bool {
	for _, r := range e.lines {
		if len(r.touched) > 0 {
			return true
		}
	}
	return false
}

func joinLabels(fes []domain.FieldError, trim string) string {
	labels := make([]string, 0, len(fes))
	for _, fe := range fes {
		labels = append(labels, capitalize(strings.TrimPrefix(fe.Label, trim)))
	}
	return strings.Join(labels, ", ")
}

func (e *invoiceEditor) onIssueTapped() {
	if e.issueBtn.Disabled() {
		return
	}
	if len(e.sellerErrs) > 0 {
		e.askForSeller()
		return
	}
	e.confirmIssue()
}

// askForSeller explains what the seller profile lacks and offers to open it.
func (e *invoiceEditor) askForSeller() {
	lines := make([]string, len(e.sellerErrs))
	for i, fe := range e.sellerErrs {
		lines[i] = "• " + capitalize(strings.TrimPrefix(fe.String(), "Eladó – "))
	}
	msg := "A bizonylat kiállításához hiányoznak vagy hibásak a saját cég adatai:\n" + strings.Join(lines, "\n") + "\n\nMegadja most?"
	confirm(e.s.win, "Saját cégadatok", msg, "Cégadatok megadása", func() { e.s.openSeller(e.setSeller) })
}

// issueNow sends the draft to the service and, on success, closes the
// editor, refreshes the list and tells the number.
func (e *invoiceEditor) issueNow() {
	inv := e.draft(map[string]domain.FieldError{})
	e.busy = true
	e.issueBtn.Disable()
	e.s.async(func() {
		issued, err := e.s.svc.IssueDocument(context.Background(), inv)
		fyne.Do(func() {
			e.busy = false
			if err != nil {
				e.validate()
				if len(domain.FieldErrors(err)) > 0 {
					fyne.LogError("issue document", err)
					setMessage(e.summary, domain.ErrorMessage(err))
					return
				}
				showError(e.s.win, "issue document", err)
				return
			}
			e.dialog.Hide()
			e.s.reload()
			showInfo(e.s.win, "Kiállítva", "Kiállítva: "+issued.Number)
		})
	})
}

// capitalize upper-cases the first letter ("bankszámlaszám" → "Bankszámlaszám").
func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}
