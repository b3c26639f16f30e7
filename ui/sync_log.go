package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// syncLogDialog is the Szinkronizációs napló: one line per run (time,
// outcome, counts, requests); selecting one shows its details and errors.
type syncLogDialog struct {
	dlg     *dialog.CustomDialog
	list    *widget.List
	details *widget.Label
	rows    []string
}

func syncNewLog(w fyne.Window, entries []domain.SyncLogEntry) *syncLogDialog {
	d := &syncLogDialog{details: widget.NewLabel("")}
	d.details.Wrapping = fyne.TextWrapWord
	for _, e := range entries {
		r := e.Report
		d.rows = append(d.rows, fmt.Sprintf("%s  %s  — új %d, módosított %d, MiniCRM-be %d+%d, ütközés %d, %d kérés",
			syncTimeText(r.Started), e.Status.Label(), r.Created, r.Updated, r.PushedNew, r.PushedUpdates, len(r.Conflicts), r.Requests))
	}
	d.list = widget.NewList(func() int { return len(d.rows) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(d.rows[i]) })
	d.list.OnSelected = func(i widget.ListItemID) { d.details.SetText(syncReportText(entries[i].Report)) }
	var content fyne.CanvasObject = container.NewVSplit(d.list, container.NewVScroll(d.details))
	if len(entries) == 0 {
		content = widget.NewLabel("Még nem volt szinkronizálás.")
	} else {
		d.list.Select(0)
	}
	d.dlg = dialog.NewCustomWithoutButtons("Szinkronizációs napló", content, w)
	d.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton("Bezárás", d.dlg.Hide)})
	d.dlg.Resize(fyne.NewSize(860, 560))
	return d
}

func (d *syncLogDialog) show() { d.dlg.Show() }

// syncTimeText is a local date and time as the app writes them.
func syncTimeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2006.01.02. 15:04")
}
