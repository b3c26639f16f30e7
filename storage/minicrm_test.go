package storage_test

import (
	"context"
	"database/sql"
	"reflect"
	"testing"

	"konnyuszamla/domain"
)

func TestMiniCRMSettingsDefaultsBeforeSave(t *testing.T) {
	db := mustOpen(t)
	s, err := db.MiniCRMSettings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(s, domain.DefaultMiniCRMSettings()) || s.Configured() {
		t.Errorf("defaults = %+v", s)
	}
}

func TestMiniCRMSettingsRoundTrip(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := mustOpenDir(t, dir)
	in := domain.MiniCRMSettings{SystemID: " 98 ", Company: "0", BaseURL: "https://r3-test.minicrm.hu/", Demo: true,
		AllowedIPs: []string{"195.228.75.210", "10.0.0.0/8"}, CustomersModule: 23, InvoicesModule: 9}
	if err := db.SaveMiniCRMSettings(ctx, &in); err != nil {
		t.Fatal(err)
	}
	want := domain.MiniCRMSettings{SystemID: "98", Company: "0", BaseURL: "https://r3-test.minicrm.hu", Demo: true,
		AllowedIPs: []string{"195.228.75.210", "10.0.0.0/8"}, CustomersModule: 23, InvoicesModule: 9}
	got, err := db.MiniCRMSettings(ctx)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("read back %+v, %v; want %+v", got, err, want)
	}
	// A second save replaces the row; an empty list stays a list.
	got.Demo, got.AllowedIPs, got.InvoicesModule = false, nil, 0
	if err := db.SaveMiniCRMSettings(ctx, &got); err != nil {
		t.Fatal(err)
	}
	db.Close()
	again, err := mustOpenDir(t, dir).MiniCRMSettings(ctx)
	if err != nil || again.Demo || again.AllowedIPs == nil || len(again.AllowedIPs) != 0 || again.InvoicesModule != 0 {
		t.Fatalf("after reopen %+v, %v", again, err)
	}
}

func TestMiniCRMSettingsInvalidAreNotSaved(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	bad := domain.MiniCRMSettings{SystemID: "98", BaseURL: "https://98:d9cbsecret@r3.minicrm.hu"}
	if err := db.SaveMiniCRMSettings(ctx, &bad); domain.ErrorCode(err) != domain.EInvalid {
		t.Fatalf("got %v", err)
	}
	if s, _ := db.MiniCRMSettings(ctx); s.Configured() {
		t.Errorf("saved: %+v", s)
	}
}

// The table itself refuses credentials in the base URL, even from code that
// skips validation.
func TestMiniCRMSettingsTableRefusesCredentials(t *testing.T) {
	db := mustOpen(t)
	raw, err := sql.Open("sqlite3", db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	_, err = raw.Exec(`INSERT INTO minicrm_settings (id, system_id, base_url, updated_at)
		VALUES (1, '98', 'https://98:secret@r3.minicrm.hu', 'x')`)
	if err == nil {
		t.Fatal("a base URL with credentials was stored")
	}
}
