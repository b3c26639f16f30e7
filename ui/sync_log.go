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
// outcome, counts, requests); selecting one shows its details and errors,
// and for a run that was carried out its weak matches, each with a
// Szétválasztás button (a weak match can be undone at any later time).
type syncLogDialog struct {
	dlg     *dialog.CustomDialog
	list    *widget.List
	details *widget.Label
	weak    *fyne.Container
	rows    []string
	// separate and separated are the selected run's weak-match buttons
	// and their status lines, by local customer id.
	separate  map[int64]*widget.Button
	separated map[int64]*widget.Label
}

func syncNewLog(w fyne.Window, entries []domain.SyncLogEntry, onSeparate func(id int64, done func(error))) *syncLogDialog {
	d := &syncLogDialog{details: widget.NewLabel(""), weak: container.NewVBox()}
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
	d.list.OnSelected = func(i widget.ListItemID) {
		d.details.SetText(syncReportText(entries[i].Report))
		d.showWeak(entries[i], onSeparate)
	}
	var content fyne.CanvasObject = container.NewVSplit(d.list, container.NewVScroll(container.NewVBox(d.details, d.weak)))
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

// showWeak lists the weak matches of a run that was carried out (a dry
// run or a closed preview linked nothing), each with Szétválasztás.
func (d *syncLogDialog) showWeak(e domain.SyncLogEntry, onSeparate func(int64, func(error))) {
	d.weak.RemoveAll()
	d.separate, d.separated = map[int64]*widget.Button{}, map[int64]*widget.Label{}
	if e.Status == domain.StatusDryRun || e.Status == domain.StatusPreview || e.Report.DryRun ||
		len(e.Report.WeakMatches) == 0 || onSeparate == nil {
		return
	}
	d.weak.Add(widget.NewLabelWithStyle("Gyenge egyezések (csak a cím alapján)", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, m := range e.Report.WeakMatches {
		row, btn, status := syncWeakRow(m, onSeparate)
		d.separate[m.Local.ID], d.separated[m.Local.ID] = btn, status
		d.weak.Add(row)
	}
}

// syncTimeText is a local date and time as the app writes them.
func syncTimeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2006.01.02. 15:04")
}
