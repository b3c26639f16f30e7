package domain

import (
	"strings"
	"testing"
)

func TestNumberFormatFormat(t *testing.T) {
	inv, pro := DefaultNumberFormat(DocInvoice), DefaultNumberFormat(DocProforma)
	for _, tc := range []struct {
		f       NumberFormat
		counter int64
		year    int
		want    string
	}{
		{inv, 1, 2026, "KSZ-2026-00001"},
		{DefaultNumberFormat(DocStorno), 2, 2026, "KSZ-2026-00002"},
		{pro, 1, 2026, "DB-2026-00001"},
		{inv, 123456, 2026, "KSZ-2026-123456"}, // wider than Width: never cut
		{NumberFormat{Prefix: "A", Width: 3}, 42, 2026, "A-042"},
		{NumberFormat{Prefix: "E", WithYear: true, Width: 1}, 7, 2027, "E-2027-7"},
	} {
		if got := tc.f.Format(tc.counter, tc.year); got != tc.want {
			t.Errorf("%+v.Format(%d, %d) = %q, want %q", tc.f, tc.counter, tc.year, got, tc.want)
		}
	}
}

func TestNumberFormatSeriesKey(t *testing.T) {
	f := DefaultNumberFormat(DocInvoice)
	if f.SeriesKey(DocInvoice, 2026) != f.SeriesKey(DocStorno, 2026) {
		t.Error("a sztornó must take its number from the invoice series")
	}
	if f.SeriesKey(DocInvoice, 2026) == f.SeriesKey(DocInvoice, 2027) {
		t.Error("with the year in the number the counter must restart each year")
	}
	if DefaultNumberFormat(DocProforma).SeriesKey(DocProforma, 2026) == f.SeriesKey(DocInvoice, 2026) {
		t.Error("proformas must have their own series")
	}
	noYear := NumberFormat{Prefix: "KSZ", Width: 5}
	if noYear.SeriesKey(DocInvoice, 2026) != noYear.SeriesKey(DocInvoice, 2027) {
		t.Error("without the year in the number the counter must not restart (KSZ-00001 would repeat)")
	}
	other := NumberFormat{Prefix: "ABC", WithYear: true, Width: 5}
	if other.SeriesKey(DocInvoice, 2026) == f.SeriesKey(DocInvoice, 2026) {
		t.Error("a different prefix must have its own counter")
	}
}

func TestNumberFormatValidate(t *testing.T) {
	for _, tc := range []struct {
		f   NumberFormat
		msg string // "" when valid
	}{
		{NumberFormat{Prefix: "ksz ", WithYear: true, Width: 5}, ""},
		{NumberFormat{Prefix: "A2", Width: 1}, ""},
		{NumberFormat{Prefix: "", Width: 5}, "Előtag: kötelező"},
		{NumberFormat{Prefix: "K-1", Width: 5}, "Előtag: betűvel kezdődik"},
		{NumberFormat{Prefix: "2026", Width: 5}, "Előtag: betűvel kezdődik"},
		{NumberFormat{Prefix: "SZÁMLA", Width: 5}, "ékezet nélküli"},
		{NumberFormat{Prefix: "ABCDEFGHIJK", Width: 5}, "legfeljebb 10 karakter"},
		{NumberFormat{Prefix: "KSZ", Width: 0}, "Számjegyek: 1 és 10 között"},
		{NumberFormat{Prefix: "KSZ", Width: 11}, "Számjegyek: 1 és 10 között"},
	} {
		tc.f.Normalize()
		err := tc.f.Validate()
		switch {
		case tc.msg == "" && err != nil:
			t.Errorf("%+v: %v", tc.f, err)
		case tc.msg != "" && (err == nil || !strings.Contains(err.Error(), tc.msg)):
			t.Errorf("%+v: error %v, want it to contain %q", tc.f, err, tc.msg)
		}
	}
	if err := ValidateNumbering(DefaultNumberFormat(DocInvoice), DefaultNumberFormat(DocProforma)); err != nil {
		t.Errorf("the default formats: %v", err)
	}
	same := NumberFormat{Prefix: "KSZ", WithYear: true, Width: 5}
	err := ValidateNumbering(same, same)
	if err == nil || !strings.Contains(err.Error(), "Díjbekérő – Előtag: különbözzön") {
		t.Errorf("equal invoice and proforma prefixes: %v", err)
	}
}
