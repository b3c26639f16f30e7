package cli

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"

	"konnyuszamla/domain"
)

// decodeJSON reads one JSON object from r into v, refusing unknown fields so
// that a misspelt field name is reported instead of silently ignored, and
// anything after the object. Its errors are one Hungarian sentence naming
// the field or the place of the problem (cli.md).
func decodeJSON(r io.Reader, v any) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return fmt.Errorf("read standard input: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonInputError(err, data, reflect.TypeOf(v))
	}
	end := int(dec.InputOffset())
	if rest := bytes.TrimLeft(data[end:], " \t\r\n"); len(rest) > 0 {
		return domain.Errorf(domain.EInvalid, "A bemenet egyetlen JSON-objektumot várt, de utána további adat áll (a(z) %d. bájttól).",
			len(data)-len(rest)+1)
	}
	return nil
}

// jsonInputError turns an encoding/json error into a Hungarian one; data
// is the input and target the type decoded into, to name a wrong field.
func jsonInputError(err error, data []byte, target reflect.Type) error {
	var (
		syntax  *json.SyntaxError
		typeErr *json.UnmarshalTypeError
		de      *domain.Error
	)
	switch {
	case errors.Is(err, io.EOF):
		return domain.Errorf(domain.EInvalid, "Üres bemenet: a parancs JSON-t vár a szabványos bemeneten.")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return domain.Errorf(domain.EInvalid, "A bemenet nem érvényes JSON: idő előtt véget ért (hiányzik egy lezáró idézőjel, } vagy ]).")
	case errors.As(err, &syntax):
		return domain.Errorf(domain.EInvalid, "A bemenet nem érvényes JSON: %s a(z) %d. bájtnál.", syntaxProblem(syntax.Error()), syntax.Offset)
	case errors.As(err, &typeErr):
		field := badFieldPath(data, target)
		if field == "" {
			field = typeErr.Field
		}
		if field == "" {
			return domain.Errorf(domain.EInvalid, "A bemenet %s vár, de %s kapott.", jsonTypeName(typeErr.Type), jsonValueName(typeErr.Value))
		}
		return domain.Errorf(domain.EInvalid, "A bemenet %q mezőjének típusa hibás: %s vár, de %s kapott.",
			field, jsonTypeName(typeErr.Type), jsonValueName(typeErr.Value))
	case errors.As(err, &de):
		// A value type's own check (a decimal, a date): already Hungarian.
		if field := badFieldPath(data, target); field != "" {
			return &domain.Error{Code: domain.EInvalid, Message: fmt.Sprintf("A bemenet %q mezője hibás: %s", field, de.Error()), Err: err}
		}
		return &domain.Error{Code: domain.EInvalid, Message: "A bemenet hibás: " + de.Error(), Err: err}
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return domain.Errorf(domain.EInvalid, "A bemenet ismeretlen mezőt tartalmaz: %s.", name)
	}
	return &domain.Error{Code: domain.EInvalid, Message: "A bemenet nem érvényes JSON.", Err: err}
}

// syntaxProblem translates the text of a json.SyntaxError, e.g. "invalid
// character '}' looking for beginning of object key string".
func syntaxProblem(msg string) string {
	rest, ok := strings.CutPrefix(msg, "invalid character ")
	if !ok {
		return "szintaktikai hiba"
	}
	// The character is quoted as 'x', '\'' or '\n'.
	end := strings.Index(rest[min(1, len(rest)):], "' ")
	if end < 0 {
		return "váratlan karakter"
	}
	char, where := rest[:end+2], rest[end+3:]
	contexts := []struct{ english, hungarian string }{
		{"looking for beginning of object key string", "mezőnevet (idézőjeles szöveget) várt"},
		{"looking for beginning of value", "értéket várt"},
		{"after object key:value pair", "egy mező után vesszőt vagy }-t várt"},
		{"after object key", "a mezőnév után kettőspontot várt"},
		{"after array element", "egy listaelem után vesszőt vagy ]-t várt"},
		{"after top-level value", "az érték vége után"},
		{"in string literal", "szövegben (a vezérlőkaraktereket \\-rel kell írni)"},
		{"in string escape code", "\\-es jelölésben"},
		{"in numeric literal", "számban"},
		{"in literal", "a true, false vagy null szóban"},
	}
	for _, c := range contexts {
		if strings.HasPrefix(where, c.english) {
			return "váratlan " + char + " karakter, " + c.hungarian + ","
		}
	}
	return "váratlan " + char + " karakter"
}

// jsonTypeName names, in the accusative, the JSON a Go type is read from.
func jsonTypeName(t reflect.Type) string {
	if t == nil {
		return "más értéket"
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Implements(textUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler) {
		return "szöveget"
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "egész számot"
	case reflect.Float32, reflect.Float64:
		return "számot"
	case reflect.String:
		return "szöveget"
	case reflect.Bool:
		return "true vagy false értéket"
	case reflect.Slice, reflect.Array:
		return "listát"
	case reflect.Struct, reflect.Map:
		return "objektumot"
	}
	return "más értéket"
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// jsonValueName names, in the accusative, the JSON value json.UnmarshalTypeError
// found: "string", "number", "number 1.5", "bool", "array", "object".
func jsonValueName(v string) string {
	if n, ok := strings.CutPrefix(v, "number "); ok {
		return n + " számot"
	}
	switch v {
	case "string":
		return "szöveget"
	case "number":
		return "számot"
	case "bool":
		return "true/false értéket"
	case "array":
		return "listát"
	case "object":
		return "objektumot"
	}
	return v + " értéket"
}

// badFieldPath finds the first value of data that does not decode into its
// field of target, and names it the way jq does ("lines[0].quantity"); ""
// when it cannot tell. encoding/json names the field of a type error without
// the list index, and not at all when a value type's own UnmarshalJSON or
// UnmarshalText refuses it.
func badFieldPath(data []byte, target reflect.Type) string {
	var generic any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if dec.Decode(&generic) != nil {
		return ""
	}
	return badValuePath(generic, target, "")
}

func badValuePath(v any, t reflect.Type, path string) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	raw, err := json.Marshal(v)
	if err != nil || json.Unmarshal(raw, reflect.New(t).Interface()) == nil {
		return ""
	}
	switch x := v.(type) {
	case map[string]any:
		if t.Kind() != reflect.Struct {
			break
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys) // a stable answer when two fields are wrong
		for _, k := range keys {
			if ft, ok := jsonField(t, k); ok {
				if p := badValuePath(x[k], ft, joinPath(path, k)); p != "" {
					return p
				}
			}
		}
	case []any:
		if t.Kind() != reflect.Slice && t.Kind() != reflect.Array {
			break
		}
		for i, e := range x {
			if p := badValuePath(e, t.Elem(), fmt.Sprintf("%s[%d]", path, i)); p != "" {
				return p
			}
		}
	}
	return path
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// jsonField returns the type of the field of struct t that encoding/json
// fills from key: the exact tag name first, then ignoring case; embedded
// structs are searched too.
func jsonField(t reflect.Type, key string) (reflect.Type, bool) {
	var fold reflect.Type
	for _, f := range reflect.VisibleFields(t) {
		if !f.IsExported() || f.Anonymous && (f.Type.Kind() == reflect.Struct ||
			f.Type.Kind() == reflect.Pointer && f.Type.Elem().Kind() == reflect.Struct) {
			continue // its fields follow it
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case name == "-":
			continue
		case name == "":
			name = f.Name
		}
		if name == key {
			return f.Type, true
		}
		if fold == nil && strings.EqualFold(name, key) {
			fold = f.Type
		}
	}
	return fold, fold != nil
}
