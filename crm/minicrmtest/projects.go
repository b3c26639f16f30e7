package minicrmtest

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"
)

// Project is a seeded or stored card.
type Project struct {
	ID          int64
	CategoryID  int64
	ContactID   int64
	BusinessID  int64
	Name        string
	StatusID    int64 // default: the category's first status
	UserID      int64 // default: the first user
	Deleted     bool
	ReferenceID string
	Fields      map[string]any // custom fields (enum values as option ids)
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

var projectBase = []string{"Id", "CategoryId", "ContactId", "BusinessId", "Name", "StatusId", "UserId",
	"Deleted", "ReferenceId", "IsPrivate", "StatusUpdatedAt", "CreatedBy", "CreatedAt", "UpdatedBy", "UpdatedAt"}

// AddProject stores a card and returns its id.
func (s *Server) AddProject(p Project) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p.ID == 0 {
		s.nextProject++
		p.ID = s.nextProject
	}
	if cat, ok := s.categories[p.CategoryID]; ok && p.StatusID == 0 && len(cat.Statuses) > 0 {
		p.StatusID = cat.Statuses[0].ID
	}
	if p.UserID == 0 {
		p.UserID = s.users[0].ID
	}
	now := s.nowText()
	r := record{"Id": p.ID, "CategoryId": p.CategoryID, "ContactId": p.ContactID, "BusinessId": p.BusinessID,
		"Name": p.Name, "StatusId": p.StatusID, "UserId": p.UserID, "Deleted": boolInt(p.Deleted),
		"ReferenceId": p.ReferenceID, "IsPrivate": int64(0), "StatusUpdatedAt": stamp(p.CreatedAt, now),
		"CreatedBy": "Demo User", "CreatedAt": stamp(p.CreatedAt, now), "UpdatedBy": "Demo User",
		"UpdatedAt": stamp(p.UpdatedAt, now)}
	for k, v := range p.Fields {
		r[k] = v
	}
	s.projects[p.ID] = r
	return p.ID
}

// Projects returns every stored card in id order.
func (s *Server) Projects() []Project {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Project, 0, len(s.projects))
	for _, id := range sortedIDs(s.projects) {
		r := s.projects[id]
		out = append(out, Project{ID: id, CategoryID: r.int("CategoryId"), ContactID: r.int("ContactId"),
			BusinessID: r.int("BusinessId"), Name: r.str("Name"), StatusID: r.int("StatusId"),
			UserID: r.int("UserId"), Deleted: r.int("Deleted") != 0, ReferenceID: r.str("ReferenceId"),
			Fields: r.custom(projectBase), CreatedAt: r.time("CreatedAt"), UpdatedAt: r.time("UpdatedAt")})
	}
	return out
}

func (s *Server) handleProject(w http.ResponseWriter, r *http.Request, args []string) {
	switch {
	case r.Method == http.MethodGet && len(args) == 0:
		s.searchProjects(w, r)
	case r.Method == http.MethodGet:
		id, ok := parseID(args)
		s.mu.Lock()
		rec, found := s.projects[id]
		var body map[string]any
		if found {
			body = s.projectDetail(rec)
		}
		s.mu.Unlock()
		if !ok || !found {
			s.writeText(w, http.StatusNotFound, "Not Found")
			return
		}
		s.writeJSON(w, http.StatusOK, body)
	case r.Method == http.MethodPut:
		s.putProject(w, r, args)
	default:
		s.methodNotAllowed(w, "Project", r.Method)
	}
}

func (s *Server) searchProjects(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	s.mu.Lock()
	defer s.mu.Unlock()
	if name, ok := checkParams(q, func(k string) bool {
		switch k {
		case "Page", "Query", "UpdatedSince", "MainContactId", "StatusGroup":
			return true
		}
		return slices.Contains(projectBase, k) || s.isProjectField(k)
	}); !ok {
		s.writeText(w, http.StatusBadRequest, errBadParam("Project", "GET", name))
		return
	}
	var ids []int64
	for _, id := range sortedIDs(s.projects) {
		if s.projectMatches(s.projects[id], q) {
			ids = append(ids, id)
		}
	}
	var items obj
	for _, id := range pageOf(q, ids) {
		rec := s.projects[id]
		item := map[string]any{"Id": id, "Name": rec.str("Name"), "Url": apiURL("Project", id),
			"ContactId": rec.int("ContactId"), "StatusId": rec.int("StatusId"), "UserId": rec.int("UserId"),
			"Deleted": rec.int("Deleted")}
		if b := rec.int("BusinessId"); b != 0 {
			item["BusinessId"] = b
		}
		items = append(items, kv{strconv.FormatInt(id, 10), item})
	}
	s.searchResult(w, len(ids), items)
}

func (s *Server) isProjectField(name string) bool {
	for _, c := range s.categories {
		if _, ok := c.field(name); ok {
			return true
		}
	}
	return false
}

func (s *Server) projectMatches(rec record, q map[string][]string) bool {
	cat := s.categories[rec.int("CategoryId")]
	for key, vals := range q {
		v := vals[0]
		switch key {
		case "Page":
		case "StatusGroup":
			if cat == nil {
				return false
			}
			st, ok := cat.status(rec.int("StatusId"))
			if !ok || st.Group != v {
				return false
			}
		case "MainContactId":
			if strconv.FormatInt(rec.int("ContactId"), 10) != v && strconv.FormatInt(rec.int("BusinessId"), 10) != v {
				return false
			}
		case "Name":
			if !matchName(rec.str("Name"), v) {
				return false
			}
		case "Query":
			if !matchQuery([]string{rec.str("Name"), rec.str("ReferenceId")}, v) {
				return false
			}
		case "UpdatedSince":
			since, ok := parseSince(v)
			if !ok || !rec.time("UpdatedAt").After(since) {
				return false
			}
		default:
			var options map[int64]string
			if cat != nil {
				f, _ := cat.field(key)
				options = f.Options
			}
			if !s.fieldEquals(rec, key, v, options) {
				return false
			}
		}
	}
	return true
}

// projectDetail is GET /Project/{id}: StatusId as the status label, UserId
// and the audit users as names, enum fields as labels.
func (s *Server) projectDetail(rec record) map[string]any {
	out := map[string]any{}
	cat := s.categories[rec.int("CategoryId")]
	for k, v := range rec {
		if cat != nil {
			if f, ok := cat.field(k); ok && f.Options != nil {
				v = f.Options[rec.int(k)]
			}
		}
		out[k] = v
	}
	if cat != nil {
		st, _ := cat.status(rec.int("StatusId"))
		out["StatusId"] = st.Name
		for _, f := range cat.Fields {
			if _, ok := out[f.Name]; !ok {
				out[f.Name] = ""
			}
		}
	}
	out["UserId"] = s.userName(rec.int("UserId"))
	out["Invited"] = []any{}
	out["ProjectHash"] = fmt.Sprintf("%032x", rec.int("Id"))
	out["ProjectEmail"] = fmt.Sprintf("p%d@minicrm.example", rec.int("Id"))
	if rec.int("BusinessId") == 0 {
		delete(out, "BusinessId")
	}
	return out
}

func (s *Server) userName(id int64) string {
	for _, u := range s.users {
		if u.ID == id {
			return u.Name
		}
	}
	return ""
}
