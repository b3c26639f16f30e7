package domain

import (
	"context"
	"time"
)

// HistoryReason says why a customer version was overwritten.
type HistoryReason string

// The reasons a version enters the history.
const (
	HistoryEdit     HistoryReason = "edit"     // the user saved the form (or customers edit)
	HistorySync     HistoryReason = "sync"     // MiniCRM's data was applied
	HistorySeparate HistoryReason = "separate" // a weak match was undone
)

// Label is the reason in Hungarian.
func (r HistoryReason) Label() string {
	switch r {
	case HistoryEdit:
		return "módosítás előtt"
	case HistorySync:
		return "szinkronizálás előtt"
	case HistorySeparate:
		return "szétválasztás előtt"
	}
	return string(r)
}

// CustomerVersion is a version of a customer that an update overwrote.
type CustomerVersion struct {
	ID         int64
	CustomerID int64
	Customer   Customer
	Reason     HistoryReason
	// At is when the version was overwritten.
	At time.Time
}

// CustomerHistory lists the overwritten versions of a customer, newest
// first; the customer form shows them under Előzmények.
type CustomerHistory interface {
	CustomerHistory(ctx context.Context, customerID int64) ([]CustomerVersion, error)
}
