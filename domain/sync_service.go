package domain

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"
)

// DefaultSyncMargin is taken off MiniCRM's time at the start of a run to
// get the next watermark, so that a change saved while the run listed
// changes (or a clock a little off) is fetched by the next run.
const DefaultSyncMargin = 5 * time.Minute

// SyncService is the customer sync with MiniCRM: domain orchestration over
// the local store and the remote, with progress reports and cancellation.
// It implements CustomerSyncer.
//
// A run has two halves. PrepareSync lists what changed in MiniCRM since the
// watermark, fetches those customers (each one is kept locally as soon as
// it arrives, so a cancel or a crash loses nothing fetched) and plans the
// run with the matching cascade. ApplySync carries the plan out: pass 1
// writes MiniCRM's customers locally one transaction each; pass 2 creates
// the app's new customers in MiniCRM (searching first, with an intent
// recorded before every create) and sends local edits as partial updates.
type SyncService struct {
	Store     SyncStore
	Settings  MiniCRMSettingsStore
	Connector SyncConnector
	// Margin: see DefaultSyncMargin (used when 0).
	Margin time.Duration
}

var _ CustomerSyncer = (*SyncService)(nil)

// syncSession is one run: the connection, the run state and its log line.
type syncSession struct {
	svc      *SyncService
	remote   SyncRemote
	settings MiniCRMSettings
	state    SyncState
	start    time.Time // MiniCRM time when the run started
	log      *SyncLogEntry
	preview  *SyncPreview
	applied  bool
	token    string // the run's hold on the sync (SyncStore.LockSync)
}

// renew extends the run's lease on the sync; a lost lease stops the run.
func (sess *syncSession) renew(ctx context.Context) error {
	if _, err := sess.svc.Store.LockSync(ctx, sess.token); err != nil {
		return fmt.Errorf("renew sync lock: %w", err)
	}
	return nil
}

func (s *SyncService) margin() time.Duration {
	if s.Margin > 0 {
		return s.Margin
	}
	return DefaultSyncMargin
}

// PrepareSync implements CustomerSyncer.
func (s *SyncService) PrepareSync(ctx context.Context, opts SyncOptions, progress func(SyncProgress)) (*SyncPreview, error) {
	if progress == nil {
		progress = func(SyncProgress) {}
	}
	settings, err := s.Settings.MiniCRMSettings(ctx)
	if err != nil {
		return nil, fmt.Errorf("read minicrm settings: %w", err)
	}
	if !settings.Configured() {
		return nil, Errorf(EInvalid, "Nincs beállítva a MiniCRM kapcsolat. Adja meg a MiniCRM beállítások lapon "+
			"(vagy: konnyuszamla minicrm set --system-id N --api-key-stdin).")
	}
	if settings.CustomersModule == 0 {
		return nil, Errorf(EInvalid, "Nincs kiválasztva a Vevők modul: a MiniCRM beállításokban válassza ki, "+
			"melyik modul sikeresen lezárt adatlapjai a vevők (vagy: konnyuszamla minicrm set --customers-module ID).")
	}
	progress(SyncProgress{Phase: PhaseConnect})
	remote, err := s.Connector.ConnectSync(ctx, settings)
	if err != nil {
		return nil, err
	}
	sess := &syncSession{svc: s, remote: remote, settings: settings, start: remote.Now()}
	if sess.token, err = s.Store.LockSync(ctx, ""); err != nil {
		return nil, err
	}
	defer s.Store.UnlockSync(context.Background(), sess.token)
	sess.log = &SyncLogEntry{Status: StatusRunning, Report: SyncReport{DryRun: opts.DryRun, Demo: settings.Demo, Started: sess.start}}
	if err := s.Store.AddSyncLog(ctx, sess.log); err != nil {
		return nil, fmt.Errorf("start sync log: %w", err)
	}
	p, err := sess.prepare(ctx, progress)
	if err != nil {
		sess.fail(err, &sess.log.Report)
		return nil, sess.userError(err)
	}
	if opts.DryRun {
		r := p.Report()
		r.DryRun = true
		sess.finishLog(StatusDryRun, r)
		sess.applied = true // a dry run is never carried out
	}
	return p, nil
}

func (sess *syncSession) prepare(ctx context.Context, progress func(SyncProgress)) (*SyncPreview, error) {
	store := sess.svc.Store
	state, err := store.BeginSyncRun(ctx, sess.start)
	if err != nil {
		return nil, fmt.Errorf("begin sync run: %w", err)
	}
	sess.state = state
	progress(SyncProgress{Phase: PhaseList, Requests: sess.remote.Requests()})
	queue, err := sess.changes(ctx)
	if err != nil {
		return nil, err
	}
	// The run started before its first request, when MiniCRM's clock was
	// not known yet; now that its answers told it, the start (and so the
	// watermark) is MiniCRM's time, or the PC's when that is earlier.
	sess.start = sess.serverTime(sess.start)
	if err := sess.fetch(ctx, queue, progress); err != nil {
		return nil, err
	}
	// Everything listed is stored locally: the next run fetches what
	// changes from now on (minus the margin).
	if err := store.FinishSyncRun(ctx, sess.start.Add(-sess.svc.margin())); err != nil {
		return nil, fmt.Errorf("finish sync run: %w", err)
	}
	return sess.plan(ctx)
}

