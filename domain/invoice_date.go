package domain

import (
	"fmt"
	"strings"
	"time"
)

// Date is a calendar day without time of day or time zone: the issue,
// fulfilment, due and payment dates of documents. Using time.Time for these
// invites off-by-one-day bugs around midnight and DST; a Date is just the
// year, month and day. The zero value means "not given". Dates compare with
// ==, Before and After. JSON and text form: "2026-11-27" ("" when zero).
type Date struct {
	year  int
	month time.Month
	day   int
}

// NewDate returns the date y-m-d, normalising overflow as time.Date does
// (2026-02-30 becomes 2026-03-02).
func NewDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 12, 0, 0, 0, time.UTC))
}

// DateOf returns the calendar day of t in t's own location; pass
// time.Now() for "today" on the user's machine.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{year: y, month: m, day: d}
}

// ParseDate accepts "2026-11-27" and the Hungarian "2026.11.27." or
// "2026. 11. 27.", and rejects days that do not exist.
func ParseDate(s string) (Date, error) {
	v := strings.TrimSpace(s)
	if strings.ContainsRune(v, '.') {
		v = strings.TrimSuffix(strings.ReplaceAll(strings.ReplaceAll(v, " ", ""), ".", "-"), "-")
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return Date{}, Errorf(EInvalid, "nem létező vagy hibás dátum: %q (formátum: 2026-11-27 vagy 2026.11.27.)", s)
	}
	return DateOf(t), nil
}

// IsZero reports whether d is the zero Date ("not given").
func (d Date) IsZero() bool { return d == Date{} }

// Year returns the year of d.
func (d Date) Year() int { return d.year }

// Month returns the month of d.
func (d Date) Month() time.Month { return d.month }

// Time returns midnight UTC at the start of d.
func (d Date) Time() time.Time { return time.Date(d.year, d.month, d.day, 0, 0, 0, 0, time.UTC) }

// AddDays returns d moved by n days (negative n goes back).
func (d Date) AddDays(n int) Date { return NewDate(d.year, d.month, d.day+n) }

// AddYears returns d moved by n years (29 February becomes 1 March).
func (d Date) AddYears(n int) Date { return NewDate(d.year+n, d.month, d.day) }

// Before reports whether d is earlier than o.
func (d Date) Before(o Date) bool { return d.Time().Before(o.Time()) }

// After reports whether d is later than o.
func (d Date) After(o Date) bool { return d.Time().After(o.Time()) }

// String returns "2026-11-27", or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.year, int(d.month), d.day)
}

// FormatHU returns the Hungarian form printed on documents: "2026.11.27.".
func (d Date) FormatHU() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d.%02d.%02d.", d.year, int(d.month), d.day)
}

// MarshalText writes "2026-11-27" ("" for the zero Date).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads what ParseDate accepts; "" is the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if strings.TrimSpace(string(b)) == "" {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
