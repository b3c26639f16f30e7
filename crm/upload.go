package crm

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"konnyuszamla/domain"
)

// Uploader drives the MiniCRM outbox: it records each issued document (and
// its payment and cancellation) at the customer in MiniCRM, exactly once.
//
// A document becomes a card in the Számlák module (Settings.InvoicesModule),
// linked to the customer's contact, with ReferenceId = the document number,
// and a closed ToDo with a one-line summary on the customer's card in the
// Vevők module (or on the invoice card when the customer has none there).
// Without a Számlák module the ToDo alone is written. MiniCRM's own
// /Api/Invoice is never used: it would issue a second invoice and report it
// to NAV. The PDF stays local (MiniCRM only takes files from public URLs).
//
// Creates are never repeated blindly: before each create the item records
// that it is trying, and an item that tried before searches MiniCRM for its
// key (the card's ReferenceId, the ToDo's text) before creating again.
type Uploader struct {
	Store     domain.OutboxStore
	Documents interface {
		Document(ctx context.Context, number string) (*domain.Invoice, error)
	}
	Settings domain.MiniCRMSettingsStore
	Mappings domain.UploadMappingStore
	// Active is the MiniCRM add-on's gate (SubscriptionService.Active for
	// domain.PlanMiniCRM); nil means on. While it is off nothing is sent.
	Active func(ctx context.Context) (bool, error)
	// Secrets is the keyring with the API key.
	Secrets   domain.SecretStore
	UserAgent string
	// HTTPClient, Clock, Limiter and Logger: see Config. A nil Limiter
	// means the one shared with the sync of the same system, so that the
	// two together stay under 60 requests a minute.
	HTTPClient *http.Client
	Clock      Clock
	Limiter    *Limiter
	Logger     *slog.Logger
	// Now is the outbox's clock (default time.Now).
	Now func() time.Time
	// OnChange, when set, is called after a pass that changed any item.
	OnChange func()
	// RetryBase and RetryCap bound the back-off of failed attempts
	// (default 30 s doubling up to 15 min).
	RetryBase, RetryCap time.Duration
	// StaleAfter turns an item left "sending" (the app stopped) due again
	// (default 2 min).
	StaleAfter time.Duration
	// OfflineRetry caps the wait of items that could not reach MiniCRM at
	// all (no network): such tries cost nothing of the rate limit, and the
	// first one that goes through makes every waiting item due (default 1 min).
	OfflineRetry time.Duration

	mu      sync.Mutex // one pass at a time
	offline bool       // the last pass could not reach MiniCRM
	schemas map[int64]*Schema
	// rereadFor is, per module, the mapped fields the schema was last
	// read again for (a field missing from it).
	rereadFor map[int64]string
}

// UploadReport sums up a pass.
type UploadReport struct {
	Sent, Failed, Retry int
	// Offline is set when MiniCRM could not be reached.
	Offline bool
	// Skipped says why nothing was tried ("" when the pass ran).
	Skipped string
}

// errStopPass ends a pass early: MiniCRM is unreachable or refuses the key.
var errStopPass = errors.New("stop pass")

