package crm

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// The flex types decode the scalars MiniCRM sends in several shapes: current
// list responses carry integers, older ones and some endpoints numeric
// strings, and PHP writes "" or [] for "nothing".

// flexInt accepts 12, 12.0, "12", " 12 ", "", null, false/true.
type flexInt int64

func (f *flexInt) UnmarshalJSON(b []byte) error {
	v, err := parseFlexInt(b)
	*f = flexInt(v)
	return err
}

func parseFlexInt(b []byte) (int64, error) {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0, string(b) == "null", string(b) == "false", string(b) == `""`, string(b) == "[]":
		return 0, nil
	case string(b) == "true":
		return 1, nil
	}
	s := string(b)
	if b[0] == '"' {
		if err := json.Unmarshal(b, &s); err != nil {
			return 0, err
		}
		s = strings.TrimSpace(s)
		if s == "" {
			return 0, nil
		}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n, nil
	}
	// PHP floats such as 12.0 or "12.00" for an integer field.
	if x, err := strconv.ParseFloat(s, 64); err == nil && x == math.Trunc(x) && math.Abs(x) < 1<<53 {
		return int64(x), nil
	}
	return 0, fmt.Errorf("not an integer: %s", truncate(string(b), 40))
}

// flexBool accepts true/false, 0/1 (numbers or strings), "", null.
type flexBool bool

func (f *flexBool) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch string(b) {
	case "true", `"true"`:
		*f = true
		return nil
	case "false", `"false"`, "null", `""`, "[]":
		*f = false
		return nil
	}
	n, err := parseFlexInt(b)
	if err != nil {
		return fmt.Errorf("not a boolean: %s", truncate(string(b), 40))
	}
	*f = n != 0
	return nil
}

// flexString accepts a string, a number (PostalCode arrives as 5555 too),
// a boolean, null, and an empty PHP array or object as "".
type flexString string

func (f *flexString) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		*f = ""
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flexString(s)
	case b[0] == '[' || b[0] == '{':
		if !isEmptyContainer(b) {
			return fmt.Errorf("not a string: %s", truncate(string(b), 40))
		}
		*f = ""
	default: // number or boolean: keep its literal text
		*f = flexString(b)
	}
	return nil
}

// flexStrings accepts ["a","b"], [], "", null, and a single string.
type flexStrings []string

func (f *flexStrings) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '[' {
		var items []flexString
		if err := json.Unmarshal(b, &items); err != nil {
			return err
		}
		out := make([]string, 0, len(items))
		for _, it := range items {
			if it != "" {
				out = append(out, string(it))
			}
		}
		*f = out
		return nil
	}
	var s flexString
	if err := s.UnmarshalJSON(b); err != nil {
		return err
	}
	*f = nil
	if s != "" {
		*f = []string{string(s)}
	}
	return nil
}

func isEmptyContainer(b []byte) bool {
	s := strings.Join(strings.Fields(string(b)), "")
	return s == "[]" || s == "{}"
}

// idOrLabel is a field that lists carry as an id and detail responses as a
// label (StatusId, UserId): a number or numeric string is an id, any other
// string a label.
type idOrLabel struct {
	ID    int64
	Label string
}

func (v *idOrLabel) UnmarshalJSON(b []byte) error {
	if n, err := parseFlexInt(b); err == nil {
		*v = idOrLabel{ID: n}
		return nil
	}
	var s flexString
	if err := s.UnmarshalJSON(b); err != nil {
		return err
	}
	*v = idOrLabel{Label: string(s)}
	return nil
}

// idResponse is the answer of every create and update: {"Id": n}.
type idResponse struct {
	ID flexInt `json:"Id"`
}
