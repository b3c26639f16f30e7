package minicrmtest

import (
	"maps"
	"net/http"
	"slices"
	"strings"
)

// putContact is PUT /Contact (create: no id, always a new record) and
// PUT /Contact/{id} (partial update).
func (s *Server) putContact(w http.ResponseWriter, r *http.Request, args []string) {
	body, err := readBody(r)
	if err != nil || len(body) == 0 {
		s.writeText(w, http.StatusBadRequest, errBadParam("Contact", "PUT", "Data (JSON)"))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var rec record
	create := len(args) == 0
	if create {
		rec = record{}
	} else {
		id, ok := parseID(args)
		existing, found := s.contacts[id]
		if !ok || !found {
			s.writeText(w, http.StatusNotFound, "Not Found")
			return
		}
		rec = maps.Clone(existing)
	}
	if msg := s.applyContact(rec, body, create); msg != "" {
		s.writeText(w, http.StatusBadRequest, msg)
		return
	}
	now := s.nowText()
	if create {
		s.nextContact++
		rec["Id"] = s.nextContact
		rec["CreatedBy"], rec["CreatedAt"] = "Demo User", now
	}
	rec["UpdatedBy"], rec["UpdatedAt"] = "Demo User", now
	s.contacts[rec.int("Id")] = rec
	s.writeJSON(w, http.StatusOK, map[string]any{"Id": rec.int("Id")})
}

// applyContact merges body into rec with MiniCRM's rules and returns the
// plain-text error, or "".
func (s *Server) applyContact(rec record, body map[string]any, create bool) string {
	const e, m = "Contact", "PUT"
	if t, ok := body["Type"]; ok || create {
		ts, isString := t.(string)
		// Live: Type=2 was rejected; only the two strings are accepted.
		if !isString || (ts != "Person" && ts != "Business") {
			return errBadValue(e, m, text(t), "Type")
		}
		if !create && ts != rec.str("Type") {
			return errBadParam(e, m, "Type")
		}
		rec["Type"] = ts
	}
	for k, v := range body {
		switch {
		case k == "Type":
		case k == "Id", k == "CreatedBy", k == "CreatedAt", k == "UpdatedBy", k == "UpdatedAt":
			return errBadParam(e, m, k)
		case k == "BusinessId":
			b, ok := integer(v)
			biz, found := s.contacts[b]
			if !ok || (b != 0 && (!found || biz.str("Type") != "Business")) {
				return errBadValue(e, m, text(v), "BusinessId")
			}
			if !create && b != rec.int("BusinessId") {
				// Persons cannot be moved between companies through the API.
				return errBadParam(e, m, "BusinessId")
			}
			rec[k] = b
		case slices.Contains(contactInt, k):
			n, ok := integer(v)
			if !ok {
				return errBadValue(e, m, text(v), k)
			}
			rec[k] = n
		case slices.Contains(contactText, k):
			rec[k] = text(v)
		case k == "Tags":
			rec[k] = v
		default:
			f, ok := s.contactFields[k]
			if !ok {
				return errBadParam(e, m, k)
			}
			if msg := setCustom(rec, f, v, e); msg != "" {
				return msg
			}
		}
	}
	switch rec.str("Type") {
	case "Business":
		if strings.TrimSpace(rec.str("Name")) == "" {
			return errBadParam(e, m, "Name")
		}
	case "Person":
		if strings.TrimSpace(rec.str("FirstName")+rec.str("LastName")) == "" {
			return errBadParam(e, m, "FirstName")
		}
	}
	return ""
}

// setCustom stores a custom field value, checking enums against the schema
// (values cannot be created through the API).
func setCustom(rec record, f Field, v any, entity string) string {
	if f.Options != nil {
		if t := text(v); t == "" || t == "0" {
			rec[f.Name] = int64(0)
			return ""
		}
		id, ok := enumValue(f.Options, v)
		if !ok {
			return errBadValue(entity, "PUT", text(v), f.Name)
		}
		rec[f.Name] = id
		return ""
	}
	if strings.HasPrefix(f.Type, "Int") {
		n, ok := integer(v)
		if !ok {
			return errBadValue(entity, "PUT", text(v), f.Name)
		}
		rec[f.Name] = n
		return ""
	}
	rec[f.Name] = text(v)
	return ""
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
