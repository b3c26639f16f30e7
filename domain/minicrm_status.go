package domain

import (
	"context"
	"slices"
)

// MiniCRMStatus is a status of a module's cards, e.g. "Vevő".
type MiniCRMStatus struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// MiniCRMStatusLister is implemented by a MiniCRMConnector that lists the
// statuses of a module (from its card schema; the API does not say which
// status group a status is in).
type MiniCRMStatusLister interface {
	ModuleStatuses(ctx context.Context, s MiniCRMSettings, apiKey string, module int64) ([]MiniCRMStatus, error)
}

// CardStatusStore keeps the status that the sync gives the cards of new
// MiniCRM customers (0: automatic, the one seen most often on the
// customers' cards). *storage.DB implements it; it is where the sync reads
// it (SyncState.CardStatusID).
type CardStatusStore interface {
	CardStatus(ctx context.Context) (int64, error)
	SetCardStatus(ctx context.Context, statusID int64) error
}

// CardStatusLabel is the settings field of the new customers' card status.
const CardStatusLabel = "Új vevő kártyájának státusza"

// Statuses lists the statuses of module with s and key (or the stored key
// of s.SystemID when key is empty), sorted by name. ok is false when the
// connector cannot list statuses.
func (m *MiniCRMService) Statuses(ctx context.Context, s MiniCRMSettings, key string, module int64) (sts []MiniCRMStatus, ok bool, err error) {
	lister, ok := m.Connector.(MiniCRMStatusLister)
	if !ok || module == 0 {
		return nil, ok, nil
	}
	s.Normalize()
	if err := s.ValidateConnection(); err != nil {
		return nil, true, err
	}
	if key == "" {
		if key, err = m.APIKey(ctx, s.SystemID); err != nil {
			return nil, true, err
		}
	}
	sts, err = lister.ModuleStatuses(ctx, s, key, module)
	if err != nil {
		return nil, true, m.explain(err)
	}
	slices.SortStableFunc(sts, func(a, b MiniCRMStatus) int {
		if c := compareFolded(a.Name, b.Name); c != 0 {
			return c
		}
		return int(a.ID - b.ID)
	})
	return sts, true, nil
}

func compareFolded(a, b string) int {
	fa, fb := Fold(a), Fold(b)
	switch {
	case fa < fb:
		return -1
	case fa > fb:
		return 1
	}
	return 0
}
