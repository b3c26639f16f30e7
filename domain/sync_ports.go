package domain

import (
	"context"
	"errors"
	"time"
)

// Errors of a SyncRemote, matched with errors.Is. Any other error of a
// remote (MiniCRM unreachable, wrong key, rate limit that does not end)
// stops the run; the next run continues where it stopped.
var (
	// ErrRemoteOutcomeUnknown: a create may or may not have been applied.
	// The intent stays open and the next run searches before creating.
	ErrRemoteOutcomeUnknown = errors.New("minicrm: outcome of the write unknown")
	// ErrRemoteNotFound: the record no longer exists in MiniCRM.
	ErrRemoteNotFound = errors.New("minicrm: record not found")
	// ErrRemoteRejected: MiniCRM refused this one request (bad data); the
	// run goes on with the next customer.
	ErrRemoteRejected = errors.New("minicrm: request rejected")
)

// SyncCardRef is a card of the Vevők module whose status is in the Success
// group, as the change list shows it. ContactID is the customer: the card's
// BusinessId when set, else its ContactId.
type SyncCardRef struct {
	CardID    int64
	ContactID int64
	StatusID  int64
}

// SearchField is what pass 2 searches MiniCRM by before creating a contact.
type SearchField string

// The searches, in the order pass 2 runs them.
const (
	SearchTaxNumber SearchField = "VatNumber"
	SearchEmail     SearchField = "Email"
	SearchName      SearchField = "Name"
)

// SyncCandidate is a contact a search found.
type SyncCandidate struct {
	ID       int64
	Name     string // a company's name, a person's "First Last" as MiniCRM lists it
	Business bool
	Email    string
}

// SyncCard is a card pass 2 creates in the Vevők module.
type SyncCard struct {
	Module    int64
	ContactID int64
	StatusID  int64
	Name      string
	Reference string // ReferenceId, to find the card after a lost answer
}

// SyncRemote is MiniCRM as the sync uses it; the crm package implements it
// over the R3 API with its 60-requests-a-minute limiter.
type SyncRemote interface {
	// ChangedCards lists the cards of module in the Success group that are
	// not deleted and changed after since (zero: all of them).
	ChangedCards(ctx context.Context, module int64, since time.Time) ([]SyncCardRef, error)
	// ChangedContacts lists the ids of contacts changed after since.
	ChangedContacts(ctx context.Context, since time.Time) ([]int64, error)
	// Customer reads a contact with its addresses (1 + 1 + one request per
	// address).
	Customer(ctx context.Context, id int64) (RemoteCustomer, error)
	// SearchContacts finds contacts whose field equals value (Name: whose
	// name contains it), of the given kind.
	SearchContacts(ctx context.Context, field SearchField, value string, kind CustomerKind) ([]SyncCandidate, error)
	// CreateContact creates c's contact (never retried once sent).
	CreateContact(ctx context.Context, c Customer) (int64, error)
	// UpdateContact sends the contact fields of changes (a partial update).
	UpdateContact(ctx context.Context, id int64, c Customer, changes []FieldChange) error
	// CreateAddress adds a billing ("Számlázási cím", default) or mailing
	// ("Levelezési cím") address to a contact.
	CreateAddress(ctx context.Context, contactID int64, a Address, billing bool) (int64, error)
	// UpdateAddress overwrites an address.
	UpdateAddress(ctx context.Context, id int64, a Address) error
	// FindAddress returns the id of the contact's address of that type that
	// equals a, 0 if there is none.
	FindAddress(ctx context.Context, contactID int64, a Address, billing bool) (int64, error)
	// CreateCard creates a card (never retried once sent).
	CreateCard(ctx context.Context, card SyncCard) (int64, error)
	// FindCard returns the id of the contact's card in module with the
	// reference (any card in the Success group when reference is ""), 0 if
	// there is none.
	FindCard(ctx context.Context, module, contactID int64, reference string) (int64, error)
	// Now is MiniCRM's clock as the client keeps it.
	Now() time.Time
	// Requests is the number of HTTP requests made so far.
	Requests() int
	// Explain turns an error of the remote into a Hungarian sentence.
	Explain(err error) string
}

// SyncConnector opens a SyncRemote for the saved settings (the API key
// comes from the keyring).
type SyncConnector interface {
	ConnectSync(ctx context.Context, s MiniCRMSettings) (SyncRemote, error)
}

// StagedRemote is a fetched MiniCRM customer waiting to be applied.
type StagedRemote struct {
	RunID  int64
	Remote RemoteCustomer
}

// SyncApplyOp is one pass-1 change: make Remote a new local customer
// (LocalID 0) or merge it into local customer LocalID.
type SyncApplyOp struct {
	Remote  RemoteCustomer
	LocalID int64
	Rule    MatchRule
}

