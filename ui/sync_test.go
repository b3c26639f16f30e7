package ui

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// syncFake is a domain.CustomerSyncer that returns canned results and
// records what the screen asked.
type syncFake struct {
	preview    *domain.SyncPreview
	report     *domain.SyncReport
	prepareErr error
	progress   []domain.SyncProgress

	prepared, discarded, applied int
	gotRes                       domain.SyncResolutions
	separated                    int64
	log                          []domain.SyncLogEntry
}

func (f *syncFake) PrepareSync(_ context.Context, _ domain.SyncOptions, progress func(domain.SyncProgress)) (*domain.SyncPreview, error) {
	f.prepared++
	for _, p := range f.progress {
		progress(p)
	}
	return f.preview, f.prepareErr
}

func (f *syncFake) ApplySync(_ context.Context, _ *domain.SyncPreview, res domain.SyncResolutions, progress func(domain.SyncProgress)) (*domain.SyncReport, error) {
	f.applied++
	f.gotRes = res
	progress(domain.SyncProgress{Phase: domain.PhasePush, Done: 1, Total: 2})
	return f.report, nil
}

func (f *syncFake) DiscardSync(context.Context, *domain.SyncPreview) error { f.discarded++; return nil }

func (f *syncFake) SyncLog(context.Context, int) ([]domain.SyncLogEntry, error) { return f.log, nil }

func (f *syncFake) SeparateWeakMatch(_ context.Context, id int64) error { f.separated = id; return nil }

func syncRemote(id int64, name, city string) domain.RemoteCustomer {
	return domain.RemoteCustomer{ID: id, Customer: domain.Customer{Kind: domain.KindCompany, Name: name,
		BillingAddress: domain.Address{Country: "HU", PostalCode: "1111", City: city, Street: "Fő utca 1."}}}
}

func syncTestPreview() *domain.SyncPreview {
	return &domain.SyncPreview{
		Full: true, Requests: 31, Unchanged: 4,
		New: []domain.RemoteCustomer{syncRemote(1, "Új Kft.", "Győr")},
		Updates: []domain.SyncUpdate{
			{Remote: syncRemote(2, "Alfa Kft.", "Budapest"), LocalID: 12, LocalName: "ALFA kft", Rule: domain.RuleNameBilling,
				Merge: domain.MergeResult{Changes: []domain.FieldChange{{Field: "phone", Label: "Telefon", Old: "", New: "+36 1 234 5678"}}}},
			{Remote: syncRemote(3, "Omega Trade Kft.", "Szeged"), LocalID: 13, LocalName: "Omega Kereskedelmi Kft.", Rule: domain.RuleAddress},
		},
		Conflicts: []domain.SyncConflict{{Remote: syncRemote(4, "Minta Kft.", "Pécs"), Kind: domain.ConflictAmbiguous,
			Rule: domain.RuleNameBilling, Candidates: []domain.Customer{{ID: 21, Name: "Minta Kft"}, {ID: 22, Name: "MINTA kft."}}}},
		PushNew:  []domain.Customer{{ID: 30, Name: "Helyi Kft."}},
		Warnings: []string{"Hibás Kft.: a MiniCRM-ben tárolt adószám érvénytelen."},
	}
}

func syncTestScreen(t *testing.T, f *syncFake) (*syncScreen, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	if err := UseHungarian(); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)
	s := syncNewScreen(w, f, func(fn func()) { fn() })
	w.SetContent(container.NewVBox(s.buildToolbar(nil), s.statusBar()))
	w.Resize(fyne.NewSize(1000, 700))
	return s, w
}

