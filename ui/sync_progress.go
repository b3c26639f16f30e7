package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// syncProgress shows a running sync in the Vevők tab's status bar, not in
// a dialog, so that the rest of the app keeps working meanwhile: a progress
// bar, the phase with done/total and the estimate of the time left, and a
// Mégse button that cancels (the work finished so far stays).
type syncProgress struct {
	box    *fyne.Container
	line   *fyne.Container
	bar    *widget.ProgressBar
	text   *widget.Label
	cancel *widget.Button
	stop   func()
	// last is the last report shown, for tests and the tooltip-less label.
	last domain.SyncProgress
}

func syncNewProgress() *syncProgress {
	p := &syncProgress{bar: widget.NewProgressBar(), text: widget.NewLabel("")}
	p.text.Truncation = fyne.TextTruncateEllipsis
	p.cancel = widget.NewButton("Mégse", p.onCancel)
	// The line keeps its height whether a sync runs or not (the strut), and
	// lays itself out again when it appears, so the tab need not.
	strut := canvas.NewRectangle(color.Transparent)
	strut.SetMinSize(fyne.NewSize(1, max(p.bar.MinSize().Height, p.text.MinSize().Height, p.cancel.MinSize().Height)))
	p.line = container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(160, p.bar.MinSize().Height), p.bar), p.cancel, p.text)
	p.box = container.NewStack(strut, p.line)
	p.end()
	return p
}

// running reports whether the line shows a sync.
func (p *syncProgress) running() bool { return p.bar.Visible() }

// start shows the progress of a new job; onCancel cancels it.
func (p *syncProgress) start(onCancel func()) {
	p.stop = onCancel
	p.last = domain.SyncProgress{Phase: domain.PhaseConnect}
	p.cancel.Enable()
	p.update(p.last)
	p.bar.Show()
	p.text.Show()
	p.cancel.Show()
	p.line.Refresh()
}

// end hides the progress.
func (p *syncProgress) end() {
	p.bar.Hide()
	p.text.Hide()
	p.cancel.Hide()
	p.line.Refresh()
}

func (p *syncProgress) onCancel() {
	p.cancel.Disable()
	p.text.SetText("Megszakítás… (a már elvégzett munka megmarad)")
	if p.stop != nil {
		p.stop()
	}
}

// report is the sync's progress callback; it runs on the sync's goroutine.
func (p *syncProgress) report(pr domain.SyncProgress) {
	fyne.Do(func() { p.update(pr) })
}

func (p *syncProgress) update(pr domain.SyncProgress) {
	if p.cancel.Disabled() {
		return // cancelling: keep saying so
	}
	p.last = pr
	p.bar.Max = 1
	p.bar.SetValue(0)
	if pr.Total > 0 {
		p.bar.Max = float64(pr.Total)
		p.bar.SetValue(float64(pr.Done))
	}
	p.text.SetText(syncProgressText(pr))
}

// syncProgressText is one line: "Vevők letöltése a MiniCRM-ből: 10 / 100,
// hátra kb. 4 perc (30 kérés)".
func syncProgressText(pr domain.SyncProgress) string {
	s := string(pr.Phase)
	if pr.Total > 0 {
		s += fmt.Sprintf(": %d / %d", pr.Done, pr.Total)
	}
	if left := domain.FormatRemaining(pr.Remaining); left != "" {
		s += ", hátra " + left
	}
	if pr.Requests > 0 {
		s += fmt.Sprintf(" (%d kérés)", pr.Requests)
	}
	return s
}
