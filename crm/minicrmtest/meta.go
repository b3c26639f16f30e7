package minicrmtest

import (
	"maps"
	"net/http"
	"slices"
	"strconv"
)

func (s *Server) handleCategory(w http.ResponseWriter, r *http.Request, args []string) {
	if r.Method != http.MethodGet || len(args) != 0 {
		s.methodNotAllowed(w, "Category", r.Method)
		return
	}
	detailed := r.URL.Query().Get("Detailed") == "1"
	s.mu.Lock()
	defer s.mu.Unlock()
	var out obj
	for _, id := range slices.Sorted(maps.Keys(s.categories)) {
		c := s.categories[id]
		key := strconv.FormatInt(id, 10)
		if detailed {
			out = append(out, kv{key, map[string]any{"Id": id, "OrderId": c.OrderID, "Name": c.Name, "Type": c.Type,
				"SenderName": "", "SenderEmail": "", "Phone": ""}})
		} else {
			out = append(out, kv{key, c.Name})
		}
	}
	s.writeJSON(w, http.StatusOK, out)
}

// handleSchema serves Schema/Business, Schema/Person and Schema/Project/{cat}.
func (s *Server) handleSchema(w http.ResponseWriter, r *http.Request, args []string) {
	if r.Method != http.MethodGet {
		s.methodNotAllowed(w, "Schema", r.Method)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case len(args) == 1 && (args[0] == "Business" || args[0] == "Person"):
		out := map[string]any{"Id": "Int", "Type": "Text(64)", "Deleted": "Int", "CreatedBy": s.userOptions(),
			"CreatedAt": "DateTime", "UpdatedBy": s.userOptions(), "UpdatedAt": "DateTime", "Tags": "Text(65535)"}
		for _, k := range contactText {
			out[k] = "Text(512)"
		}
		for _, k := range contactInt {
			out[k] = "Int"
		}
		for _, f := range s.contactFields {
			out[f.Name] = fieldSchema(f)
		}
		s.writeJSON(w, http.StatusOK, out)
	case len(args) == 2 && args[0] == "Project":
		id, err := strconv.ParseInt(args[1], 10, 64)
		cat, ok := s.categories[id]
		if err != nil || !ok {
			s.writeText(w, http.StatusNotFound, "Not Found")
			return
		}
		var cats, statuses obj
		for _, cid := range slices.Sorted(maps.Keys(s.categories)) {
			cats = append(cats, kv{strconv.FormatInt(cid, 10), s.categories[cid].Name})
		}
		for _, st := range cat.Statuses {
			statuses = append(statuses, kv{strconv.FormatInt(st.ID, 10), st.Name})
		}
		out := map[string]any{"Id": "Int", "CategoryId": cats, "ContactId": "Int", "BusinessId": "Int",
			"StatusId": statuses, "UserId": s.userOptions(), "Name": "Text(512)", "StatusUpdatedAt": "DateTime",
			"IsPrivate": "Int", "Invited": "Text(65535)", "Deleted": "Int", "ReferenceId": "Text(512)",
			"CreatedBy": s.userOptions(), "CreatedAt": "DateTime", "UpdatedBy": s.userOptions(), "UpdatedAt": "DateTime"}
		for _, f := range cat.Fields {
			out[f.Name] = fieldSchema(f)
		}
		s.writeJSON(w, http.StatusOK, out)
	default:
		s.writeText(w, http.StatusNotFound, "Not Found")
	}
}

func (s *Server) userOptions() obj {
	var out obj
	for _, u := range s.users {
		out = append(out, kv{strconv.FormatInt(u.ID, 10), u.Name})
	}
	return out
}

// fieldSchema is a field's schema entry: its type, or its options.
func fieldSchema(f Field) any {
	if f.Options == nil {
		return f.Type
	}
	var out obj
	for _, id := range slices.Sorted(maps.Keys(f.Options)) {
		out = append(out, kv{strconv.FormatInt(id, 10), f.Options[id]})
	}
	return out
}
