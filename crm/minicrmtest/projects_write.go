package minicrmtest

import (
	"maps"
	"net/http"
)

// putProject is PUT /Project (create) and PUT /Project/{id} (update).
func (s *Server) putProject(w http.ResponseWriter, r *http.Request, args []string) {
	body, err := readBody(r)
	if err != nil || len(body) == 0 {
		s.writeText(w, http.StatusBadRequest, errBadParam("Project", "PUT", "Data (JSON)"))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	create := len(args) == 0
	rec := record{"Name": "", "BusinessId": int64(0), "Deleted": int64(0), "ReferenceId": "", "IsPrivate": int64(0)}
	if !create {
		id, ok := parseID(args)
		existing, found := s.projects[id]
		if !ok || !found {
			s.writeText(w, http.StatusNotFound, "Not Found")
			return
		}
		rec = maps.Clone(existing)
	}
	if msg := s.applyProject(rec, body, create); msg != "" {
		s.writeText(w, http.StatusBadRequest, msg)
		return
	}
	now := s.nowText()
	if create {
		s.nextProject++
		rec["Id"] = s.nextProject
		rec["CreatedBy"], rec["CreatedAt"] = "Demo User", now
		rec["StatusUpdatedAt"] = now
	}
	rec["UpdatedBy"], rec["UpdatedAt"] = "Demo User", now
	s.projects[rec.int("Id")] = rec
	s.writeJSON(w, http.StatusOK, map[string]any{"Id": rec.int("Id")})
}

// applyProject merges body into rec and returns MiniCRM's plain-text error,
// or "".
func (s *Server) applyProject(rec record, body map[string]any, create bool) string {
	const e, m = "Project", "PUT"
	if create {
		cid, ok := integer(body["CategoryId"])
		if _, found := s.categories[cid]; !ok || !found {
			return errBadParam(e, m, "CategoryId")
		}
		rec["CategoryId"] = cid
		if _, ok := body["ContactId"]; !ok {
			return errBadParam(e, m, "ContactId")
		}
	} else if v, ok := body["CategoryId"]; ok {
		if n, _ := integer(v); n != rec.int("CategoryId") {
			return errBadParam(e, m, "CategoryId")
		}
	}
	cat := s.categories[rec.int("CategoryId")]
	for k, v := range body {
		switch k {
		case "CategoryId":
		case "Id", "CreatedBy", "CreatedAt", "UpdatedBy", "UpdatedAt", "StatusUpdatedAt":
			return errBadParam(e, m, k)
		case "ContactId", "BusinessId":
			id, ok := integer(v)
			if _, found := s.contacts[id]; !ok || (!found && (k == "ContactId" || id != 0)) {
				return errBadValue(e, m, text(v), k)
			}
			rec[k] = id
		case "StatusId":
			// An id or the label shown in the UI.
			options := map[int64]string{}
			for _, st := range cat.Statuses {
				options[st.ID] = st.Name
			}
			id, ok := enumValue(options, v)
			if !ok {
				return errBadValue(e, m, text(v), "StatusId")
			}
			if id != rec.int("StatusId") {
				rec["StatusUpdatedAt"] = s.nowText()
			}
			rec[k] = id
		case "UserId":
			options := map[int64]string{}
			for _, u := range s.users {
				options[u.ID] = u.Name
			}
			id, ok := enumValue(options, v)
			if !ok {
				// MiniCRM answers 200 and assigns some user (manual p.80).
				id = s.users[0].ID
			}
			rec[k] = id
		case "Deleted", "IsPrivate":
			n, ok := integer(v)
			if !ok {
				return errBadValue(e, m, text(v), k)
			}
			rec[k] = boolInt(n != 0)
		case "Name", "ReferenceId":
			rec[k] = text(v)
		default:
			f, ok := cat.field(k)
			if !ok {
				return errBadParam(e, m, k)
			}
			if msg := setCustom(rec, f, v, e); msg != "" {
				return msg
			}
		}
	}
	if _, ok := rec["StatusId"]; !ok && len(cat.Statuses) > 0 {
		rec["StatusId"] = cat.Statuses[0].ID
	}
	if _, ok := rec["UserId"]; !ok {
		rec["UserId"] = s.users[0].ID
	}
	return ""
}