func TestSyncPreviewDialog(t *testing.T) {
	f := &syncFake{preview: syncTestPreview(), report: &domain.SyncReport{Created: 1, Updated: 2, PushedNew: 1, Requests: 40,
		WeakMatches: []domain.ReportMatch{{Rule: domain.RuleAddress, MiniCRM: domain.ReportSide{ID: 3, Name: "Omega Trade Kft."},
			Local: domain.ReportSide{ID: 13, Name: "Omega Trade Kft."}}}}}
	s, _ := syncTestScreen(t, f)
	done := 0
	s.onDone = func() { done++ }
	test.Tap(s.button)
	if f.prepared != 1 || s.preview == nil {
		t.Fatal("Szinkronizálás did not prepare and preview")
	}
	if !s.button.Disabled() {
		t.Error("the button stays enabled while the preview is open")
	}
	sum := s.preview.summary.Text
	for _, want := range []string{"Első (teljes) szinkronizálás", "31 kéréssel", "új vevő: 1", "módosuló vevő: 2 (ebből gyenge egyezés: 1)",
		"változatlan: 4", "ütközés, döntésre vár: 1", "új vevő a MiniCRM-ben: 1"} {
		if !strings.Contains(sum, want) {
			t.Errorf("summary lacks %q:\n%s", want, sum)
		}
	}
	var titles []string
	for _, tab := range s.preview.tabs.Items {
		titles = append(titles, tab.Text)
	}
	if got := strings.Join(titles, "|"); got != "Összesítés|Új vevők (1)|Módosítások (1)|MiniCRM-be (1)|Ütközések (1)|Gyenge egyezések (1)|Figyelmeztetések (1)" {
		t.Errorf("tabs: %s", got)
	}
	if got := syncUpdateText(f.preview.Updates[0]); got != "ALFA kft — Telefon: (üres) → „+36 1 234 5678”  (egyezés: név + számlázási város és cím)" {
		t.Errorf("update row: %q", got)
	}
	// Link the conflict to the second candidate; refuse the weak match.
	sel := s.preview.choices[4]
	if len(sel.Options) != 4 || sel.Selected != syncChoiceLater {
		t.Fatalf("conflict choices: %q (selected %q)", sel.Options, sel.Selected)
	}
	sel.SetSelectedIndex(2)
	test.Tap(s.preview.weak[3])
	test.Tap(s.preview.applyBtn)
	if f.applied != 1 || len(f.gotRes) != 2 || f.gotRes[4].LinkTo != 22 || !f.gotRes[3].Separate {
		t.Fatalf("resolutions: %+v", f.gotRes)
	}
	if s.result == nil || !strings.Contains(s.result.text.Text, "1 új, 2 módosított") || done != 1 {
		t.Fatalf("result: %+v", s.result)
	}
	if s.button.Disabled() {
		t.Error("the button stays disabled after the run")
	}
	test.Tap(s.result.separate[13])
	if f.separated != 13 || !strings.Contains(s.result.separated[13].Text, "Szétválasztva") || !s.result.separate[13].Disabled() {
		t.Errorf("Szétválasztás: %d %q", f.separated, s.result.separated[13].Text)
	}
}

func TestSyncPreviewCancelled(t *testing.T) {
	f := &syncFake{preview: syncTestPreview()}
	s, _ := syncTestScreen(t, f)
	test.Tap(s.button)
	test.Tap(s.preview.cancelBtn)
	if f.discarded != 1 || f.applied != 0 || s.button.Disabled() {
		t.Errorf("Mégse: discarded %d, applied %d, button disabled %v", f.discarded, f.applied, s.button.Disabled())
	}
}

func TestSyncProgressAndErrors(t *testing.T) {
	f := &syncFake{prepareErr: &domain.Error{Code: domain.EUnavailable,
		Message: "A MiniCRM nem érhető el — a szinkronizálás később folytatható.", Err: errors.New("dial")},
		progress: []domain.SyncProgress{{Phase: domain.PhaseFetch, Done: 10, Total: 100, Remaining: 4 * time.Minute, Requests: 30, Item: "Alfa Kft."}}}
	s, w := syncTestScreen(t, f)
	test.Tap(s.button)
	p := s.progress
	if p.last.Done != 10 || p.bar.Value != 10 || p.bar.Max != 100 ||
		p.text.Text != "Vevők letöltése a MiniCRM-ből: 10 / 100, hátra kb. 4 perc (30 kérés)" {
		t.Errorf("progress: %v/%v %q", p.bar.Value, p.bar.Max, p.text.Text)
	}
	if p.running() {
		t.Error("the progress stays after the job")
	}
	if s.button.Disabled() || s.preview != nil {
		t.Error("after a failed preparation the button must work again, with no preview")
	}
	if !syncDialogShows(w, "A MiniCRM nem érhető el — a szinkronizálás később folytatható.") {
		t.Error("the error sentence is not shown")
	}
}

func TestSyncButtonIsGated(t *testing.T) {
	f := &syncFake{preview: syncTestPreview()}
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	s := syncNewScreen(w, f, func(fn func()) { fn() })
	explained := 0
	w.SetContent(s.buildToolbar(func(action func()) func() { return func() { explained++ } }))
	test.Tap(s.button)
	if f.prepared != 0 || explained != 1 {
		t.Errorf("the gate let the sync run: prepared %d, explained %d", f.prepared, explained)
	}
}

