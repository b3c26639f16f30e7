package storage_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
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
		if err != nil || written == "" {
			t.Fatalf("day %d: %q, %v", i, written, err)
		}
		if again, err := db.DailyBackup(ctx, dir, 7); err != nil || again != "" {
			t.Fatalf("day %d second start: %q, %v; want no new backup", i, again, err)
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
