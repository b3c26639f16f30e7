package minicrmtest

import (
	"net/http"
	"net/url"
	"time"
)

// Request is one request as the fake saw it.
type Request struct {
	Method string
	Path   string
	Query  url.Values
	// RawQuery is the query as sent ("UpdatedSince=2026-01-05+10%3A00%3A00").
	RawQuery  string
	UserAgent string
	Body      string
	Status    int       // the status answered; 0 for a dropped connection
	At        time.Time // fake-clock time of arrival
	Fault     Fault     // the injected fault, if any
}

// Requests returns every request so far, in arrival order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, len(s.log))
	for i, r := range s.log {
		out[i] = *r
	}
	return out
}

// CountRequests returns how many requests had this method and path.
func (s *Server) CountRequests(method, path string) int {
	n := 0
	for _, r := range s.Requests() {
		if r.Method == method && r.Path == path {
			n++
		}
	}
	return n
}

func (s *Server) logRequest(r Request) *Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log = append(s.log, &r)
	return &r
}

// update changes a logged request under the lock (Requests copies them).
func (s *Server) update(r *Request, f func(*Request)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(r)
}

// statusRecorder remembers the status a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection (for hang-ups).
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