func TestSyncLogDialog(t *testing.T) {
	started := time.Date(2026, 11, 27, 9, 30, 0, 0, time.Local)
	f := &syncFake{log: []domain.SyncLogEntry{{ID: 2, Status: domain.StatusPartial, Report: domain.SyncReport{Started: started,
		Created: 3, Requests: 17, Errors: []string{"„Alfa”: nem tudni, hogy a MiniCRM rögzítette-e a létrehozást."}}}}}
	s, _ := syncTestScreen(t, f)
	test.Tap(s.logBtn)
	if s.logDlg == nil || len(s.logDlg.rows) != 1 || !strings.Contains(s.logDlg.rows[0], "2026.11.27. 09:30  részben sikeres  — új 3") ||
		!strings.Contains(s.logDlg.rows[0], "17 kérés") || !strings.Contains(s.logDlg.details.Text, "nem tudni") {
		t.Fatalf("log: %+v", s.logDlg)
	}
}

// syncDialogShows reports whether a label on the window's overlays has text.
func syncDialogShows(w fyne.Window, text string) bool {
	for _, o := range w.Canvas().Overlays().List() {
		for _, c := range test.LaidOutObjects(o) {
			if l, ok := c.(*widget.Label); ok && strings.Contains(l.Text, text) {
				return true
			}
		}
	}
	return false
}

// syncBlocking is a syncer whose preparation waits until released, to look
// at a sync in progress.
type syncBlocking struct {
	syncFake
	started, release chan struct{}
	ctxErr           error
}

func (b *syncBlocking) PrepareSync(ctx context.Context, o domain.SyncOptions, progress func(domain.SyncProgress)) (*domain.SyncPreview, error) {
	progress(domain.SyncProgress{Phase: domain.PhaseFetch, Done: 1, Total: 3})
	close(b.started)
	select {
	case <-b.release:
	case <-ctx.Done():
		b.ctxErr = ctx.Err()
		return nil, &domain.Error{Code: domain.EUnavailable, Message: "A szinkronizálás megszakadt.", Err: ctx.Err()}
	}
	return b.syncFake.PrepareSync(ctx, o, progress)
}

func TestSyncRunsInTheBackgroundAndCancels(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	b := &syncBlocking{started: make(chan struct{}), release: make(chan struct{})}
	var jobs sync.WaitGroup
	s := syncNewScreen(w, b, func(fn func()) { jobs.Add(1); go func() { defer jobs.Done(); fn() }() })
	w.SetContent(container.NewVBox(s.buildToolbar(nil), s.statusBar()))
	test.Tap(s.button)
	<-b.started
	// The window is free: no modal dialog while the sync runs.
	if w.Canvas().Overlays().Top() != nil || !s.progress.running() || !s.button.Disabled() {
		t.Fatal("the running sync blocks the window or shows no progress")
	}
	test.Tap(s.progress.cancel)
	jobs.Wait()
	if !errors.Is(b.ctxErr, context.Canceled) || s.progress.running() || s.button.Disabled() {
		t.Errorf("Mégse: ctx %v, progress visible %v", b.ctxErr, s.progress.running())
	}
}

func TestSyncLogSeparatesAWeakMatch(t *testing.T) {
	weak := []domain.ReportMatch{{Rule: domain.RuleAddress, MiniCRM: domain.ReportSide{ID: 3, Name: "Omega Trade Kft."},
		Local: domain.ReportSide{ID: 13, Name: "Omega Kereskedelmi Kft."}}}
	f := &syncFake{log: []domain.SyncLogEntry{
		{ID: 3, Status: domain.StatusDryRun, Report: domain.SyncReport{DryRun: true, WeakMatches: weak}},
		{ID: 2, Status: domain.StatusOK, Report: domain.SyncReport{Updated: 1, WeakMatches: weak,
			Conflicts: []domain.ReportConflict{{Kind: domain.ConflictClaimed, Rule: domain.RuleNameBilling,
				MiniCRM: domain.ReportSide{ID: 5, Name: "Minta Kft."}, Local: []domain.ReportSide{{ID: 21, Name: "Minta"}}}}}},
	}}
	s, _ := syncTestScreen(t, f)
	test.Tap(s.logBtn)
	if len(s.logDlg.separate) != 0 {
		t.Fatal("a dry run's weak match can be separated")
	}
	s.logDlg.list.Select(1)
	if !strings.Contains(s.logDlg.details.Text, "a helyi vevő több MiniCRM-vevővel is egyezik") {
		t.Errorf("conflict kind not in Hungarian: %s", s.logDlg.details.Text)
	}
	btn := s.logDlg.separate[13]
	if btn == nil {
		t.Fatal("no Szétválasztás for the weak match of an applied run")
	}
	test.Tap(btn)
	if f.separated != 13 || !strings.Contains(s.logDlg.separated[13].Text, "Szétválasztva") || !btn.Disabled() {
		t.Errorf("separated %d, status %q", f.separated, s.logDlg.separated[13].Text)
	}
}
