package crm_test

import (
	"testing"
	"time"

	"konnyuszamla/crm"
)

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in       string
		decimals int
		want     int64
		wantErr  bool
	}{
		{"1 000,00", 2, 100000, false},
		{"1\u00a0000,50", 2, 100050, false},
		{"2 380,00", 0, 2380, false},
		{"500.000000", 2, 50000, false},
		{"2000.00", 2, 200000, false},
		{"12", 2, 1200, false},
		{"-1 234,5", 2, -123450, false},
		{"0,005", 2, 1, false}, // half away from zero
		{"1.234.567", 0, 1234567, false},
		{"1,234.56", 2, 123456, false},
		{"", 2, 0, true},
		{"abc", 2, 0, true},
		{"1,2,3", 2, 0, true}, // not a thousands grouping
		{"12.34.56", 0, 0, true},
		{"99999999999999999999", 0, 0, true},
	}
	for _, tt := range tests {
		got, err := crm.ParseAmount(tt.in, tt.decimals)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseAmount(%q, %d) = %d, %v; want %d, err %v", tt.in, tt.decimals, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestParseTime(t *testing.T) {
	bp := crm.Budapest()
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2023-03-24 10:30:00", time.Date(2023, 3, 24, 10, 30, 0, 0, bp)},
		{"2019-01-28", time.Date(2019, 1, 28, 0, 0, 0, 0, bp)},
		{"2023-03-24 10:30", time.Date(2023, 3, 24, 10, 30, 0, 0, bp)},
		{"0000-00-00", time.Time{}},
		{"0000-00-00 00:00:00", time.Time{}},
		{"1970-01-01 01:00:00", time.Time{}},
		{"", time.Time{}},
	}
	for _, tt := range tests {
		got, err := crm.ParseTime(tt.in)
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("ParseTime(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	if _, err := crm.ParseTime("tegnap"); err == nil {
		t.Error("ParseTime accepted nonsense")
	}
}