// RunOnce sends what is due. Without a configured, non-demo system, or
// while the add-on is off, it sends nothing and says why in Skipped.
func (u *Uploader) RunOnce(ctx context.Context) (UploadReport, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	var rep UploadReport
	if u.Active != nil {
		on, err := u.Active(ctx)
		if err != nil {
			return rep, err
		}
		if !on {
			rep.Skipped = "A MiniCRM kiegészítő nem aktív."
			return rep, nil
		}
	}
	s, err := u.Settings.MiniCRMSettings(ctx)
	if err != nil {
		return rep, err
	}
	if !s.Configured() {
		rep.Skipped = "Nincs beállítva MiniCRM kapcsolat."
		return rep, nil
	}
	if !s.CanWrite() {
		rep.Skipped = "Demó rendszer: a bizonylatok nem kerülnek fel a MiniCRM-be."
		return rep, nil
	}
	due, err := u.Store.OutboxDue(ctx, u.now(), u.now().Add(-u.staleAfter()), 1)
	if err != nil || len(due) == 0 {
		return rep, err
	}
	client, err := u.open(ctx, s)
	if err != nil {
		return rep, err
	}
	changed := false
	defer func() {
		if changed && u.OnChange != nil {
			u.OnChange()
		}
	}()
	for range 1000 {
		due, err := u.Store.OutboxDue(ctx, u.now(), u.now().Add(-u.staleAfter()), 20)
		if err != nil || len(due) == 0 {
			return rep, err
		}
		for _, it := range due {
			ok, err := u.Store.OutboxClaim(ctx, it, u.now())
			if err != nil {
				return rep, err
			}
			if !ok {
				continue // another process took it
			}
			changed = true
			res, stop := u.send(ctx, client, s, it)
			if err := u.Store.OutboxFinish(ctx, it.ID, res, u.now()); err != nil {
				return rep, err
			}
			switch res.State {
			case domain.UploadSent:
				rep.Sent++
				if u.offline {
					// The connection is back: everything waiting goes now.
					u.offline = false
					if err := u.Store.OutboxWake(ctx); err != nil {
						return rep, err
					}
				}
			case domain.UploadFailed:
				rep.Failed++
			default:
				rep.Retry++
			}
			if stop != nil {
				rep.Offline = u.offline
				if ctx.Err() != nil {
					return rep, ctx.Err()
				}
				return rep, nil
			}
		}
	}
	return rep, nil
}

// Flush makes every waiting item due and runs a pass (Sync, start-up).
func (u *Uploader) Flush(ctx context.Context) (UploadReport, error) {
	if err := u.Store.OutboxWake(ctx); err != nil {
		return UploadReport{}, err
	}
	return u.RunOnce(ctx)
}

// Run flushes the outbox at once, then makes a pass every interval until
// ctx ends (after a document action the GUI calls Flush itself). While MiniCRM is unreachable the waiting
// items keep their back-off, but the first item that goes through again
// makes all of them due.
func (u *Uploader) Run(ctx context.Context, interval time.Duration) {
	_, err := u.Flush(ctx)
	for {
		if err != nil && ctx.Err() == nil {
			u.logger().Warn("minicrm: upload pass failed", "err", err)
		}
		t := time.NewTimer(interval)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
		t.Stop()
		_, err = u.RunOnce(ctx)
	}
}

// open makes a client for the settings with the key from the keyring and
// the limiter shared with the sync.
func (u *Uploader) open(ctx context.Context, s domain.MiniCRMSettings) (*Client, error) {
	s.Normalize()
	if err := s.ValidateConnection(); err != nil {
		return nil, err
	}
	key, err := (&domain.MiniCRMService{Secrets: u.Secrets}).APIKey(ctx, s.SystemID)
	if err != nil {
		return nil, err
	}
	limiter := u.Limiter
	if limiter == nil {
		limiter = sharedLimiter(s.BaseURL, s.SystemIDNumber(), u.Clock)
	}
	return NewClient(Config{BaseURL: s.BaseURL, SystemID: s.SystemIDNumber(), APIKey: key, UserAgent: u.UserAgent,
		HTTPClient: u.HTTPClient, Clock: u.Clock, Limiter: limiter, Logger: u.Logger})
}

