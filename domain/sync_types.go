package domain

import (
	"strings"
	"time"
)

// LocalCustomer is a local customer as the sync sees it: the customer, and
// for one linked to MiniCRM the version both sides last agreed on.
type LocalCustomer struct {
	Customer
	// Base is the customer as it was in both systems after the last sync;
	// nil when it was never synced (the first link merges without it).
	Base *Customer
	// Dirty is set when the customer changed locally since the last sync
	// (a database trigger sets it on every update).
	Dirty bool
	// The MiniCRM ids of the linked customer's addresses (0: none known).
	BillingAddressID, MailingAddressID int64
}

// IntentStep names the create of pass 2 whose outcome is not known yet.
type IntentStep string

// The creates of pass 2, in order.
const (
	StepNone    IntentStep = ""
	StepContact IntentStep = "contact"
	StepBilling IntentStep = "billing"
	StepMailing IntentStep = "mailing"
	StepCard    IntentStep = "card"
)

// SyncIntent is pass 2's record of a customer it is creating in MiniCRM.
// It is saved before every create and after every answer, so a crash or an
// unknown outcome (timeout, 5xx) leaves a trace: the next run searches
// MiniCRM for the record before it creates anything again.
type SyncIntent struct {
	CustomerID       int64
	ContactID        int64 // 0 until the contact exists (found or created)
	BillingAddressID int64
	MailingAddressID int64
	ProjectID        int64
	// NeedCard: a card in the Vevők module is still to be made, so that the
	// next pass 1 sees the contact as a customer.
	NeedCard bool
	// InFlight is the create that was sent without a recorded answer.
	InFlight IntentStep
	// Reference is the card's ReferenceId, to find it after a lost answer.
	Reference string
	// Found: the contact existed in MiniCRM and was linked, not created.
	Found     bool
	CreatedAt time.Time
	LastError string
}

// SyncState is the bookkeeping of the incremental, resumable sync.
type SyncState struct {
	// Watermark: changes after it are fetched by the next run (MiniCRM
	// time minus a safety margin); zero before the first completed run,
	// which makes the next run a full one.
	Watermark time.Time
	// RunID is the unfinished run (0: none). A run is unfinished from its
	// first fetch until pass 1 has applied everything it fetched.
	RunID int64
	// RunSince is the watermark the unfinished run fetches changes after.
	RunSince time.Time
	// RunFirstStart is when the unfinished run first started; a resumed
	// attempt also refetches what changed since, so that nothing it
	// fetched before can be stale.
	RunFirstStart time.Time
	// Resumed is set by BeginSyncRun when it continues an unfinished run.
	Resumed bool
	// CardStatusID is the Success-group status new cards get (0: the one
	// seen most often on the customers' cards, see SuccessStatuses).
	CardStatusID int64
	// SuccessStatuses counts the status ids seen on the cards of the Vevők
	// (Success) group, since the API does not say which status is in which
	// group.
	SuccessStatuses map[int64]int
}

// CardStatus returns the status id new customer cards get, 0 if unknown.
func (s *SyncState) CardStatus() int64 {
	if s.CardStatusID != 0 {
		return s.CardStatusID
	}
	var best int64
	bestN := 0
	for id, n := range s.SuccessStatuses {
		if n > bestN || (n == bestN && id < best) {
			best, bestN = id, n
		}
	}
	return best
}

// SyncUpdate is a MiniCRM customer matched to a local one.
type SyncUpdate struct {
	Remote    RemoteCustomer
	LocalID   int64
	LocalName string
	Rule      MatchRule
	// Merge is what applying it would do (computed again, on fresh local
	// data, when it is applied).
	Merge MergeResult
}

// Weak reports whether the match is an address-only (step 4) one.
func (u *SyncUpdate) Weak() bool { return u.Rule == RuleAddress }

// SyncConflict is a MiniCRM customer the cascade could not match safely;
// the user decides (link to one of the candidates or keep separate), or it
// waits for the next run.
type SyncConflict struct {
	Remote     RemoteCustomer
	Kind       ConflictKind
	Rule       MatchRule
	Candidates []Customer
}

// SyncPush is a linked customer whose local changes pass 2 will send.
type SyncPush struct {
	Customer Customer
	Fields   []FieldChange // Old: the agreed value, New: the local one
}

// SyncPreview is what a run will do, before anything is written: the
// preview dialog and sync --dry-run show it, ApplySync carries it out.
type SyncPreview struct {
	Demo      bool
	New       []RemoteCustomer // MiniCRM customers that become local customers
	Updates   []SyncUpdate     // matched ones whose local data changes (weak matches included)
	Unchanged int
	Conflicts []SyncConflict
	// PushNew are the local customers pass 2 creates in MiniCRM (unless the
	// search before the create finds them there).
	PushNew []Customer
	// PushUpdates are linked customers with local changes to send.
	PushUpdates []SyncPush
	// Pending are creates a previous run left unfinished.
	Pending  []SyncIntent
	Warnings []string
	// Requests is the number of HTTP requests the preparation made.
	Requests int
	// Full reports a full run (no watermark yet).
	Full bool

	same    []SyncUpdate // matched and unchanged: applied only to link and unstage
	session *syncSession
}

// WeakMatches returns the address-only matches of the preview.
func (p *SyncPreview) WeakMatches() []SyncUpdate {
	var out []SyncUpdate
	for _, u := range p.Updates {
		if u.Weak() {
			out = append(out, u)
		}
	}
	return out
}

// SyncChoice is the user's decision about one MiniCRM customer of the
// preview: link it to a local customer, or keep it separate (a new local
// customer). The zero value keeps the default: weak matches are applied,
// conflicts wait for the next run.
type SyncChoice struct {
	LinkTo   int64 // a local customer id
	Separate bool
}

