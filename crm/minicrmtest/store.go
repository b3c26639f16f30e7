package minicrmtest

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"
)

// The fake keeps every entity as a record: the field map MiniCRM would
// serialise, keyed by API field name. Integers are int64, text is string.
// That makes "search on any field", partial PUT merges and the string-id
// quirk straightforward; the typed structs below are for seeding and
// assertions only.
type record map[string]any

func (r record) int(k string) int64 {
	switch v := r[k].(type) {
	case int64:
		return v
	case string:
		n, _ := strconv.ParseInt(v, 10, 64)
		return n
	}
	return 0
}

func (r record) str(k string) string {
	switch v := r[k].(type) {
	case nil:
		return ""
	case string:
		return v
	default:
		return fmt.Sprint(v)
	}
}

func (r record) time(k string) time.Time {
	t, _ := time.ParseInLocation(timeLayout, r.str(k), budapest)
	return t
}

// custom returns the fields of r that are not in base.
func (r record) custom(base []string) map[string]any {
	var out map[string]any
	for k, v := range r {
		if slices.Contains(base, k) {
			continue
		}
		if out == nil {
			out = map[string]any{}
		}
		out[k] = v
	}
	return out
}

// User is a MiniCRM user, listed in the project schema's UserId field.
type User struct {
	ID   int64
	Name string
}

// Status is a card status of a category. Group is "Lead", "Open", "Success"
// (the "Vevők" group) or "Failed".
type Status struct {
	ID    int64
	Name  string
	Group string
}

// Field is a custom field definition. Type is MiniCRM's type text
// ("Text(512)", "Int", "DateTime", …); a field with Options is an enum whose
// values are written as an option id or label and read back as the label.
type Field struct {
	Name    string
	Type    string
	Options map[int64]string
}

// Category is a module with its status list and custom card fields.
type Category struct {
	ID       int64
	Name     string
	Type     string // "Generic" if empty
	OrderID  int64
	Statuses []Status
	Fields   []Field
}

func (c *Category) status(id int64) (Status, bool) {
	for _, st := range c.Statuses {
		if st.ID == id {
			return st, true
		}
	}
	return Status{}, false
}

func (c *Category) field(name string) (Field, bool) {
	for _, f := range c.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// AddUser adds a user and returns its id. NewServer seeds "Demo User".
func (s *Server) AddUser(name string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextUser++
	s.users = append(s.users, User{ID: s.nextUser, Name: name})
	return s.nextUser
}

// AddCategory adds a category and returns it with ids filled in for the
// category and its statuses.
func (s *Server) AddCategory(c Category) Category {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c.ID == 0 {
		s.nextCategory++
		c.ID = s.nextCategory
	}
	if c.Type == "" {
		c.Type = "Generic"
	}
	c.Statuses = slices.Clone(c.Statuses)
	for i := range c.Statuses {
		if c.Statuses[i].ID == 0 {
			s.nextStatus++
			c.Statuses[i].ID = s.nextStatus
		}
	}
	c.Fields = slices.Clone(c.Fields)
	s.categories[c.ID] = &c
	return c
}

// AddContactField declares a custom contact field (for Business and Person).
func (s *Server) AddContactField(f Field) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.contactFields[f.Name] = f
}

// nowText is the fake clock's time as MiniCRM writes it.
func (s *Server) nowText() string { return s.clock.Now().In(budapest).Format(timeLayout) }

func stamp(t time.Time, def string) string {
	if t.IsZero() {
		return def
	}
	return t.In(budapest).Format(timeLayout)
}

func sortedIDs(m map[int64]record) []int64 {
	return slices.Sorted(maps.Keys(m))
}
