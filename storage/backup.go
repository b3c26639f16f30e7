package storage

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"konnyuszamla/domain"
)

// BackupDirName is the folder, inside the data folder, of the daily backups.
const BackupDirName = "backups"

// Backup writes a consistent copy of the database to path with VACUUM INTO,
// which reads one snapshot, so it is safe while the app is writing. It
// refuses to overwrite an existing file.
func (db *DB) Backup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err == nil {
		return domain.Errorf(domain.EInvalid, "A célfájl már létezik: %s. Adjon meg új fájlnevet.", path)
	}
	// Write next to the target and rename, so a crash never leaves a
	// truncated file under the final name.
	tmp := path + ".tmp"
	os.Remove(tmp)
	if _, err := db.sql.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backup to %s: %w", path, err)
	}
	if err := os.Chmod(tmp, 0o600); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backup to %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backup to %s: %w", path, err)
	}
	return nil
}

// DailyBackup makes today's backup in dir (konnyuszamla-YYYY-MM-DD.db) unless
// it exists, and keeps only the newest keep backups. It returns the path of
// the backup it wrote, or "" when today's already existed.
func (db *DB) DailyBackup(ctx context.Context, dir string, keep int) (string, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("daily backup: %w", err)
	}
	name := "konnyuszamla-" + db.Now().Format(time.DateOnly) + ".db"
	path := filepath.Join(dir, name)
	written := ""
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if err := db.Backup(ctx, path); err != nil {
			return "", err
		}
		written = path
	}
	return written, pruneBackups(dir, keep)
}

// pruneBackups removes all but the newest keep daily backups. The names
// hold the date in ISO order, so sorting by name sorts by age.
func pruneBackups(dir string, keep int) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("list backups: %w", err)
	}
	var names []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "konnyuszamla-") && strings.HasSuffix(e.Name(), ".db") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for len(names) > keep {
		if err := os.Remove(filepath.Join(dir, names[0])); err != nil {
			return fmt.Errorf("remove old backup: %w", err)
		}
		names = names[1:]
	}
	return nil
}