// send makes one attempt at an item. stop is non-nil when the rest of the
// pass should wait (MiniCRM unreachable, the key refused).
func (u *Uploader) send(ctx context.Context, c *Client, s domain.MiniCRMSettings, it domain.OutboxItem) (domain.OutboxResult, error) {
	p := it.Progress
	err := u.upload(ctx, c, s, it, &p)
	res := domain.OutboxResult{Progress: p}
	switch {
	case err == nil:
		res.State = domain.UploadSent
		return res, nil
	case permanent(err):
		res.State, res.LastError, res.CountAttempt = domain.UploadFailed, uploadErrorText(err), true
		u.logger().Warn("minicrm: upload refused", "item", it.Key(), "err", err)
		return res, nil
	}
	res.State, res.LastError, res.CountAttempt = domain.UploadPending, uploadErrorText(err), true
	res.RetryAt = u.now().Add(domain.OutboxBackoff(it.Attempts, u.RetryBase, u.RetryCap))
	u.logger().Info("minicrm: upload will be retried", "item", it.Key(), "err", err)
	if isNetworkDown(err) {
		limit := u.OfflineRetry
		if limit <= 0 {
			limit = time.Minute
		}
		res.RetryAt = u.now().Add(min(limit, domain.OutboxBackoff(it.Attempts, u.RetryBase, u.RetryCap)))
	}
	if isNetworkDown(err) || errors.Is(err, ErrUnauthorized) || errors.Is(err, ErrRateLimited) || ctx.Err() != nil {
		u.offline = isNetworkDown(err)
		return res, errStopPass
	}
	return res, nil
}

// permanent reports errors that retrying does not fix: MiniCRM refused the
// data, the card is gone, the document or the customer's card is missing.
func permanent(err error) bool {
	var de *domain.Error
	switch {
	case errors.Is(err, ErrOutcomeUnknown), errors.Is(err, ErrUnavailable), errors.Is(err, ErrRateLimited),
		errors.Is(err, ErrUnauthorized), errors.Is(err, ErrTLS), errors.Is(err, ErrInvalidResponse):
		return false
	case errors.Is(err, ErrBadRequest), errors.Is(err, ErrNotFound):
		return true
	case errors.As(err, &de):
		return de.Code == domain.EInvalid || de.Code == domain.ENotFound
	}
	return false
}

func uploadErrorText(err error) string {
	var de *domain.Error
	if errors.As(err, &de) && de.Message != "" {
		return de.Message
	}
	return Explain(err)
}

// upload does what is left of an item, recording progress before and after
// each create.
func (u *Uploader) upload(ctx context.Context, c *Client, s domain.MiniCRMSettings, it domain.OutboxItem, p *domain.OutboxProgress) error {
	inv, err := u.Documents.Document(ctx, it.Number)
	if err != nil {
		return err
	}
	module := s.InvoicesModule
	var card int64
	if module != 0 {
		mapping, schema, err := u.mapping(ctx, c, module)
		if err != nil {
			return err
		}
		fields, status, err := cardFields(inv, mapping, schema)
		if err != nil {
			return err
		}
		if it.Kind == domain.OutboxCreate {
			if err := u.createCard(ctx, c, it, inv, module, fields, status, p); err != nil {
				return err
			}
			card = p.ProjectID
		} else {
			card = it.CardID
			if card == 0 {
				return domain.Errorf(domain.EInvalid, "A(z) %s kártyája nem ismert: előbb a kiállítás feltöltésének kell sikerülnie.", it.Number)
			}
			patch := ProjectPatch{Fields: fields}
			if status != nil {
				switch v := statusValue(*status).(type) {
				case int64:
					patch.StatusID = &v
				case string:
					patch.Status = &v
				}
			}
			if err := c.UpdateProject(ctx, card, patch); err != nil {
				return err
			}
		}
	}
	return u.writeToDo(ctx, c, s, it, inv, card, p)
}

