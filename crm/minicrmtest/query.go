package minicrmtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"konnyuszamla/domain"
)

const pageSize = 100

// errBadParam is MiniCRM's plain-text answer to an unknown or missing
// parameter, e.g. `ToDo (PUT): Nem megfelelő paraméter: "Data (JSON)"`.
func errBadParam(entity, method, name string) string {
	return fmt.Sprintf("%s (%s): Nem megfelelő paraméter: %q", entity, method, name)
}

// errBadValue is MiniCRM's answer to a value that is not in the schema.
func errBadValue(entity, method, value, field string) string {
	return fmt.Sprintf("%s (%s): Invalid value '%s' for the %s field.", entity, method, value, field)
}

// readBody decodes a JSON object body; numbers stay exact.
func readBody(r *http.Request) (map[string]any, error) {
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return nil, err
	}
	return m, nil
}

// text renders a body value as MiniCRM would store it in a text field.
func text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		if x {
			return "1"
		}
		return "0"
	default:
		return fmt.Sprint(x)
	}
}

// integer reads a body value for an integer field: a number, a numeric
// string, a boolean or "".
func integer(v any) (int64, bool) {
	switch x := v.(type) {
	case nil:
		return 0, true
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	case json.Number:
		n, err := x.Int64()
		return n, err == nil
	case string:
		if strings.TrimSpace(x) == "" {
			return 0, true
		}
		n, err := strconv.ParseInt(strings.TrimSpace(x), 10, 64)
		return n, err == nil
	}
	return 0, false
}

// enumValue resolves an option given by id or by label.
func enumValue(options map[int64]string, v any) (int64, bool) {
	if id, ok := integer(v); ok {
		_, known := options[id]
		return id, known
	}
	label := text(v)
	for id, l := range options {
		if strings.EqualFold(l, label) {
			return id, true
		}
	}
	return 0, false
}

// pageOf returns the page number of a search (0-based) and the ids on it.
func pageOf(q url.Values, ids []int64) []int64 {
	page, _ := strconv.Atoi(q.Get("Page"))
	start := max(page, 0) * pageSize
	if start >= len(ids) {
		return nil
	}
	return ids[start:min(start+pageSize, len(ids))]
}

// searchResult writes {"Count": total, "Results": {...} or []}.
func (s *Server) searchResult(w http.ResponseWriter, total int, items obj) {
	s.writeJSON(w, http.StatusOK, map[string]any{"Count": int64(total), "Results": items})
}

// checkParams rejects query parameters the endpoint does not know, as
// MiniCRM answers 400 to parameters it does not recognise.
func checkParams(q url.Values, known func(string) bool) (string, bool) {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if !known(k) {
			return k, false
		}
	}
	return "", true
}

// matchName is MiniCRM's partial, case-insensitive name match.
func matchName(value, needle string) bool {
	return strings.Contains(domain.Fold(value), domain.Fold(needle))
}

// matchQuery is the full-text search: every word of the query must be a
// whole word of the text, ignoring case and accents.
func matchQuery(texts []string, query string) bool {
	words := strings.Fields(domain.Fold(strings.Join(texts, " ")))
	for _, w := range strings.Fields(domain.Fold(query)) {
		if !slices.Contains(words, w) {
			return false
		}
	}
	return true
}

// matchPhone compares digits only, by suffix (at least the last 6 digits).
func matchPhone(value, needle string) bool {
	v, n := digitsOf(value), digitsOf(needle)
	return len(n) >= 6 && strings.HasSuffix(v, n)
}

func digitsOf(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// parseSince reads UpdatedSince: "2006-01-02", "2006-01-02 15:04[:05]"
// ("+" in the URL has already become a space).
func parseSince(v string) (time.Time, bool) {
	for _, layout := range []string{timeLayout, "2006-01-02 15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, strings.TrimSpace(v), budapest); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
