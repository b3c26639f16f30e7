package storage

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
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
// refuses to overwrite an existing file, and says so (EInvalid) when the
// folder of path is missing or not writable.
func (db *DB) Backup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err == nil {
		return domain.Errorf(domain.EInvalid, "A célfájl már létezik: %s. Adjon meg új fájlnevet.", path)
	}
	// Write next to the target and rename, so a crash never leaves a
	// truncated file under the final name. Creating the (empty) temporary
	// file first tells a missing or read-only folder from a database
	// error; VACUUM INTO accepts an empty target file.
	tmp := path + ".tmp"
	os.Remove(tmp)
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return unwritableBackup(path, err)
	}
	f.Close()
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

// unwritableBackup explains why the backup file cannot be created.
func unwritableBackup(path string, err error) error {
	dir := filepath.Dir(path)
	reason := ""
	switch info, statErr := os.Stat(dir); {
	case errors.Is(statErr, fs.ErrNotExist):
		reason = " (a mappa nem létezik)"
	case statErr == nil && !info.IsDir():
		reason = " (" + dir + " nem mappa)"
	case errors.Is(err, fs.ErrPermission):
		reason = " (nincs írási jog a mappához)"
	}
	return &domain.Error{Code: domain.EInvalid, Message: "A mentés nem írható ide: " + path + reason + ".", Err: err}
}

// DailyBackupResult says what DailyBackup did.
type DailyBackupResult struct {
	// Database is the database backup written now; "" when today's
	// already existed.
	Database string
	// Documents are the PDFs copied now, into dir/documents/YYYY/.
	Documents []string
	// Skipped are the PDFs left out because the file is missing or no
	// longer matches the SHA-256 recorded at issue; the caller logs them.
	// They are tried again at the next backup.
	Skipped []error
}

// DailyBackup makes today's backup in dir (konnyuszamla-YYYY-MM-DD.db) unless
// it exists, keeps only the newest keep backups, and copies the issued PDFs
// that are not yet in dir/documents/YYYY/. A PDF never changes once issued,
// so each is copied once and kept for good (the database backups are pruned,
// the documents never); it is copied only when it still matches the SHA-256
// recorded at issue, so the backup never takes over a damaged file.
func (db *DB) DailyBackup(ctx context.Context, dir string, keep int) (DailyBackupResult, error) {
	var res DailyBackupResult
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return res, fmt.Errorf("daily backup: %w", err)
	}
	name := "konnyuszamla-" + db.Now().Format(time.DateOnly) + ".db"
	path := filepath.Join(dir, name)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if err := db.Backup(ctx, path); err != nil {
			return res, err
		}
		res.Database = path
	}
	if err := pruneBackups(dir, keep); err != nil {
		return res, err
	}
	err := db.backupDocuments(ctx, dir, &res)
	return res, err
}

// issuedPDF is a stored PDF as the documents table records it.
type issuedPDF struct {
	number, rel, sha256 string
}

// backupDocuments copies the PDFs missing from dir/documents into it.
func (db *DB) backupDocuments(ctx context.Context, dir string, res *DailyBackupResult) error {
	rows, err := db.sql.QueryContext(ctx, `SELECT number, pdf_path, pdf_sha256 FROM documents WHERE pdf_path <> '' ORDER BY id`)
	if err != nil {
		return fmt.Errorf("list PDFs to back up: %w", err)
	}
	var pdfs []issuedPDF
	for rows.Next() {
		var p issuedPDF
		if err := rows.Scan(&p.number, &p.rel, &p.sha256); err != nil {
			rows.Close()
			return fmt.Errorf("list PDFs to back up: %w", err)
		}
		pdfs = append(pdfs, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("list PDFs to back up: %w", err)
	}

	dataDir := filepath.Dir(db.path)
	present := map[string]map[string]bool{} // the backed-up names, by folder
	for _, p := range pdfs {
		rel := filepath.FromSlash(p.rel)
		if !filepath.IsLocal(rel) {
			res.Skipped = append(res.Skipped, fmt.Errorf("PDF of %s: path %q is outside the data folder", p.number, p.rel))
			continue
		}
		target := filepath.Join(dir, rel)
		folder := filepath.Dir(target)
		if present[folder] == nil {
			present[folder] = map[string]bool{}
			entries, err := os.ReadDir(folder)
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("list backed-up PDFs: %w", err)
			}
			for _, e := range entries {
				present[folder][e.Name()] = true
			}
		}
		if present[folder][filepath.Base(target)] {
			continue
		}
		src := filepath.Join(dataDir, rel)
		data, err := os.ReadFile(src)
		if errors.Is(err, fs.ErrNotExist) {
			res.Skipped = append(res.Skipped, fmt.Errorf("PDF of %s is missing: %s", p.number, src))
			continue
		}
		if err != nil {
			return fmt.Errorf("read PDF of %s: %w", p.number, err)
		}
		if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != p.sha256 {
			res.Skipped = append(res.Skipped, fmt.Errorf("PDF of %s changed since it was issued (SHA-256 mismatch), not backed up: %s", p.number, src))
			continue
		}
		if err := writeFileAtomic(target, data); err != nil {
			return fmt.Errorf("back up PDF of %s: %w", p.number, err)
		}
		present[folder][filepath.Base(target)] = true
		res.Documents = append(res.Documents, target)
	}
	return nil
}

// pdfBackupHint tells the user where the daily backup keeps the copy of the
// PDF at rel (relative to the data folder), for the messages of a missing
// or changed PDF. It assumes the backups folder of the data folder, where
// the GUI makes its daily backup.
func (db *DB) pdfBackupHint(rel string) string {
	copyPath := filepath.Join(filepath.Dir(db.path), BackupDirName, filepath.FromSlash(rel))
	if _, err := os.Stat(copyPath); err == nil {
		return "Másolja vissza az eredetit a napi mentésből: " + copyPath + "."
	}
	return "A napi mentésben sincs meg (" + copyPath + "); állítsa vissza a számítógép más mentéséből."
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
