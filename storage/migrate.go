package storage

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one numbered SQL file, e.g. 0001_customers.sql.
type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations returns the embedded migrations in version order, checking
// that they are numbered 1, 2, 3… without gaps or repeats.
func loadMigrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		prefix, _, ok := strings.Cut(e.Name(), "_")
		v, convErr := strconv.Atoi(prefix)
		if !ok || convErr != nil {
			return nil, fmt.Errorf("migration %q: name must start with a number and '_'", e.Name())
		}
		body, err := fs.ReadFile(migrationFiles, "migrations/"+e.Name())
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(body)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %q: expected version %d", m.name, i+1)
		}
	}
	return ms, nil
}

// SchemaVersion is the schema version this build of the app creates.
func SchemaVersion() int {
	ms, err := loadMigrations()
	if err != nil {
		panic(err) // the embedded files are part of the binary; tests catch this
	}
	return len(ms)
}

// migrate applies the migrations the database has not seen yet, each in its
// own transaction together with its record, so a crash never leaves a
// half-applied migration. It refuses a database made by a newer app, and
// one whose applied migrations differ from this build's files.
func (db *DB) migrate(ctx context.Context) error {
	if _, err := db.sql.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL,
		checksum   TEXT NOT NULL DEFAULT ''
	) STRICT`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	if err := db.ensureChecksumColumn(ctx); err != nil {
		return err
	}
	current, err := db.schemaVersion(ctx)
	if err != nil {
		return err
	}
	ms, err := loadMigrations()
	if err != nil {
		return err
	}
	if current > len(ms) {
		return newerSchemaError(db.path, current, len(ms))
	}
	if err := db.verifyApplied(ctx, ms); err != nil {
		return err
	}
	for _, m := range ms[current:] {
		if err := db.applyMigration(ctx, m); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

func (db *DB) applyMigration(ctx context.Context, m migration) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		// Another process may have applied it while we waited for the lock.
		var done int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, m.version).Scan(&done); err != nil {
			return err
		}
		if done > 0 {
			return nil
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at, checksum) VALUES (?, ?, ?, ?)`,
			m.version, m.name, formatTime(db.Now()), m.checksum())
		return err
	})
}

// schemaVersion returns the highest applied migration, 0 for a new database.
func (db *DB) schemaVersion(ctx context.Context) (int, error) {
	var v sql.NullInt64
	if err := db.sql.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return int(v.Int64), nil
}

// checksum identifies a migration's SQL as this build embeds it.
func (m migration) checksum() string {
	sum := sha256.Sum256([]byte(m.sql))
	return hex.EncodeToString(sum[:])
}

// ensureChecksumColumn adds the checksum column to a schema_migrations
// table made before it existed (another process may add it at once).
func (db *DB) ensureChecksumColumn(ctx context.Context) error {
	has := func() (bool, error) {
		var n int
		err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM pragma_table_info('schema_migrations') WHERE name = 'checksum'`).Scan(&n)
		return n > 0, err
	}
	if ok, err := has(); err != nil || ok {
		return err
	}
	if _, err := db.sql.ExecContext(ctx, `ALTER TABLE schema_migrations ADD COLUMN checksum TEXT NOT NULL DEFAULT ''`); err != nil {
		if ok, _ := has(); !ok {
			return fmt.Errorf("add migration checksums: %w", err)
		}
	}
	return nil
}

// verifyApplied refuses a database on which a migration was applied whose
// SQL differs from this build's: its tables are not the ones the code
// expects, and writing to it would fail or corrupt data. (A shipped
// migration must never be edited; add a new one.) Records without a
// checksum come from before checksums and are not checked.
func (db *DB) verifyApplied(ctx context.Context, ms []migration) error {
	rows, err := db.sql.QueryContext(ctx, `SELECT version, checksum FROM schema_migrations WHERE checksum <> ''`)
	if err != nil {
		return fmt.Errorf("read migration checksums: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var version int
		var sum string
		if err := rows.Scan(&version, &sum); err != nil {
			return err
		}
		if version >= 1 && version <= len(ms) && ms[version-1].checksum() != sum {
			return changedSchemaError(db.path, ms[version-1].name)
		}
	}
	return rows.Err()
}
