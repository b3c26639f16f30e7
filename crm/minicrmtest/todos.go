package minicrmtest

import (
	"maps"
	"net/http"
	"time"
)

// ToDo is a stored task.
type ToDo struct {
	ID        int64
	ProjectID int64
	UserID    int64
	Comment   string
	Type      string
	Status    string // "Open" or "Closed"
	Deadline  time.Time
	Duration  int64
	Reminder  int64
	AddressID int64
}

// ToDos returns every stored task in id order.
func (s *Server) ToDos() []ToDo {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]ToDo, 0, len(s.todos))
	for _, id := range sortedIDs(s.todos) {
		r := s.todos[id]
		out = append(out, ToDo{ID: id, ProjectID: r.int("ProjectId"), UserID: r.int("UserId"),
			Comment: r.str("Comment"), Type: r.str("Type"), Status: r.str("Status"), Deadline: r.time("Deadline"),
			Duration: r.int("Duration"), Reminder: r.int("Reminder"), AddressID: r.int("AddressId")})
	}
	return out
}

// handleToDo: create is PUT /ToDo/ (the live API answers POST with 405),
// PUT /ToDo/{id} updates an open task, GET /ToDo/{id} reads one.
func (s *Server) handleToDo(w http.ResponseWriter, r *http.Request, args []string) {
	switch r.Method {
	case http.MethodGet:
		id, ok := parseID(args)
		s.mu.Lock()
		t, found := s.todos[id]
		var out map[string]any
		if found {
			out = maps.Clone(map[string]any(t))
			out["UserId"] = s.userName(t.int("UserId"))
		}
		s.mu.Unlock()
		if !ok || !found {
			s.writeText(w, http.StatusNotFound, "Not Found")
			return
		}
		s.writeJSON(w, http.StatusOK, out)
	case http.MethodPut:
		s.putToDo(w, r, args)
	default:
		s.methodNotAllowed(w, "ToDo", r.Method)
	}
}

func (s *Server) putToDo(w http.ResponseWriter, r *http.Request, args []string) {
	const e, m = "ToDo", "PUT"
	body, err := readBody(r)
	if err != nil || len(body) == 0 {
		s.writeText(w, http.StatusBadRequest, errBadParam(e, m, "Data (JSON)"))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	create := len(args) == 0
	rec := record{"Status": "Open", "Comment": "", "Type": "", "Deadline": "1970-01-01 01:00:00",
		"Duration": int64(0), "Reminder": int64(0), "AddressId": int64(0), "UserId": s.users[0].ID}
	if !create {
		id, ok := parseID(args)
		existing, found := s.todos[id]
		if !ok || !found {
			s.writeText(w, http.StatusNotFound, "Not Found")
			return
		}
		if existing.str("Status") == "Closed" {
			s.writeText(w, http.StatusBadRequest, errBadParam(e, m, "Status"))
			return
		}
		rec = maps.Clone(existing)
	}
	for k, v := range body {
		switch k {
		case "ProjectId":
			pid, ok := integer(v)
			if _, found := s.projects[pid]; !ok || !found || (!create && pid != rec.int("ProjectId")) {
				s.writeText(w, http.StatusBadRequest, errBadValue(e, m, text(v), k))
				return
			}
			rec[k] = pid
		case "UserId":
			options := map[int64]string{}
			for _, u := range s.users {
				options[u.ID] = u.Name
			}
			id, ok := enumValue(options, v)
			if !ok {
				id = s.users[0].ID
			}
			rec[k] = id
		case "Duration", "Reminder", "AddressId":
			n, ok := integer(v)
			if !ok {
				s.writeText(w, http.StatusBadRequest, errBadValue(e, m, text(v), k))
				return
			}
			rec[k] = n
		case "Comment", "Type", "Status", "ClosedAt":
			rec[k] = text(v)
		case "Deadline":
			t, ok := parseSince(text(v))
			if !ok {
				s.writeText(w, http.StatusBadRequest, errBadValue(e, m, text(v), k))
				return
			}
			rec[k] = t.Format(timeLayout)
		default:
			s.writeText(w, http.StatusBadRequest, errBadParam(e, m, k))
			return
		}
	}
	if rec.int("ProjectId") == 0 {
		s.writeText(w, http.StatusBadRequest, errBadParam(e, m, "ProjectId"))
		return
	}
	if create {
		s.nextToDo++
		rec["Id"] = s.nextToDo
		rec["CreatedAt"] = s.nowText()
	}
	s.todos[rec.int("Id")] = rec
	s.writeJSON(w, http.StatusOK, map[string]any{"Id": rec.int("Id")})
}

// handleToDoList is GET /ToDoList/{projectId}[?Status=Open|Closed|All]; its
// Results is an array, unlike the other lists.
func (s *Server) handleToDoList(w http.ResponseWriter, r *http.Request, args []string) {
	if r.Method != http.MethodGet {
		s.methodNotAllowed(w, "ToDoList", r.Method)
		return
	}
	pid, ok := parseID(args)
	status := r.URL.Query().Get("Status")
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, found := s.projects[pid]; !ok || !found {
		s.writeText(w, http.StatusNotFound, "Not Found")
		return
	}
	items := []any{}
	for _, id := range sortedIDs(s.todos) {
		t := s.todos[id]
		if t.int("ProjectId") != pid || (status != "" && status != "All" && t.str("Status") != status) {
			continue
		}
		items = append(items, map[string]any{"Id": id, "Status": t.str("Status"), "Comment": t.str("Comment"),
			"Deadline": t.str("Deadline"), "UserId": s.userName(t.int("UserId")), "Type": t.str("Type"),
			"Url": apiURL("ToDo", id)})
	}
	s.writeJSON(w, http.StatusOK, map[string]any{"Count": int64(len(items)), "Results": items})
}
