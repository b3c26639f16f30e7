package storage

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"konnyuszamla/domain"
)

// syncLockTTL is how long a run holds the sync without renewing its lease
// (a run renews it with every customer).
const syncLockTTL = 10 * time.Minute

// syncToken names a run: the host and process that run it, and a random
// part, so that a lock left by a crashed process can be recognised.
func syncToken() string {
	host, _ := os.Hostname()
	b := make([]byte, 8)
	_, _ = rand.Read(b) // never fails on supported platforms
	return host + "/" + strconv.Itoa(os.Getpid()) + "/" + hex.EncodeToString(b)
}

// syncHolderDead reports whether the run holding a lock was on this host
// in a process that no longer exists.
func syncHolderDead(token string) bool {
	parts := strings.Split(token, "/")
	if len(parts) != 3 {
		return false
	}
	host, _ := os.Hostname()
	pid, err := strconv.Atoi(parts[1])
	if parts[0] != host || err != nil || pid == os.Getpid() {
		return false
	}
	return !syncProcessAlive(pid)
}

// LockSync implements domain.SyncStore.
func (db *DB) LockSync(ctx context.Context, token string) (string, error) {
	if token == "" {
		token = syncToken()
	}
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		now := db.Now()
		var holder, until string
		if err := tx.QueryRowContext(ctx, `SELECT lock_token, lock_until FROM sync_state WHERE id = 1`).Scan(&holder, &until); err != nil {
			return fmt.Errorf("read sync lock: %w", err)
		}
		if holder != "" && holder != token && parseTime(until).After(now) && !syncHolderDead(holder) {
			return domain.Errorf(domain.EConflict, "Egy másik szinkronizálás fut (egy másik programablakban vagy parancssorból). "+
				"Várja meg a végét, majd próbálja újra.")
		}
		if _, err := tx.ExecContext(ctx, `UPDATE sync_state SET lock_token = ?, lock_until = ? WHERE id = 1`,
			token, formatTime(now.Add(syncLockTTL))); err != nil {
			return fmt.Errorf("take sync lock: %w", err)
		}
		return nil
	})
	return token, err
}

// UnlockSync implements domain.SyncStore.
func (db *DB) UnlockSync(ctx context.Context, token string) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE sync_state SET lock_token = '', lock_until = '' WHERE id = 1 AND lock_token = ?`,
			token); err != nil {
			return fmt.Errorf("release sync lock: %w", err)
		}
		return nil
	})
}
