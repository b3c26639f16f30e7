package storage_test

import (
	"database/sql"
	"testing"
)

// openRaw opens the file with the bare driver, bypassing storage.Open, to
// set up states the app itself never writes.
func openRaw(t *testing.T, path string) *sql.DB {
	t.Helper()
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return raw
}