// SyncResolutions are the user's decisions, by MiniCRM contact id.
type SyncResolutions map[int64]SyncChoice

// SyncOptions adjust a run.
type SyncOptions struct {
	// DryRun fetches and plans but changes nothing (fetched MiniCRM data is
	// kept locally, so the real run need not fetch it again).
	DryRun bool
}

// SyncPhase is the stage a running sync is in; its value is the Hungarian
// text the progress dialog shows.
type SyncPhase string

// The phases, in order.
const (
	PhaseConnect SyncPhase = "Kapcsolódás a MiniCRM-hez"
	PhaseList    SyncPhase = "Változások lekérdezése"
	PhaseFetch   SyncPhase = "Vevők letöltése a MiniCRM-ből"
	PhaseApply   SyncPhase = "Módosítások mentése"
	PhasePush    SyncPhase = "Feltöltés a MiniCRM-be"
)

// SyncProgress is one progress report of a running sync.
type SyncProgress struct {
	Phase       SyncPhase
	Done, Total int
	Requests    int // HTTP requests made so far by this run
	// Remaining estimates the time left of the phase (0: unknown or none).
	// It never assumes more than 60 requests a minute.
	Remaining time.Duration
	// Item names the customer being worked on.
	Item string
}

// SyncReport is the outcome of a run, as the result dialog, the log and
// sync --json show it.
type SyncReport struct {
	DryRun        bool
	Demo          bool
	Cancelled     bool
	Created       int // local customers created from MiniCRM
	Updated       int // local customers changed by MiniCRM's data
	PushedNew     int // customers created in MiniCRM (or found and linked there)
	PushedUpdates int // linked customers whose local changes were sent
	// Linked counts local customers pass 2 found in MiniCRM (by tax
	// number, e-mail or name) and linked instead of creating them.
	Linked      int
	Unchanged   int
	Conflicts   []ReportConflict
	WeakMatches []ReportMatch
	Requests    int
	Errors      []string // sentences for the user
	Warnings    []string
	Started     time.Time
	Finished    time.Time
	// Plan lists what a prepared run would do (SyncPreview.Report fills
	// it; sync --dry-run shows it). It is not kept in the log.
	Plan *SyncPlanDetails `json:"-"`
}

// SyncPlanDetails are the lists of a preview, for sync --dry-run.
type SyncPlanDetails struct {
	New         []SyncPlanCustomer // MiniCRM customers that become local ones
	Updates     []SyncPlanUpdate   // local customers MiniCRM's data changes
	PushNew     []SyncPlanCustomer // local customers pass 2 creates in MiniCRM
	PushUpdates []SyncPlanUpdate   // linked customers whose local changes go to MiniCRM
}

// SyncPlanCustomer is a customer to create on the other side. ID is the
// MiniCRM id (New) or the local id (PushNew).
type SyncPlanCustomer struct {
	ID        int64
	Name      string
	Kind      CustomerKind
	TaxNumber string
	Address   string // the billing address on one line, "" if none
}

// SyncPlanUpdate is a customer whose fields change: Fields holds each
// changed field with its Hungarian label, Old → New. Conflicts are the
// fields both sides changed (MiniCRM's value wins).
type SyncPlanUpdate struct {
	MiniCRM   ReportSide
	Local     ReportSide
	Rule      MatchRule
	Fields    []FieldChange
	Conflicts []FieldChange
}

// OneLine writes an address on one line: "1111 Budapest, Fő utca 1."
// ("" for an empty address).
func (a Address) OneLine() string {
	if a.IsZero() {
		return ""
	}
	place := strings.TrimSpace(a.PostalCode + " " + a.City)
	if a.Street == "" {
		return place
	}
	if place == "" {
		return a.Street
	}
	return place + ", " + a.Street
}

// ReportSide names a customer on one side of a conflict or match.
type ReportSide struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// ReportConflict is a conflict of the report.
type ReportConflict struct {
	Kind    ConflictKind  `json:"kind"`
	Rule    MatchRule     `json:"rule"`
	MiniCRM ReportSide    `json:"minicrm"`
	Local   []ReportSide  `json:"local"`
	Fields  []FieldChange `json:"fields,omitempty"`
}

// ReportMatch is a weak (address-only) match of the report.
type ReportMatch struct {
	Rule    MatchRule  `json:"rule"`
	MiniCRM ReportSide `json:"minicrm"`
	Local   ReportSide `json:"local"`
}

// SyncStatus is how a run ended.
type SyncStatus string

// The run outcomes of the log.
const (
	StatusRunning   SyncStatus = "running" // still running, or the app stopped during it
	StatusOK        SyncStatus = "ok"
	StatusPartial   SyncStatus = "partial" // finished, with errors on some customers
	StatusFailed    SyncStatus = "failed"
	StatusCancelled SyncStatus = "cancelled"
	StatusDryRun    SyncStatus = "dry-run"
	StatusPreview   SyncStatus = "preview" // previewed in the GUI, not applied
)

// Label is the status in Hungarian.
func (s SyncStatus) Label() string {
	switch s {
	case StatusRunning:
		return "félbeszakadt"
	case StatusOK:
		return "sikeres"
	case StatusPartial:
		return "részben sikeres"
	case StatusFailed:
		return "hibás"
	case StatusCancelled:
		return "megszakítva"
	case StatusDryRun:
		return "próba (--dry-run)"
	case StatusPreview:
		return "csak előnézet"
	}
	return string(s)
}

// SyncLogEntry is one line of the Szinkronizációs napló: a run's time,
// outcome, counts, requests and errors.
type SyncLogEntry struct {
	ID     int64
	Status SyncStatus
	Report SyncReport
}
