package ui

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// navListDeps connect the Számlák list to the NAV report queue; the zero
// value leaves the NAV column empty.
type navListDeps struct {
	Reports domain.NAVReportStore
	// Settings tells whether reporting is set up (nil: not known).
	Settings domain.NAVSettingsStore
}

// navListState is what the list knows of the NAV reports of its rows.
type navListState struct {
	reports  map[string]domain.NAVReport
	notSetUp bool
}

// navLoad reads the NAV state of the listed documents (off the UI
// goroutine). A failure leaves the column empty; the list still shows.
func navLoad(ctx context.Context, deps navListDeps, rows []domain.InvoiceSummary) navListState {
	var st navListState
	if deps.Reports == nil {
		return st
	}
	numbers := make([]string, 0, len(rows))
	for _, r := range rows {
		if r.Type != domain.DocProforma {
			numbers = append(numbers, r.Number)
		}
	}
	reports, err := deps.Reports.NAVStates(ctx, numbers)
	if err != nil {
		fyne.LogError("read nav states", err)
		return st
	}
	st.reports = reports
	if deps.Settings != nil {
		s, err := deps.Settings.NAVSettings(ctx)
		st.notSetUp = err == nil && !s.Configured()
	}
	return st
}

// navCellText is the NAV column of a row: the report's state, the first
// error code of a refused one, "–" for a proforma (never reported).
func navCellText(st navListState, row domain.InvoiceSummary) (string, bool) {
	if row.Type == domain.DocProforma {
		return "–", false
	}
	r, ok := st.reports[row.Number]
	if !ok {
		return "", false
	}
	text := r.State.Label()
	switch {
	case r.State == domain.NAVPending && st.notSetUp:
		text += " (nincs beállítva)"
	case r.State == domain.NAVAborted:
		for _, m := range r.Messages {
			if m.Severity == "ERROR" || m.Severity == "CRITICAL" {
				return text + ": " + m.Code, true
			}
		}
	case r.State == domain.NAVDone && len(r.Messages) > 0:
		text += " (figyelmeztetés)"
	case r.LastError != "":
		text += " (újrapróbálja)"
	}
	return text, r.State == domain.NAVAborted
}

// navShowReport opens the NAV details of a document: the state, NAV's
// messages, what to do, and for a resendable refused report the resend.
func navShowReport(w fyne.Window, deps navListDeps, st navListState, row domain.InvoiceSummary, async func(func()), done func()) {
	r, ok := st.reports[row.Number]
	if !ok {
		return
	}
	lines := []string{"NAV állapot: " + r.State.Label()}
	if r.TransactionID != "" {
		lines = append(lines, "Tranzakció: "+r.TransactionID)
	}
	if st.notSetUp && r.State == domain.NAVPending {
		lines = append(lines, domain.NAVNotSetUpMessage)
	}
	for _, m := range r.Messages {
		text := strings.TrimSpace(m.Severity+" "+m.Code) + ": " + m.Text
		if m.Line > 0 {
			text += " (" + strconv.Itoa(m.Line) + ". tétel)"
		}
		lines = append(lines, text)
	}
	if advice := domain.NAVAdvice(&r); advice != "" {
		lines = append(lines, advice)
	}
	body := container.NewVBox(messageLabel(strings.Join(lines, "\n\n")))
	d := dialog.NewCustom("NAV adatszolgáltatás – "+row.Number, "Bezárás", body, w)
	if r.Resendable() {
		resend := widget.NewButton("Újraküldés", nil)
		resend.Importance = widget.HighImportance
		resend.OnTapped = func() {
			resend.Disable()
			async(func() {
				err := deps.Reports.ResendNAVReport(context.Background(), row.Number)
				fyne.Do(func() {
					d.Hide()
					if err != nil {
						showError(w, "resend nav report", err)
						return
					}
					showInfo(w, "NAV adatszolgáltatás", "A(z) "+row.Number+" jelentése újraküldésre vár.")
					done()
				})
			})
		}
		body.Add(resend)
	}
	d.Resize(fyne.NewSize(560, 360))
	d.Show()
}

// RefreshNAV re-reads the NAV states of the listed documents, keeping the
// rows and the selection; main.go calls it (through fyne.Do) when the
// report queue changed something.
func (m *Main) RefreshNAV() {
	if m.invoices != nil && m.invoices.table != nil {
		m.invoices.navRefresh()
	}
}

// navRefresh reloads only the NAV column.
func (s *invoicesScreen) navRefresh() {
	rows, seq := s.rows, s.querySeq
	s.async(func() {
		st := navLoad(context.Background(), s.nav, rows)
		fyne.Do(func() {
			if seq != s.querySeq {
				return // a newer query is showing other rows
			}
			s.navState = st
			s.table.Refresh()
		})
	})
}