// SyncApplied is what ApplyRemote did.
type SyncApplied struct {
	CustomerID int64
	Created    bool
	Merge      MergeResult
}

// SyncStore keeps the sync's state in the local database; every method is
// one transaction, so a crash loses nothing a method finished.
type SyncStore interface {
	SyncState(ctx context.Context) (SyncState, error)
	// LockSync takes (token "": a new run) or renews a run's lease on the
	// sync and returns the run's token; an EConflict *Error while another
	// live run holds it, since two runs creating the same customer at once
	// could both create it. A crashed run's lease does not block.
	LockSync(ctx context.Context, token string) (string, error)
	UnlockSync(ctx context.Context, token string) error
	// BeginSyncRun starts a run from the watermark, or resumes the
	// unfinished one, and returns the state with RunID set.
	BeginSyncRun(ctx context.Context, now time.Time) (SyncState, error)
	// FinishSyncRun ends the run: the watermark becomes w.
	FinishSyncRun(ctx context.Context, w time.Time) error
	// SetCardStatus chooses the status of new customer cards (0: automatic).
	SetCardStatus(ctx context.Context, statusID int64) error
	// LearnSuccessStatuses adds the status ids seen on Success cards.
	LearnSuccessStatuses(ctx context.Context, seen map[int64]int) error

	StageRemote(ctx context.Context, runID int64, rc RemoteCustomer) error
	StagedRemotes(ctx context.Context) ([]StagedRemote, error)
	// ApplyRemote makes one pass-1 change: it merges (MergeRemote) into the
	// current local row, keeps the overwritten version in the history,
	// links the customer, stores the new base, and unstages the remote.
	ApplyRemote(ctx context.Context, op SyncApplyOp) (SyncApplied, error)

	CustomerByID(ctx context.Context, id int64) (*Customer, error)
	// CustomerByMiniCRM returns the customer linked to a MiniCRM contact,
	// nil if there is none.
	CustomerByMiniCRM(ctx context.Context, contactID int64) (*Customer, error)
	// LinkedContacts returns those of ids that are MiniCRM ids of local
	// customers.
	LinkedContacts(ctx context.Context, ids []int64) ([]int64, error)
	// SyncLocals returns every local customer (all) or only those pass 2
	// may work on: unlinked and not archived, or linked and dirty.
	SyncLocals(ctx context.Context, all bool) ([]LocalCustomer, error)

	SyncIntents(ctx context.Context) ([]SyncIntent, error)
	// SaveSyncIntent stores the intent; a ContactID also links the
	// customer (its MiniCRM id).
	SaveSyncIntent(ctx context.Context, in SyncIntent) error
	DropSyncIntent(ctx context.Context, customerID int64) error
	// CompleteSyncIntent deletes the intent and stores the link's address
	// ids, and base as the agreed version when it is not nil.
	CompleteSyncIntent(ctx context.Context, in SyncIntent, base *Customer) error
	// MarkSynced stores pushed as the agreed version of a linked customer
	// after pass 2 sent it; the customer stays dirty if it changed since.
	MarkSynced(ctx context.Context, customerID int64, pushed Customer) error

	AddSyncLog(ctx context.Context, e *SyncLogEntry) error
	UpdateSyncLog(ctx context.Context, e *SyncLogEntry) error
	SyncLog(ctx context.Context, limit int) ([]SyncLogEntry, error)

	// SeparateCustomer undoes a weak match: the customer gets back its
	// version from before the link and a new customer is made from the
	// MiniCRM data. It returns the new customer's id.
	SeparateCustomer(ctx context.Context, customerID int64) (int64, error)
}

// SyncServerClock is implemented by a SyncRemote that learns MiniCRM's
// clock from its answers (the HTTP Date header). ServerTime converts a
// time of the local clock into MiniCRM's time, returning the earlier of
// the two: the watermark is MiniCRM time, and a PC clock running fast
// must not move it past changes.
type SyncServerClock interface {
	ServerTime(local time.Time) time.Time
}

// CustomerSyncer is the sync as the GUI and the headless command use it;
// *SyncService implements it.
type CustomerSyncer interface {
	// PrepareSync fetches what changed in MiniCRM and plans the run.
	PrepareSync(ctx context.Context, opts SyncOptions, progress func(SyncProgress)) (*SyncPreview, error)
	// ApplySync carries out a prepared run with the user's decisions.
	ApplySync(ctx context.Context, p *SyncPreview, res SyncResolutions, progress func(SyncProgress)) (*SyncReport, error)
	// DiscardSync logs a preview that was closed without applying it.
	DiscardSync(ctx context.Context, p *SyncPreview) error
	SyncLog(ctx context.Context, limit int) ([]SyncLogEntry, error)
	// SeparateWeakMatch undoes a weak (address-only) match.
	SeparateWeakMatch(ctx context.Context, customerID int64) error
}