// plan builds the preview from the staged customers and the local data.
func (sess *syncSession) plan(ctx context.Context) (*SyncPreview, error) {
	store := sess.svc.Store
	staged, err := store.StagedRemotes(ctx)
	if err != nil {
		return nil, fmt.Errorf("read staged customers: %w", err)
	}
	remote := make([]RemoteCustomer, len(staged))
	for i, st := range staged {
		remote[i] = st.Remote
	}
	locals, err := store.SyncLocals(ctx, len(remote) > 0)
	if err != nil {
		return nil, fmt.Errorf("read local customers: %w", err)
	}
	intents, err := store.SyncIntents(ctx)
	if err != nil {
		return nil, fmt.Errorf("read sync intents: %w", err)
	}
	p := PlanSync(remote, locals, intents)
	p.Demo = !sess.settings.CanWrite()
	p.Full = sess.state.RunSince.IsZero()
	p.Requests = sess.remote.Requests()
	p.session = sess
	sess.preview = p
	return p, nil
}

// changes lists the MiniCRM customers to fetch: the contacts of the
// Success cards changed since the watermark and the linked contacts
// changed since. A resumed run skips what it already fetched, except what
// changed since it first started.
func (sess *syncSession) changes(ctx context.Context) ([]int64, error) {
	staged, err := sess.svc.Store.StagedRemotes(ctx)
	if err != nil {
		return nil, fmt.Errorf("read staged customers: %w", err)
	}
	// Staged customers are not linked yet (a conflict waiting for a
	// decision): their contact changes count too.
	waiting := map[int64]bool{}
	have := map[int64]bool{}
	for _, st := range staged {
		waiting[st.Remote.ID] = true
		if st.RunID == sess.state.RunID {
			have[st.Remote.ID] = true
		}
	}
	ids, err := sess.listChanged(ctx, sess.state.RunSince, keys(waiting)...)
	if err != nil {
		return nil, err
	}
	if !sess.state.Resumed {
		return ids, nil
	}
	// RunFirstStart is the PC's time of the first attempt; the first
	// listing above has told MiniCRM's clock, so it is converted.
	refresh, err := sess.listChanged(ctx, sess.serverTime(sess.state.RunFirstStart).Add(-sess.svc.margin()), keys(waiting)...)
	if err != nil {
		return nil, err
	}
	stale := map[int64]bool{}
	for _, id := range refresh {
		stale[id] = true
	}
	out := ids[:0]
	for _, id := range ids {
		if !have[id] || stale[id] {
			out = append(out, id)
		}
	}
	return out, nil
}

// serverTime converts a time of the local clock into MiniCRM's time when
// the remote knows it (see SyncServerClock), else returns t.
func (sess *syncSession) serverTime(t time.Time) time.Time {
	if sc, ok := sess.remote.(SyncServerClock); ok {
		return sc.ServerTime(t)
	}
	return t
}

// listChanged returns the contact ids of the Success cards changed after
// since, plus the contacts changed after since that are linked locally (or
// in also). A zero since lists every card and no contacts.
func (sess *syncSession) listChanged(ctx context.Context, since time.Time, also ...int64) ([]int64, error) {
	cards, err := sess.remote.ChangedCards(ctx, sess.settings.CustomersModule, since)
	if err != nil {
		return nil, err
	}
	seen := map[int64]bool{}
	var ids []int64
	statuses := map[int64]int{}
	for _, c := range cards {
		if c.StatusID != 0 {
			statuses[c.StatusID]++
		}
		if c.ContactID != 0 && !seen[c.ContactID] {
			seen[c.ContactID] = true
			ids = append(ids, c.ContactID)
		}
	}
	if len(statuses) > 0 {
		if err := sess.svc.Store.LearnSuccessStatuses(ctx, statuses); err != nil {
			return nil, fmt.Errorf("store seen statuses: %w", err)
		}
		for id, n := range statuses {
			if sess.state.SuccessStatuses == nil {
				sess.state.SuccessStatuses = map[int64]int{}
			}
			sess.state.SuccessStatuses[id] += n
		}
	}
	if since.IsZero() {
		return ids, nil
	}
	changed, err := sess.remote.ChangedContacts(ctx, since)
	if err != nil {
		return nil, err
	}
	var unseen []int64
	for _, id := range changed {
		if !seen[id] {
			unseen = append(unseen, id)
		}
	}
	if len(unseen) == 0 {
		return ids, nil
	}
	linked, err := sess.svc.Store.LinkedContacts(ctx, unseen)
	if err != nil {
		return nil, fmt.Errorf("find linked contacts: %w", err)
	}
	extra := map[int64]bool{}
	for _, id := range append(linked, also...) {
		extra[id] = true
	}
	for _, id := range unseen {
		if extra[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// fetch reads the queued customers and stages each as it arrives.
func (sess *syncSession) fetch(ctx context.Context, queue []int64, progress func(SyncProgress)) error {
	eta := newETAMeter(sess.remote, fetchRequestsPerItem)
	for i, id := range queue {
		eta.report(progress, PhaseFetch, i, len(queue), "")
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := sess.renew(ctx); err != nil {
			return err
		}
		rc, err := sess.remote.Customer(ctx, id)
		switch {
		case errors.Is(err, ErrRemoteNotFound), errors.Is(err, ErrRemoteRejected):
			sess.log.Report.Warnings = append(sess.log.Report.Warnings,
				fmt.Sprintf("A(z) %d azonosítójú MiniCRM kapcsolat nem olvasható (%s); kihagytuk.", id, sess.remote.Explain(err)))
			continue
		case err != nil:
			return err
		}
		if err := sess.svc.Store.StageRemote(ctx, sess.state.RunID, rc); err != nil {
			return fmt.Errorf("stage minicrm customer %d: %w", id, err)
		}
	}
	eta.report(progress, PhaseFetch, len(queue), len(queue), "")
	return nil
}

func keys(m map[int64]bool) []int64 {
	out := make([]int64, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
