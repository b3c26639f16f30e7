package storage_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"konnyuszamla/domain"
	"konnyuszamla/storage"
)

func TestBackupIsAUsableCopy(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	c := sampleCustomer("Mentett Kft.")
	if err := db.CreateCustomer(ctx, &c); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(t.TempDir(), "mentes.db")
	if err := db.Backup(ctx, target); err != nil {
		t.Fatal(err)
	}
	if err := db.Backup(ctx, target); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("second backup to the same file: %v, want a refusal", err)
	}
	copyDB, err := storage.Open(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	defer copyDB.Close()
	got, err := copyDB.CustomerByID(ctx, c.ID)
	if err != nil || got.Name != "Mentett Kft." {
		t.Fatalf("backup content: %+v, %v", got, err)
	}
}

func TestDailyBackupOncePerDayKeepsSeven(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	dir := filepath.Join(t.TempDir(), storage.BackupDirName)
	day := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
	for i := 0; i < 10; i++ {
		db.Now = func() time.Time { return day.AddDate(0, 0, i) }
		written, err := db.DailyBackup(ctx, dir, 7)
		if err != nil || written.Database == "" {
			t.Fatalf("day %d: %+v, %v", i, written, err)
		}
		if again, err := db.DailyBackup(ctx, dir, 7); err != nil || again.Database != "" {
			t.Fatalf("day %d second start: %+v, %v; want no new backup", i, again, err)
		}
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	if len(names) != 7 || names[0] != "konnyuszamla-2026-11-04.db" || names[6] != "konnyuszamla-2026-11-10.db" {
		t.Errorf("backups kept: %v", names)
	}
}

func TestBackupIntoMissingFolderSaysSo(t *testing.T) {
	db := mustOpen(t)
	dir := filepath.Join(t.TempDir(), "nincs-ilyen")
	target := filepath.Join(dir, "mentes.db")
	err := db.Backup(context.Background(), target)
	if domain.ErrorCode(err) != domain.EInvalid ||
		domain.ErrorMessage(err) != "A mentés nem írható ide: "+target+" (a mappa nem létezik)." {
		t.Errorf("backup into a missing folder: %v (%s)", err, domain.ErrorCode(err))
	}
	file := filepath.Join(t.TempDir(), "fajl")
	writeFile(t, file, "x")
	err = db.Backup(context.Background(), filepath.Join(file, "mentes.db"))
	if domain.ErrorCode(err) != domain.EInvalid || !strings.Contains(domain.ErrorMessage(err), "nem mappa") {
		t.Errorf("backup under a file: %v", err)
	}
}

// TestDailyBackupCopiesIssuedPDFs: the daily backup copies each issued PDF
// once into backups/documents/YYYY/, never one that changed since issue, and
// the messages of a missing or changed PDF point to that copy.
func TestDailyBackupCopiesIssuedPDFs(t *testing.T) {
	ctx := context.Background()
	db := invoiceDB(t)
	db.RenderPDF = func(inv *domain.Invoice) ([]byte, error) { return []byte("%PDF " + inv.Number), nil }
	dataDir := filepath.Dir(db.Path())
	dir := filepath.Join(dataDir, storage.BackupDirName)
	inv := mustIssue(t, db, draft(domain.DocInvoice))
	proforma := mustIssue(t, db, draft(domain.DocProforma))
	copyOf := func(number string) string {
		return filepath.Join(dir, storage.DocumentsDirName, "2026", number+".pdf")
	}

	res, err := db.DailyBackup(ctx, dir, 7)
	if err != nil || res.Database == "" || len(res.Skipped) != 0 {
		t.Fatalf("first backup: %+v, %v", res, err)
	}
	if want := []string{copyOf(inv.Number), copyOf(proforma.Number)}; strings.Join(res.Documents, " ") != strings.Join(want, " ") {
		t.Errorf("copied %v, want %v", res.Documents, want)
	}
	for _, number := range []string{inv.Number, proforma.Number} {
		if got, err := os.ReadFile(copyOf(number)); err != nil || string(got) != "%PDF "+number {
			t.Errorf("backup of %s: %q, %v", number, got, err)
		}
	}

	res, err = db.DailyBackup(ctx, dir, 7)
	if err != nil || res.Database != "" || len(res.Documents) != 0 || len(res.Skipped) != 0 {
		t.Errorf("second backup the same day: %+v, %v; want nothing new", res, err)
	}

	// The next day: a new invoice is copied; one changed since issue is not.
	db.Now = func() time.Time { return fixedNow.AddDate(0, 0, 1) }
	fresh := mustIssue(t, db, draft(domain.DocInvoice))
	tampered := mustIssue(t, db, draft(domain.DocInvoice))
	tamperedPath, err := db.DocumentPDF(ctx, tampered.Number)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, tamperedPath, "%PDF changed")
	res, err = db.DailyBackup(ctx, dir, 7)
	if err != nil || res.Database == "" || len(res.Documents) != 1 || res.Documents[0] != copyOf(fresh.Number) {
		t.Fatalf("next day's backup: %+v, %v", res, err)
	}
	if len(res.Skipped) != 1 || !strings.Contains(res.Skipped[0].Error(), tampered.Number) ||
		!strings.Contains(res.Skipped[0].Error(), "SHA-256") {
		t.Errorf("skipped %v, want the changed %s", res.Skipped, tampered.Number)
	}
	if _, err := os.Stat(copyOf(tampered.Number)); err == nil {
		t.Error("a changed PDF was backed up")
	}

	// The messages name the backup copy, or say there is none.
	original := filepath.Join(dataDir, storage.DocumentsDirName, "2026", inv.Number+".pdf")
	if err := os.Remove(original); err != nil {
		t.Fatal(err)
	}
	_, err = db.DocumentPDF(ctx, inv.Number)
	if want := "Másolja vissza az eredetit a napi mentésből: " + copyOf(inv.Number) + "."; domain.ErrorCode(err) != domain.EConflict ||
		!strings.Contains(domain.ErrorMessage(err), "hiányzik: "+original) || !strings.HasSuffix(domain.ErrorMessage(err), want) {
		t.Errorf("missing PDF: %v", err)
	}
	_, err = db.DocumentPDF(ctx, tampered.Number)
	if msg := domain.ErrorMessage(err); !strings.Contains(msg, "megváltozott") ||
		!strings.Contains(msg, "A napi mentésben sincs meg ("+copyOf(tampered.Number)+")") {
		t.Errorf("changed PDF without a backup copy: %v", err)
	}
	// Restoring the copy, as the message says, makes the document whole again.
	data, _ := os.ReadFile(copyOf(inv.Number))
	writeFile(t, original, string(data))
	if _, err := db.DocumentPDF(ctx, inv.Number); err != nil {
		t.Errorf("after restoring the copy: %v", err)
	}
}