// createCard makes the invoice card unless it exists: after a create that
// may have been applied, it first searches the module for the number.
func (u *Uploader) createCard(ctx context.Context, c *Client, it domain.OutboxItem, inv *domain.Invoice, module int64,
	fields map[string]any, status *string, p *domain.OutboxProgress) error {
	if p.ProjectID != 0 {
		return nil
	}
	if p.CardTried {
		id, err := findCard(ctx, c, module, it.Number)
		if err != nil {
			return err
		}
		if id != 0 {
			p.ProjectID = id
			return u.Store.OutboxProgress(ctx, it.ID, *p)
		}
	}
	name, err := domain.UploadCardName(inv)
	if err != nil {
		return err
	}
	pr := Project{CategoryID: module, ContactID: it.ContactID, Name: name, ReferenceID: it.Number, Fields: map[string]Value{}}
	body := pr.createBody()
	for k, v := range fields {
		body[k] = v
	}
	if status != nil {
		body["StatusId"] = statusValue(*status)
	}
	p.CardTried = true
	if err := u.Store.OutboxProgress(ctx, it.ID, *p); err != nil {
		return err
	}
	id, err := c.create(ctx, "/Api/R3/Project", body)
	if err != nil {
		return fmt.Errorf("create invoice card %s: %w", it.Number, err)
	}
	p.ProjectID = id
	return u.Store.OutboxProgress(ctx, it.ID, *p)
}

// findCard returns the card of the module whose ReferenceId is number.
func findCard(ctx context.Context, c *Client, module int64, number string) (int64, error) {
	page, err := c.SearchProjects(ctx, ProjectFilter{CategoryID: module, ReferenceID: number, Deleted: IncludeDeleted}, 0)
	if err != nil {
		return 0, err
	}
	if len(page.Items) > 0 {
		return page.Items[0].ID, nil
	}
	return 0, nil
}

// writeToDo adds the closed one-line ToDo of the event on the customer's
// card, once.
func (u *Uploader) writeToDo(ctx context.Context, c *Client, s domain.MiniCRMSettings, it domain.OutboxItem,
	inv *domain.Invoice, card int64, p *domain.OutboxProgress) error {
	if p.ToDoID == 0 {
		if p.ToDoProjectID == 0 {
			target, err := customerCard(ctx, c, s.CustomersModule, it.ContactID)
			if err != nil {
				return err
			}
			if target == 0 {
				target = card
			}
			if target == 0 {
				return domain.Errorf(domain.EInvalid, "A vevőnek nincs adatlapja a MiniCRM Vevők moduljában, és Számlák modul sincs beállítva: nincs hová írni a bizonylatot.")
			}
			p.ToDoProjectID = target
		}
		key := domain.UploadToDoKey(inv, it.Kind)
		if p.ToDoTried {
			todos, err := c.ToDos(ctx, p.ToDoProjectID)
			if err != nil {
				return err
			}
			for _, t := range todos {
				if strings.HasPrefix(t.Comment, key) {
					p.ToDoID = t.ID
					p.ToDoClosed = t.Status == "Closed"
					break
				}
			}
		}
		if p.ToDoID == 0 {
			summary, err := domain.UploadSummary(inv, it.Kind)
			if err != nil {
				return err
			}
			p.ToDoTried = true
			if err := u.Store.OutboxProgress(ctx, it.ID, *p); err != nil {
				return err
			}
			id, err := c.CreateToDo(ctx, ToDo{ProjectID: p.ToDoProjectID, Comment: summary})
			if err != nil {
				return err
			}
			p.ToDoID = id
		}
		if err := u.Store.OutboxProgress(ctx, it.ID, *p); err != nil {
			return err
		}
	}
	if !p.ToDoClosed {
		if err := c.CloseToDo(ctx, p.ToDoID, u.now()); err != nil {
			return err
		}
		p.ToDoClosed = true
	}
	return nil
}

// customerCard finds the contact's card in the Vevők module (0: none).
func customerCard(ctx context.Context, c *Client, module, contact int64) (int64, error) {
	if module == 0 {
		return 0, nil
	}
	page, err := c.SearchProjects(ctx, ProjectFilter{CategoryID: module, MainContactID: contact}, 0)
	if err != nil {
		return 0, err
	}
	var best int64
	for _, pr := range page.Items {
		if pr.ContactID == contact || pr.BusinessID == contact {
			return pr.ID, nil
		}
		if best == 0 {
			best = pr.ID
		}
	}
	return best, nil
}

