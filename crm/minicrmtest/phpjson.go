package minicrmtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"unicode/utf8"
)

// kv is one member of an ordered JSON object. Go maps marshal with sorted
// string keys ("100" before "99"); MiniCRM lists Results in ascending id
// order, so Results are written with obj.
type kv struct {
	key string
	val any
}

type obj []kv

func (o obj) MarshalJSON() ([]byte, error) {
	if len(o) == 0 {
		// PHP's json_encode of an empty array, the "Results": [] quirk.
		return []byte("[]"), nil
	}
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(m.key)
		b.Write(k)
		b.WriteByte(':')
		v, err := json.Marshal(m.val)
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// phpEscape rewrites encoding/json output the way PHP's json_encode writes
// it: "/" as "\/" and every non-ASCII rune as \uXXXX (surrogate pairs above
// U+FFFF). Both only occur inside JSON strings, so a byte scan is safe.
func phpEscape(in []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(in) + len(in)/8)
	for len(in) > 0 {
		c := in[0]
		switch {
		case c == '/':
			b.WriteString(`\/`)
			in = in[1:]
		case c < utf8.RuneSelf:
			b.WriteByte(c)
			in = in[1:]
		default:
			r, size := utf8.DecodeRune(in)
			in = in[size:]
			if r > 0xFFFF {
				r -= 0x10000
				fmt.Fprintf(&b, `\u%04x\u%04x`, 0xD800+(r>>10), 0xDC00+(r&0x3FF))
				continue
			}
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.Bytes()
}

// writeJSON sends v as MiniCRM does: compact, PHP-escaped JSON. With
// stringNumbers every integer becomes a numeric string, as older MiniCRM
// responses (and some endpoints today) have it.
func (s *Server) writeJSON(w http.ResponseWriter, status int, v any) {
	if s.opts.StringNumbers {
		v = stringify(v)
	}
	data, err := json.Marshal(v)
	if err != nil {
		s.writeText(w, http.StatusInternalServerError, "minicrmtest: "+err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(phpEscape(data))
}

// writeText sends a plain-text error, as MiniCRM does for every failure.
func (s *Server) writeText(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "text/plain; charset=UTF-8")
	w.WriteHeader(status)
	w.Write([]byte(msg))
}

// stringify turns integers into strings throughout v.
func stringify(v any) any {
	switch x := v.(type) {
	case int64:
		return strconv.FormatInt(x, 10)
	case int:
		return strconv.Itoa(x)
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = stringify(e)
		}
		return out
	case record:
		return stringify(map[string]any(x))
	case obj:
		out := make(obj, len(x))
		for i, m := range x {
			out[i] = kv{m.key, stringify(m.val)}
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = stringify(e)
		}
		return out
	}
	return v
}
