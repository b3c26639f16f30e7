package crm

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	_ "time/tzdata" // the desktop binary must not depend on the OS zone database
)

// TimeLayout is MiniCRM's timestamp format: naive Hungarian local time.
const TimeLayout = "2006-01-02 15:04:05"

// budapest is the zone of every MiniCRM timestamp (and of UpdatedSince).
var budapest = mustLoadLocation("Europe/Budapest")

func mustLoadLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(fmt.Sprintf("crm: load %s: %v (time/tzdata is embedded, so this cannot happen)", name, err))
	}
	return loc
}

// Budapest returns the Europe/Budapest location the API's times are in.
func Budapest() *time.Location { return budapest }

// FormatTime writes t the way MiniCRM expects it in filters and bodies.
func FormatTime(t time.Time) string { return t.In(budapest).Format(TimeLayout) }

// ParseTime reads a MiniCRM timestamp as Europe/Budapest time. Empty values
// and MiniCRM's "no date" markers ("0000-00-00", "0000-00-00 00:00:00" and
// the Unix epoch rendered in CET, "1970-01-01 01:00:00") give time.Time{}.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasPrefix(s, "0000-00-00") {
		return time.Time{}, nil
	}
	for _, layout := range []string{TimeLayout, "2006-01-02 15:04", "2006-01-02", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(layout, s, budapest); err == nil {
			return zeroEpoch(t), nil
		}
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return zeroEpoch(t.In(budapest)), nil
	}
	return time.Time{}, fmt.Errorf("invalid MiniCRM time %q", truncate(s, 40))
}

func zeroEpoch(t time.Time) time.Time {
	if t.Unix() == 0 {
		return time.Time{}
	}
	return t
}

// miniTime decodes a JSON timestamp with ParseTime.
type miniTime time.Time

func (m *miniTime) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if string(b) == "null" || string(b) == "false" || isEmptyContainer(b) {
		*m = miniTime{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("invalid MiniCRM time %s", truncate(string(b), 40))
	}
	t, err := ParseTime(s)
	*m = miniTime(t)
	return err
}