// mapping returns the saved mapping of the module, or derives one from the
// module's field names and saves it; and the module's schema.
func (u *Uploader) mapping(ctx context.Context, c *Client, module int64) (domain.UploadMapping, *Schema, error) {
	schema, fresh := u.schemas[module], false
	if schema == nil {
		var err error
		if schema, err = u.readSchema(ctx, c, module); err != nil {
			return domain.UploadMapping{}, nil, err
		}
		fresh = true
	}
	m, err := u.Mappings.UploadMapping(ctx)
	if err == nil && m.Module == module {
		if key := fmt.Sprint(m.Fields); !fresh && !schemaHasMapped(schema, m) && u.rereadFor[module] != key {
			// Mapped in settings to a field added since the schema was
			// read: read it again (once per mapping) rather than skip it.
			if schema, err = u.readSchema(ctx, c, module); err != nil {
				return domain.UploadMapping{}, nil, err
			}
			u.rereadFor[module] = key
		}
		return m, schema, nil
	}
	if err != nil && domain.ErrorCode(err) != domain.ENotFound {
		return m, nil, err
	}
	names := map[string]string{}
	for n, f := range schema.Fields {
		if n != "StatusId" && n != "UserId" && n != "CategoryId" {
			names[n] = f.Name
		}
	}
	m = domain.AutoUploadMapping(module, names, schema.Statuses())
	if err := u.Mappings.SaveUploadMapping(ctx, m); err != nil {
		return m, nil, err
	}
	return m, schema, nil
}

// readSchema reads the module's card schema and keeps it for later passes.
func (u *Uploader) readSchema(ctx context.Context, c *Client, module int64) (*Schema, error) {
	schema, err := c.ProjectSchema(ctx, module)
	if err != nil {
		return nil, err
	}
	if u.schemas == nil {
		u.schemas, u.rereadFor = map[int64]*Schema{}, map[int64]string{}
	}
	u.schemas[module] = schema
	return schema, nil
}

// schemaHasMapped reports whether the schema has every field m maps to.
func schemaHasMapped(schema *Schema, m domain.UploadMapping) bool {
	for _, api := range m.Fields {
		if _, ok := schema.Fields[api]; api != "" && !ok {
			return false
		}
	}
	return true
}

// cardFields turns the document into the card's custom fields through the
// mapping, skipping unmapped fields, fields the module no longer has, empty
// values and enum values the field has no option for; and the status.
func cardFields(inv *domain.Invoice, m domain.UploadMapping, schema *Schema) (map[string]any, *string, error) {
	values, err := domain.UploadValues(inv)
	if err != nil {
		return nil, nil, err
	}
	out := map[string]any{}
	for field, api := range m.Fields {
		v := values[field]
		f, ok := schema.Fields[api]
		if api == "" || v == "" || !ok {
			continue
		}
		switch {
		case len(f.Options) > 0:
			id, found := int64(0), false
			for oid, label := range f.Options {
				if domain.Fold(label) == domain.Fold(v) {
					id, found = oid, true
				}
			}
			if found {
				out[api] = id
			}
		case strings.HasPrefix(f.Type, "Int"):
			whole, _, _ := strings.Cut(v, ".")
			if n, err := strconv.ParseInt(whole, 10, 64); err == nil {
				out[api] = n
			}
		default:
			out[api] = v
		}
	}
	var status *string
	if st := m.Status[domain.UploadStatusOf(inv)]; st != "" {
		status = &st
	}
	return out, status, nil
}

// statusValue is a status as the API takes it: an id, or else a label.
func statusValue(s string) any {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n
	}
	return s
}

func (u *Uploader) now() time.Time {
	if u.Now != nil {
		return u.Now()
	}
	return time.Now()
}

func (u *Uploader) staleAfter() time.Duration {
	if u.StaleAfter > 0 {
		return u.StaleAfter
	}
	return 2 * time.Minute
}

func (u *Uploader) logger() *slog.Logger {
	if u.Logger != nil {
		return u.Logger
	}
	return slog.New(slog.DiscardHandler)
}
