package storage_test

import (
	"context"
	"testing"
	"time"
)

func TestCardStatusIsWhereTheSyncReadsIt(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	if id, err := db.CardStatus(ctx); err != nil || id != 0 {
		t.Fatalf("fresh: %d %v", id, err)
	}
	if err := db.SetCardStatus(ctx, 2503); err != nil {
		t.Fatal(err)
	}
	id, err := db.CardStatus(ctx)
	st, err2 := db.BeginSyncRun(ctx, time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC))
	if err != nil || err2 != nil || id != 2503 || st.CardStatus() != 2503 {
		t.Errorf("card status %d (%v), the sync reads %d (%v)", id, err, st.CardStatus(), err2)
	}
}
