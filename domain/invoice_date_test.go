package domain

import (
	"encoding/json"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	for _, in := range []string{"2026-11-27", " 2026-11-27 ", "2026.11.27.", "2026. 11. 27.", "2026.11.27"} {
		if d, err := ParseDate(in); err != nil || d != NewDate(2026, 11, 27) {
			t.Errorf("ParseDate(%q) = %s, %v", in, d, err)
		}
	}
	for _, in := range []string{"", "2026-02-30", "2026-13-01", "27.11.2026", "tegnap"} {
		if _, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) accepted a wrong date", in)
		}
	}
}

func TestDateArithmeticAndFormat(t *testing.T) {
	d := NewDate(2026, 11, 27)
	if got := d.AddDays(8); got != NewDate(2026, 12, 5) || got.String() != "2026-12-05" || got.FormatHU() != "2026.12.05." {
		t.Errorf("AddDays(8) = %s / %s", got, got.FormatHU())
	}
	if got := NewDate(2026, 12, 28).AddDays(8); got != NewDate(2027, 1, 5) {
		t.Errorf("across the year: %s", got)
	}
	if got := NewDate(2028, 2, 29).AddYears(1); got != NewDate(2029, 3, 1) {
		t.Errorf("29 February + 1 year = %s", got)
	}
	if d.AddDays(120) != NewDate(2027, 3, 27) || !d.Before(d.AddDays(1)) || !d.After(d.AddDays(-1)) || d.Before(d) {
		t.Error("comparisons are wrong")
	}
	// A late evening in Budapest is still that day, whatever UTC says.
	bp := time.FixedZone("CET", 3600)
	if got := DateOf(time.Date(2026, 12, 31, 23, 30, 0, 0, bp)); got != NewDate(2026, 12, 31) {
		t.Errorf("DateOf late evening = %s", got)
	}
	var zero Date
	if !zero.IsZero() || zero.String() != "" || zero.FormatHU() != "" {
		t.Error("the zero Date must print as empty")
	}
}

func TestDateJSON(t *testing.T) {
	type doc struct {
		Issue Date `json:"issueDate"`
		Due   Date `json:"dueDate,omitzero"`
	}
	out, err := json.Marshal(doc{Issue: NewDate(2026, 11, 27)})
	if err != nil || string(out) != `{"issueDate":"2026-11-27"}` {
		t.Errorf("Marshal = %s, %v", out, err)
	}
	var back doc
	if err := json.Unmarshal([]byte(`{"issueDate":"2026.11.27.","dueDate":""}`), &back); err != nil ||
		back.Issue != NewDate(2026, 11, 27) || !back.Due.IsZero() {
		t.Errorf("Unmarshal = %+v, %v", back, err)
	}
	if err := json.Unmarshal([]byte(`{"issueDate":"2026-02-30"}`), &back); err == nil {
		t.Error("30 February was accepted")
	}
}
