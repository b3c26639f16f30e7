package crm

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// Category is a MiniCRM module ("termék"), e.g. Értékesítés (sales). Names
// are per tenant and localized; ids differ between tenants.
type Category struct {
	ID          int64
	Name        string
	OrderID     int64
	Type        string // "Generic", "HelpDesk", … (only with the detailed listing)
	SenderName  string
	SenderEmail string
	Phone       string
}

type categoryDTO struct {
	ID          flexInt    `json:"Id"`
	OrderID     flexInt    `json:"OrderId"`
	Name        flexString `json:"Name"`
	Type        flexString `json:"Type"`
	SenderName  flexString `json:"SenderName"`
	SenderEmail flexString `json:"SenderEmail"`
	Phone       flexString `json:"Phone"`
}

// Categories lists the modules of the system, ordered by OrderID then ID.
func (c *Client) Categories(ctx context.Context) ([]Category, error) {
	var out []Category
	err := c.get(ctx, "/Api/R3/Category", url.Values{"Detailed": {"1"}}, func(b []byte) error {
		var err error
		out, err = decodeCategories(b)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list categories: %w", err)
	}
	return out, nil
}

// decodeCategories accepts {"23": "Értékesítés"} and the detailed form
// {"23": {"Id": 23, "Name": …}}. The outer key is the id: the manual's own
// detailed example has an inner Id that does not match it.
func decodeCategories(b []byte) ([]Category, error) {
	entries, err := resultEntries(b)
	if err != nil {
		return nil, err
	}
	out := make([]Category, 0, len(entries))
	for _, e := range entries {
		cat := Category{ID: e.keyID()}
		if raw := bytes.TrimSpace(e.raw); len(raw) > 0 && raw[0] == '{' {
			var d categoryDTO
			if err := json.Unmarshal(raw, &d); err != nil {
				return nil, fmt.Errorf("category %s: %w", e.key, err)
			}
			cat.Name, cat.OrderID, cat.Type = string(d.Name), int64(d.OrderID), string(d.Type)
			cat.SenderName, cat.SenderEmail, cat.Phone = string(d.SenderName), string(d.SenderEmail), string(d.Phone)
			if cat.ID == 0 {
				cat.ID = int64(d.ID)
			}
		} else {
			var name flexString
			if err := json.Unmarshal(raw, &name); err != nil {
				return nil, fmt.Errorf("category %s: %w", e.key, err)
			}
			cat.Name = string(name)
		}
		out = append(out, cat)
	}
	slices.SortStableFunc(out, func(a, b Category) int {
		return cmp.Or(cmp.Compare(a.OrderID, b.OrderID), cmp.Compare(a.ID, b.ID))
	})
	return out, nil
}

// Schema describes the fields of an entity: built-in and custom ones.
type Schema struct {
	Fields map[string]SchemaField
}

// SchemaField is one field. Type is MiniCRM's type text ("Int",
// "Text(512)", "DateTime", …) or "Enum" for fields with options. Options maps
// option ids to labels; multi-select fields use bit-flag ids (1, 2, 4, …).
type SchemaField struct {
	Name    string
	Type    string
	Options map[int64]string
}

// Statuses returns the status ids and labels of a project schema.
func (s *Schema) Statuses() map[int64]string { return s.Fields["StatusId"].Options }

// Users returns the user ids and names (the only way the API lists users).
func (s *Schema) Users() map[int64]string { return s.Fields["UserId"].Options }

// OptionID finds the id of an option of field by its label, ignoring case.
func (s *Schema) OptionID(field, label string) (int64, bool) {
	for id, l := range s.Fields[field].Options {
		if strings.EqualFold(l, label) {
			return id, true
		}
	}
	return 0, false
}

// ProjectSchema returns the card fields of a category, with its statuses,
// users and custom fields.
func (c *Client) ProjectSchema(ctx context.Context, categoryID int64) (*Schema, error) {
	s, err := c.schema(ctx, fmt.Sprintf("/Api/R3/Schema/Project/%d", categoryID))
	if err != nil {
		return nil, fmt.Errorf("get project schema %d: %w", categoryID, err)
	}
	return s, nil
}

// ContactSchema returns the fields of Business or Person contacts.
func (c *Client) ContactSchema(ctx context.Context, t ContactType) (*Schema, error) {
	if t != Business && t != Person {
		return nil, fmt.Errorf("get contact schema: invalid type %q", t)
	}
	s, err := c.schema(ctx, "/Api/R3/Schema/"+string(t))
	if err != nil {
		return nil, fmt.Errorf("get %s schema: %w", t, err)
	}
	return s, nil
}

func (c *Client) schema(ctx context.Context, path string) (*Schema, error) {
	var s *Schema
	err := c.get(ctx, path, nil, func(b []byte) error {
		var err error
		s, err = decodeSchema(b)
		return err
	})
	return s, err
}

// decodeSchema reads {"Name": "Text(512)", "StatusId": {"2519": "Folyamatban"}, "Empty": []}.
func decodeSchema(b []byte) (*Schema, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, err
	}
	s := &Schema{Fields: make(map[string]SchemaField, len(raw))}
	for name, v := range raw {
		f := SchemaField{Name: name}
		v = bytes.TrimSpace(v)
		if len(v) > 0 && (v[0] == '{' || v[0] == '[') {
			entries, err := resultEntries(v)
			if err != nil {
				return nil, fmt.Errorf("field %s: %w", name, err)
			}
			f.Type, f.Options = "Enum", make(map[int64]string, len(entries))
			for _, e := range entries {
				var label flexString
				if err := json.Unmarshal(e.raw, &label); err != nil {
					return nil, fmt.Errorf("field %s option %s: %w", name, e.key, err)
				}
				f.Options[e.keyID()] = string(label)
			}
		} else {
			var t flexString
			if err := json.Unmarshal(v, &t); err != nil {
				return nil, fmt.Errorf("field %s: %w", name, err)
			}
			f.Type = string(t)
		}
		s.Fields[name] = f
	}
	return s, nil
}
