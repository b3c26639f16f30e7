package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// outboxColumnTitle is the Számlák list's column of the MiniCRM upload.
const outboxColumnTitle = "MiniCRM"

// outboxLoadStates reads the upload states of the listed documents (off the
// UI goroutine). A failure leaves the column empty; the list still shows.
func outboxLoadStates(ctx context.Context, view domain.OutboxView, rows []domain.InvoiceSummary) map[string]domain.UploadState {
	if view == nil || len(rows) == 0 {
		return nil
	}
	numbers := make([]string, len(rows))
	for i, r := range rows {
		numbers[i] = r.Number
	}
	st, err := view.UploadStates(ctx, numbers)
	if err != nil {
		fyne.LogError("read upload states", err)
		return nil
	}
	return st
}

// outboxCellText is the MiniCRM cell of a row: the upload state, "—" for
// a document that is not uploaded; failed reports a failed upload.
func outboxCellText(states map[string]domain.UploadState, row domain.InvoiceSummary) (string, bool) {
	if states == nil {
		return "", false
	}
	st := states[row.Number]
	return st.Label(), st == domain.UploadFailed
}

// outboxScreen is the MiniCRM feltöltés view: the uploads that wait or
// failed, with the reason, Újra and "Ne töltse fel" per item, and the
// status line "N bizonylat vár feltöltésre".
type outboxScreen struct {
	win   fyne.Window
	view  domain.OutboxView
	kick  func()       // wakes the upload worker (nil: none)
	async func(func()) // runs store calls off the UI goroutine; tests run them inline

	items    []domain.OutboxItem
	list     *fyne.Container
	status   *widget.Label // in the view
	bar      *widget.Label // the status line for other tabs
	retryAll *widget.Button
	empty    *widget.Label
	// onChange runs after the user changed an item (the Számlák list
	// reloads its MiniCRM column).
	onChange func()
}

// outboxNewScreen returns the outbox view over view; kick wakes the worker
// after a retry.
func outboxNewScreen(w fyne.Window, view domain.OutboxView, kick func(), async func(func())) *outboxScreen {
	if async == nil {
		async = func(f func()) { go f() }
	}
	return &outboxScreen{win: w, view: view, kick: kick, async: async, onChange: func() {}}
}

func (s *outboxScreen) buildUI() fyne.CanvasObject {
	s.list = container.NewVBox()
	s.status = widget.NewLabel("")
	s.empty = widget.NewLabel("Nincs feltöltésre váró bizonylat.")
	s.retryAll = widget.NewButtonWithIcon("Mindet újra", theme.ViewRefreshIcon(), func() { s.retry(0) })
	refresh := widget.NewButtonWithIcon("Frissítés", theme.ViewRefreshIcon(), s.refresh)
	note := widget.NewLabel("A bizonylatok a vevő MiniCRM-adatlapjára kerülnek (a PDF a gépen marad). " +
		"A program indításkor, szinkronizáláskor és a kapcsolat visszatértekor újrapróbálja a feltöltést.")
	note.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(s.retryAll, refresh), s.status), note)
	s.refresh()
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(container.NewVBox(s.empty, s.list)))
}

// statusBar is the one-line count for the bottom of the Számlák tab,
// hidden while nothing waits.
func (s *outboxScreen) statusBar() fyne.CanvasObject {
	if s.bar == nil {
		s.bar = widget.NewLabel("")
		s.bar.Hide()
	}
	return s.bar
}

// refresh reloads the items in the background.
func (s *outboxScreen) refresh() {
	s.async(func() {
		ctx := context.Background()
		items, err := s.view.OutboxItems(ctx, false)
		var n int
		if err == nil {
			n, err = s.view.OutboxWaitingDocuments(ctx)
		}
		fyne.Do(func() {
			if err != nil {
				fyne.LogError("read minicrm outbox", err)
				return
			}
			s.show(items, n)
		})
	})
}

func (s *outboxScreen) show(items []domain.OutboxItem, waiting int) {
	s.items = items
	text := domain.OutboxStatusText(waiting)
	if s.bar != nil {
		s.bar.SetText(text)
		if text == "" {
			s.bar.Hide()
		} else {
			s.bar.Show()
		}
	}
	if s.list == nil {
		return
	}
	if text == "" {
		text = "Minden bizonylat feltöltve."
	}
	s.status.SetText(text)
	s.list.RemoveAll()
	for _, it := range items {
		s.list.Add(s.row(it))
	}
	if len(items) == 0 {
		s.empty.Show()
		s.retryAll.Disable()
	} else {
		s.empty.Hide()
		s.retryAll.Enable()
	}
	s.list.Refresh()
}

// row is one item: what, whose, its state and reason, and its actions.
func (s *outboxScreen) row(it domain.OutboxItem) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(it.Number+" · "+it.DocType.Label()+" · "+it.Kind.Label()+" · "+it.BuyerName,
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	state := it.State.Label()
	if it.Attempts > 0 {
		state += " (" + itoa64(int64(it.Attempts)) + ". próbálkozás után)"
	}
	stateLabel := widget.NewLabel(state)
	if it.State == domain.UploadFailed {
		stateLabel.Importance = widget.DangerImportance
	}
	reason := widget.NewLabel(it.LastError)
	reason.Wrapping = fyne.TextWrapWord
	if it.LastError == "" {
		reason.Hide()
	}
	id := it.ID
	retry := widget.NewButtonWithIcon("Újra", theme.ViewRefreshIcon(), func() { s.retry(id) })
	skip := widget.NewButtonWithIcon("Ne töltse fel", theme.CancelIcon(), func() { s.confirmSkip(it) })
	if it.State == domain.UploadSending {
		retry.Disable()
	}
	return container.NewBorder(nil, widget.NewSeparator(), nil, container.NewHBox(retry, skip),
		container.NewVBox(title, stateLabel, reason))
}

// retry makes an item (0: every one) due at once and wakes the worker.
func (s *outboxScreen) retry(id int64) {
	s.async(func() {
		_, err := s.view.OutboxRetry(context.Background(), id)
		fyne.Do(func() {
			if err != nil {
				showError(s.win, "retry upload", err)
				return
			}
			if s.kick != nil {
				s.kick()
			}
			s.refresh()
			s.onChange()
		})
	})
}

func (s *outboxScreen) confirmSkip(it domain.OutboxItem) {
	msg := "A(z) " + it.Number + " " + it.Kind.Label() + " nem kerül fel a MiniCRM-be."
	if it.Kind == domain.OutboxCreate {
		msg += " A bizonylat későbbi fizetése vagy sztornója sem."
	}
	confirm(s.win, "Ne töltse fel", msg, "Ne töltse fel", func() { s.skip(it.ID) })
}

func (s *outboxScreen) skip(id int64) {
	s.async(func() {
		err := s.view.OutboxSkip(context.Background(), id)
		fyne.Do(func() {
			if err != nil {
				showError(s.win, "skip upload", err)
				return
			}
			s.refresh()
			s.onChange()
		})
	})
}

// outboxRefreshColumn re-reads the MiniCRM column of the listed documents
// (the worker changed the outbox), keeping the selection.
func (s *invoicesScreen) outboxRefreshColumn() {
	rows, seq := s.rows, s.querySeq
	s.async(func() {
		states := outboxLoadStates(context.Background(), s.outbox, rows)
		fyne.Do(func() {
			if seq != s.querySeq || s.table == nil {
				return
			}
			s.outboxStates = states
			s.table.Refresh()
		})
	})
}
