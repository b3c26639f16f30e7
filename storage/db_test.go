package storage_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"konnyuszamla/domain"
	"konnyuszamla/storage"
)

func TestOpenCreatesPrivateFileAndMigratesOnce(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "adatok")
	ctx := context.Background()
	db := mustOpenDir(t, dir)
	c := sampleCustomer("Első Kft.")
	if err := db.CreateCustomer(ctx, &c); err != nil {
		t.Fatal(err)
	}
	db.Close()

	for path, want := range map[string]os.FileMode{dir: 0o700, filepath.Join(dir, storage.FileName): 0o600} {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != want {
			t.Errorf("%s mode = %o, want %o", path, fi.Mode().Perm(), want)
		}
	}

	// A second open is a no-op: same schema version, data intact.
	db2 := mustOpenDir(t, dir)
	v, err := db2.SchemaVersion(ctx)
	if err != nil || v != storage.SchemaVersion() {
		t.Fatalf("schema version = %d, %v; want %d", v, err, storage.SchemaVersion())
	}
	got, err := db2.CustomerByID(ctx, c.ID)
	if err != nil || got.Name != "Első Kft." {
		t.Fatalf("after reopen: %+v, %v", got, err)
	}
}

func TestOpenRefusesCorruptFileWithoutTouchingIt(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, storage.FileName)
	junk := []byte(strings.Repeat("ez nem adatbázis ", 300))
	if err := os.WriteFile(path, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := storage.Open(context.Background(), path)
	if !errors.Is(err, storage.ErrCorrupt) {
		t.Fatalf("err = %v, want ErrCorrupt", err)
	}
	if msg := domain.ErrorMessage(err); !strings.Contains(msg, "sérült") || !strings.Contains(msg, path) {
		t.Errorf("message %q should say the file at %s is damaged", msg, path)
	}
	after, _ := os.ReadFile(path)
	if string(after) != string(junk) {
		t.Error("the corrupt file was modified")
	}
}

func TestOpenRefusesDatabaseFromNewerVersion(t *testing.T) {
	dir := t.TempDir()
	db := mustOpenDir(t, dir)
	db.Close()
	// Simulate a newer app that applied a migration this build does not know.
	raw := openRaw(t, filepath.Join(dir, storage.FileName))
	if _, err := raw.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '0999_future.sql', 'x')`); err != nil {
		t.Fatal(err)
	}
	raw.Close()

	_, err := storage.OpenDir(context.Background(), dir)
	if !errors.Is(err, storage.ErrNewerVersion) {
		t.Fatalf("err = %v, want ErrNewerVersion", err)
	}
	if msg := domain.ErrorMessage(err); !strings.Contains(msg, "újabb verziója") || !strings.Contains(msg, "999") {
		t.Errorf("message %q should name the newer schema", msg)
	}
}

func TestOpenUnreadablePath(t *testing.T) {
	dir := t.TempDir()
	// A folder where the database file should be cannot be opened as a file,
	// whoever runs the test (root ignores permission bits).
	if err := os.Mkdir(filepath.Join(dir, storage.FileName), 0o700); err != nil {
		t.Fatal(err)
	}
	_, err := storage.OpenDir(context.Background(), dir)
	if !errors.Is(err, storage.ErrUnreadable) {
		t.Fatalf("err = %v, want ErrUnreadable", err)
	}
	if domain.ErrorCode(err) != domain.EUnavailable || !strings.Contains(domain.ErrorMessage(err), "nem nyitható meg") {
		t.Errorf("unexpected error: %v", err)
	}
}

func TestOpenLockedDatabase(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the 5 s busy timeout")
	}
	dir := t.TempDir()
	db := mustOpenDir(t, dir)
	db.Close()
	// Another process holding an exclusive lock (as during its migration).
	raw := openRaw(t, filepath.Join(dir, storage.FileName))
	raw.SetMaxOpenConns(1)
	if _, err := raw.Exec(`PRAGMA locking_mode = EXCLUSIVE`); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`BEGIN EXCLUSIVE`); err != nil {
		t.Fatal(err)
	}
	defer raw.Exec(`ROLLBACK`)

	_, err := storage.OpenDir(context.Background(), dir)
	if !errors.Is(err, storage.ErrLocked) {
		t.Fatalf("err = %v, want ErrLocked", err)
	}
	if !strings.Contains(domain.ErrorMessage(err), "zárolja") {
		t.Errorf("message %q should say the database is locked", domain.ErrorMessage(err))
	}
}

func TestOpenRefusesDatabaseWithADifferentMigration(t *testing.T) {
	dir := t.TempDir()
	db := mustOpenDir(t, dir)
	db.Close()
	// As if the database had been made by a build whose 0002 differed.
	raw := openRaw(t, filepath.Join(dir, storage.FileName))
	if _, err := raw.Exec(`UPDATE schema_migrations SET checksum = 'mas' WHERE version = 2`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	_, err := storage.OpenDir(context.Background(), dir)
	if !errors.Is(err, storage.ErrSchemaChanged) || !strings.Contains(domain.ErrorMessage(err), "0002_invoices.sql") {
		t.Fatalf("err = %v, want ErrSchemaChanged naming the migration", err)
	}
}

func TestOpenAddsChecksumsToAnOlderMigrationTable(t *testing.T) {
	dir := t.TempDir()
	raw := openRaw(t, filepath.Join(dir, storage.FileName))
	if _, err := raw.Exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	db := mustOpenDir(t, dir)
	if v, err := db.SchemaVersion(context.Background()); err != nil || v != storage.SchemaVersion() {
		t.Fatalf("schema version %d, %v", v, err)
	}
}
