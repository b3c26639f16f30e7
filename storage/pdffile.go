package storage

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"konnyuszamla/domain"
)

// DocumentsDirName is the folder, inside the data folder, of issued PDFs.
const DocumentsDirName = "documents"

// storePDF renders the document, writes it to documents/YYYY/NUMBER.pdf and
// records its path and SHA-256 in the issuing transaction. Without a
// renderer (some tests) no PDF is made.
func (db *DB) storePDF(ctx context.Context, tx *sql.Tx, id int64, inv *domain.Invoice) error {
	if db.RenderPDF == nil {
		return nil
	}
	pdf, err := db.RenderPDF(inv)
	if err != nil {
		return fmt.Errorf("render PDF of %s: %w", inv.Number, err)
	}
	rel := filepath.Join(DocumentsDirName, strconv.Itoa(inv.IssueDate.Year()), inv.Number+".pdf")
	if err := writeFileAtomic(filepath.Join(filepath.Dir(db.path), rel), pdf); err != nil {
		return fmt.Errorf("write PDF of %s: %w", inv.Number, err)
	}
	sum := sha256.Sum256(pdf)
	_, err = tx.ExecContext(ctx, `UPDATE documents SET pdf_path = ?, pdf_sha256 = ? WHERE id = ?`,
		filepath.ToSlash(rel), hex.EncodeToString(sum[:]), id)
	return err
}

// writeFileAtomic writes data under a temporary name, syncs it and renames
// it into place, so a crash leaves either no file or the whole file.
func writeFileAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*.pdf")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// DocumentPDF implements domain.InvoiceService.
func (db *DB) DocumentPDF(ctx context.Context, number string) (string, error) {
	var rel, want string
	err := db.sql.QueryRowContext(ctx, `SELECT pdf_path, pdf_sha256 FROM documents WHERE number = ?`, number).Scan(&rel, &want)
	if errors.Is(err, sql.ErrNoRows) {
		return "", documentNotFound(number)
	}
	if err != nil {
		return "", fmt.Errorf("read PDF path of %s: %w", number, err)
	}
	if rel == "" {
		return "", domain.Errorf(domain.ENotFound, "A(z) %s bizonylathoz nem készült PDF.", number)
	}
	path := filepath.Join(filepath.Dir(db.path), filepath.FromSlash(rel))
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", domain.Errorf(domain.EConflict, "A(z) %s bizonylat PDF-fájlja hiányzik: %s. %s", number, path, db.pdfBackupHint(rel))
	}
	if err != nil {
		return "", fmt.Errorf("read PDF of %s: %w", number, err)
	}
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != want {
		return "", domain.Errorf(domain.EConflict, "A(z) %s bizonylat PDF-fájlja megváltozott a kiállítás óta: %s. %s", number, path, db.pdfBackupHint(rel))
	}
	return path, nil
}
