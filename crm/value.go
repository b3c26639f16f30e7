package crm

import (
	"bytes"
	"encoding/json"
	"strings"
	"time"
)

// Value is one custom field exactly as MiniCRM sent it (JSON). Custom fields
// have tenant-specific names (Enum1221, SzamlaSorszama, …) and arrive as
// labels, numbers, numeric strings or dates, so the accessors convert
// tolerantly.
type Value json.RawMessage

// MarshalJSON writes the value back unchanged.
func (v Value) MarshalJSON() ([]byte, error) {
	if len(v) == 0 {
		return []byte("null"), nil
	}
	return v, nil
}

// UnmarshalJSON keeps a copy of the raw JSON.
func (v *Value) UnmarshalJSON(b []byte) error {
	*v = append((*v)[:0], b...)
	return nil
}

// String returns the text of a string value, the literal of a number or
// boolean, and "" for null and empty arrays/objects.
func (v Value) String() string {
	var s flexString
	if err := s.UnmarshalJSON(v); err != nil {
		return strings.TrimSpace(string(v)) // a non-empty array/object: its JSON
	}
	return string(s)
}

// Int returns the value as an integer (number, numeric string, 0/1); ok is
// false when it is not one.
func (v Value) Int() (n int64, ok bool) {
	n, err := parseFlexInt(v)
	return n, err == nil
}

// Bool reports whether the value is true, 1 or "1".
func (v Value) Bool() bool {
	var b flexBool
	return b.UnmarshalJSON(v) == nil && bool(b)
}

// Time returns the value as a Europe/Budapest time (time.Time{} for the
// zero dates); ok is false when it is not a timestamp.
func (v Value) Time() (t time.Time, ok bool) {
	var m miniTime
	if err := m.UnmarshalJSON(v); err != nil {
		return time.Time{}, false
	}
	return time.Time(m), true
}

// Amount returns the value as minor units with ParseAmount, accepting
// "1 000,00" as well as JSON numbers.
func (v Value) Amount(decimals int) (int64, error) {
	s := v.String()
	if b := bytes.TrimSpace(v); len(b) > 0 && (b[0] == '-' || (b[0] >= '0' && b[0] <= '9')) {
		s = string(b) // a JSON number: its literal, without float rounding
	}
	return ParseAmount(s, decimals)
}

// splitFields decodes a record into its raw fields and returns the ones not
// in known, for an entity's Fields map.
func splitFields(data []byte, known map[string]bool) (map[string]Value, error) {
	var all map[string]json.RawMessage
	if err := json.Unmarshal(data, &all); err != nil {
		return nil, err
	}
	var out map[string]Value
	for k, raw := range all {
		if known[k] {
			continue
		}
		if out == nil {
			out = make(map[string]Value)
		}
		out[k] = Value(raw)
	}
	return out, nil
}

func keySet(keys ...string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[k] = true
	}
	return m
}

// ValueOf makes a Value of a Go string, number or bool, for the Fields of a
// record to create. Values JSON cannot encode become null.
func ValueOf(v any) Value {
	b, err := json.Marshal(v)
	if err != nil {
		return Value("null")
	}
	return Value(b)
}
