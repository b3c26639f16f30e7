package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// syncScreen runs the customer sync from the Vevők tab: Szinkronizálás
// fetches what changed and shows the preview; Alkalmaz runs the rest. Both
// halves run in the background with their progress (phase, done/total,
// time left, Mégse) in the status bar, while the rest of the app keeps
// working; the result and the Szinkronizációs napló follow.
type syncScreen struct {
	win   fyne.Window
	svc   domain.CustomerSyncer
	async func(func()) // runs the sync off the UI goroutine; tests run it inline
	// onDone runs after a sync changed local data (the Vevők list reloads).
	onDone func()

	button   *widget.Button
	logBtn   *widget.Button
	running  bool
	progress *syncProgress
	preview  *syncPreviewDialog
	result   *syncResultDialog
	logDlg   *syncLogDialog
}

// syncNewScreen returns the sync controller; buildToolbar makes its buttons.
func syncNewScreen(w fyne.Window, svc domain.CustomerSyncer, async func(func())) *syncScreen {
	if async == nil {
		async = func(f func()) { go f() }
	}
	return &syncScreen{win: w, svc: svc, async: async, onDone: func() {}}
}

// buildToolbar returns the Szinkronizálás and Napló buttons for the Vevők
// tab. guard wraps the sync action (the subscription gate: while the
// MiniCRM add-on is not active it explains why instead); nil runs it
// directly.
func (s *syncScreen) buildToolbar(guard func(func()) func()) fyne.CanvasObject {
	action := s.onSync
	if guard != nil {
		action = guard(s.onSync)
	}
	s.button = widget.NewButtonWithIcon("Szinkronizálás", theme.ViewRefreshIcon(), action)
	s.logBtn = widget.NewButtonWithIcon("Napló", theme.ListIcon(), s.onShowLog)
	s.progress = syncNewProgress()
	return container.NewHBox(s.button, s.logBtn)
}

// statusBar returns the progress line of a running sync (hidden while
// none runs), for the bottom of the Vevők tab; buildToolbar makes it.
func (s *syncScreen) statusBar() fyne.CanvasObject { return s.progress.box }

// onSync starts a run: the preparation (download of the changes) runs in
// the background with progress and Mégse, then the preview opens.
func (s *syncScreen) onSync() {
	if s.running {
		return
	}
	s.setRunning(true)
	ctx, cancel := context.WithCancel(context.Background())
	s.progress.start(cancel)
	s.async(func() {
		p, err := s.svc.PrepareSync(ctx, domain.SyncOptions{}, s.progress.report)
		fyne.Do(func() {
			s.progress.end()
			cancel()
			if err != nil {
				s.setRunning(false)
				if errors.Is(err, context.Canceled) {
					showInfo(s.win, "Szinkronizálás", domain.ErrorMessage(err))
					return
				}
				showError(s.win, "prepare sync", err)
				return
			}
			s.showPreview(p)
		})
	})
}

func (s *syncScreen) showPreview(p *domain.SyncPreview) {
	s.preview = syncNewPreview(s.win, p, func(res domain.SyncResolutions) { s.apply(p, res) }, func() {
		s.setRunning(false)
		s.async(func() {
			if err := s.svc.DiscardSync(context.Background(), p); err != nil {
				fyne.LogError("discard sync", err)
			}
		})
	})
	s.preview.show()
}

// apply carries out the previewed run in the background.
func (s *syncScreen) apply(p *domain.SyncPreview, res domain.SyncResolutions) {
	ctx, cancel := context.WithCancel(context.Background())
	s.progress.start(cancel)
	s.async(func() {
		rep, err := s.svc.ApplySync(ctx, p, res, s.progress.report)
		fyne.Do(func() {
			s.progress.end()
			cancel()
			s.setRunning(false)
			s.onDone()
			if rep == nil {
				showError(s.win, "apply sync", err)
				return
			}
			s.result = syncNewResult(s.win, rep, err, s.separate)
			s.result.show()
		})
	})
}

// separate undoes a weak match from the result dialog or the log.
func (s *syncScreen) separate(customerID int64, done func(error)) {
	s.async(func() {
		err := s.svc.SeparateWeakMatch(context.Background(), customerID)
		fyne.Do(func() {
			if err == nil {
				s.onDone()
			}
			done(err)
		})
	})
}

func (s *syncScreen) setRunning(on bool) {
	s.running = on
	if s.button == nil {
		return
	}
	if on {
		s.button.Disable()
	} else {
		s.button.Enable()
	}
}

// onShowLog opens the Szinkronizációs napló.
func (s *syncScreen) onShowLog() {
	s.async(func() {
		entries, err := s.svc.SyncLog(context.Background(), 200)
		fyne.Do(func() {
			if err != nil {
				showError(s.win, "read sync log", err)
				return
			}
			s.logDlg = syncNewLog(s.win, entries, s.separate)
			s.logDlg.show()
		})
	})
}
