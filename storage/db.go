package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver

	"konnyuszamla/domain"
)

// FileName is the name of the database file inside the data folder.
const FileName = "konnyuszamla.db"

// DB is the application's SQLite database.
type DB struct {
	sql  *sql.DB
	path string
	// Now returns the current time. Tests replace it to get fixed timestamps.
	Now func() time.Time
	// RenderPDF turns an issued document into its PDF; main.go sets it. The
	// PDF is written once, in the transaction that issues the document.
	RenderPDF func(*domain.Invoice) ([]byte, error)
}

// OpenDir opens (creating when needed) the database in the data folder dir.
func OpenDir(ctx context.Context, dir string) (*DB, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, unreadableError(dir, err)
	}
	return Open(ctx, filepath.Join(dir, FileName))
}

// Open opens the database file at path, creating it with mode 0600 when it
// does not exist, checks it, and applies pending migrations. The errors it
// returns are *domain.Error values with a Hungarian message that says what is
// wrong (locked, unreadable, corrupt, made by a newer version).
func Open(ctx context.Context, path string) (*DB, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, unreadableError(path, err)
	}
	f.Close()

	// WAL lets the GUI read while a command writes; foreign keys are off by
	// default in SQLite; the busy timeout makes a second process wait for a
	// lock instead of failing at once; _txlock=immediate takes the write lock
	// at BEGIN, so two writers queue up rather than deadlock on upgrade;
	// synchronous=NORMAL is durable across app crashes in WAL mode (a power
	// cut may lose the last commit, never corrupt); a 32 MB page cache keeps
	// the list indexes of a large register in memory.
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() +
		"?_journal_mode=WAL&_busy_timeout=5000&_foreign_keys=on&_txlock=immediate&_synchronous=NORMAL&_cache_size=-32000"
	sqlDB, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db := &DB{sql: sqlDB, path: path, Now: time.Now}
	if err := db.check(ctx); err != nil {
		sqlDB.Close()
		return nil, classifyOpenError(path, err)
	}
	if err := db.migrate(ctx); err != nil {
		sqlDB.Close()
		return nil, classifyOpenError(path, err)
	}
	return db, nil
}

// check makes sure the file is a healthy SQLite database before anything is
// written to it. quick_check is O(N) but skips the slow index cross-checks.
func (db *DB) check(ctx context.Context) error {
	var result string
	if err := db.sql.QueryRowContext(ctx, `PRAGMA quick_check`).Scan(&result); err != nil {
		return err
	}
	if result != "ok" {
		return fmt.Errorf("%w: %s", errCorrupt, result)
	}
	var mode string
	if err := db.sql.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
		return err
	}
	if mode != "wal" {
		return fmt.Errorf("journal mode is %q, want wal", mode)
	}
	return nil
}

// Close closes the database.
func (db *DB) Close() error { return db.sql.Close() }

// Path returns the database file's path.
func (db *DB) Path() string { return db.path }

// SchemaVersion returns the schema version of the open database.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) { return db.schemaVersion(ctx) }

// inTx runs fn in a write transaction and commits it when fn returns nil.
func (db *DB) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// formatTime writes a time as UTC RFC 3339 text, the one format stored
// (queue due times use navTime's fixed width, so that they sort as text).
func formatTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// optionalTime is formatTime with "" for the zero time.
func optionalTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return formatTime(t)
}

// parseTime reads what formatTime, optionalTime and navTime write; "" and
// anything unreadable give the zero time.
func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

var errCorrupt = errors.New("database integrity check failed")
