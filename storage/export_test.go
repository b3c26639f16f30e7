package storage

import (
	"context"
	"database/sql"

	"konnyuszamla/domain"
)

// IssueBatch issues every draft in one transaction. Only benchmarks use it,
// to build large document sets quickly; the app issues one per transaction.
func (db *DB) IssueBatch(ctx context.Context, drafts []*domain.Invoice) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		for _, d := range drafts {
			if _, err := db.issueInTx(ctx, tx, db.prepareDraft(ctx, d)); err != nil {
				return err
			}
		}
		return nil
	})
}
