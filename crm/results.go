package crm

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"slices"
	"strconv"
)

// PageSize is the number of results MiniCRM returns per page.
const PageSize = 100

// Page is one page of a search. Count is the total number of matches over
// all pages, as MiniCRM reports it; Items may be fewer than the page held
// when the client filters some out (see ProjectFilter.Deleted).
type Page[T any] struct {
	Items []T
	Count int // total matches, all pages
	Page  int // 0-based
	// raw is how many results the server returned on this page, which is
	// what decides whether another page exists.
	raw int
}

// HasMore reports whether a later page may hold more results.
func (p *Page[T]) HasMore() bool {
	return p.raw > 0 && (p.Page+1)*PageSize < p.Count
}

// searchEnvelope is {"Count": n, "Results": …}.
type searchEnvelope struct {
	Count   flexInt         `json:"Count"`
	Results json.RawMessage `json:"Results"`
}

// entry is one result: the key it was listed under ("" inside an array)
// and the raw item.
type entry struct {
	key string
	raw json.RawMessage
}

// resultEntries flattens the shapes MiniCRM uses for Results:
//   - {"12": {...}, "13": {...}}  object keyed by id (the usual case);
//   - []                           empty (PHP's json_encode of an empty array);
//   - [{...}, {...}]               array of items (ToDoList, TemplateList);
//   - [{"12": "label", ...}]       the old AddressList form, a map in an array;
//   - null or absent.
//
// Entries come back sorted by numeric key, then in array order, because a Go
// map loses MiniCRM's (ascending id) order.
func resultEntries(raw json.RawMessage) ([]entry, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	switch raw[0] {
	case '{':
		var m map[string]json.RawMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			return nil, err
		}
		out := make([]entry, 0, len(m))
		for k, v := range m {
			out = append(out, entry{key: k, raw: v})
		}
		slices.SortFunc(out, func(a, b entry) int { return compareKeys(a.key, b.key) })
		return out, nil
	case '[':
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return nil, err
		}
		var out []entry
		for _, it := range items {
			if nested, ok := labelMap(it); ok {
				out = append(out, nested...)
				continue
			}
			out = append(out, entry{raw: it})
		}
		return out, nil
	default:
		return nil, fmt.Errorf("results: unexpected %s", truncate(string(raw), 40))
	}
}

// labelMap recognises {"12": "label", …} inside an array (an object whose
// keys are all numeric), as the old AddressList returned.
func labelMap(raw json.RawMessage) ([]entry, bool) {
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil || len(m) == 0 {
		return nil, false
	}
	for k := range m {
		if _, err := strconv.ParseInt(k, 10, 64); err != nil {
			return nil, false
		}
	}
	inner, err := resultEntries(raw)
	return inner, err == nil
}

func compareKeys(a, b string) int {
	x, errA := strconv.ParseInt(a, 10, 64)
	y, errB := strconv.ParseInt(b, 10, 64)
	if errA == nil && errB == nil {
		return cmp.Compare(x, y)
	}
	return cmp.Compare(a, b)
}

// keyID is the id a result was listed under, 0 if the key is not a number.
func (e entry) keyID() int64 {
	n, _ := strconv.ParseInt(e.key, 10, 64)
	return n
}

// decodePage turns a search envelope into a Page using conv for each entry.
// conv returns ok=false to leave an entry out of Items.
func decodePage[T any](body []byte, page int, conv func(entry) (T, bool, error)) (*Page[T], error) {
	var env searchEnvelope
	if err := json.Unmarshal(body, &env); err != nil {
		return nil, err
	}
	entries, err := resultEntries(env.Results)
	if err != nil {
		return nil, err
	}
	p := &Page[T]{Count: int(env.Count), Page: page, raw: len(entries)}
	for _, e := range entries {
		item, ok, err := conv(e)
		if err != nil {
			return nil, fmt.Errorf("result %s: %w", e.key, err)
		}
		if ok {
			p.Items = append(p.Items, item)
		}
	}
	return p, nil
}

// allPages walks every page from 0 on, yielding each item; an error is
// yielded once and ends the walk. It stops when a page is empty or the
// reported Count is reached, whichever comes first, so a server that
// miscounts cannot make it loop forever.
func allPages[T any](ctx context.Context, fetch func(ctx context.Context, page int) (*Page[T], error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for page := 0; ; page++ {
			p, err := fetch(ctx, page)
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, it := range p.Items {
				if !yield(it, nil) {
					return
				}
			}
			if !p.HasMore() {
				return
			}
		}
	}
}
