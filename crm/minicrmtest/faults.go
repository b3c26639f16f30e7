package minicrmtest

import (
	"net/http"
	"time"
)

// Fault is an injected failure for the next requests.
type Fault int

// The faults. "After write" means the request was applied to the state
// before the failure, which is what makes a create's outcome unknown.
const (
	NoFault                    Fault = iota
	FaultRateLimit                   // 429 "Too many requests" (with Options.RetryAfter)
	FaultServerError                 // 500 before anything is applied
	FaultServerErrorAfterWrite       // applied, then 500
	FaultDisconnect                  // connection closed without an answer, nothing applied
	FaultDisconnectAfterWrite        // applied, then the connection is closed
)

func (f Fault) String() string {
	switch f {
	case FaultRateLimit:
		return "429"
	case FaultServerError:
		return "500"
	case FaultServerErrorAfterWrite:
		return "500-after-write"
	case FaultDisconnect:
		return "disconnect"
	case FaultDisconnectAfterWrite:
		return "disconnect-after-write"
	}
	return "none"
}

type fault struct {
	kind  Fault
	delay time.Duration
}

// FailNext makes the next n requests fail with f (queued after any faults
// already pending). Injected faults come before auth and the rate limit.
func (s *Server) FailNext(n int, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for range n {
		s.faults = append(s.faults, fault{kind: f})
	}
}

// DelayNext makes the next n requests wait d of real time before they are
// answered normally (or until the client gives up), to exercise timeouts.
func (s *Server) DelayNext(n int, d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for range n {
		s.faults = append(s.faults, fault{delay: d})
	}
}

// SetDelay makes every answer wait d of real time (0 turns it off).
func (s *Server) SetDelay(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.delay = d
}

func (s *Server) currentDelay() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.delay
}

func (s *Server) nextFault() fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.faults) == 0 {
		return fault{}
	}
	f := s.faults[0]
	s.faults = s.faults[1:]
	return f
}

// hangUp closes the connection without writing a response.
func hangUp(w http.ResponseWriter) {
	rc := http.NewResponseController(w)
	conn, _, err := rc.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler) // HTTP/2: abort the stream instead
	}
	conn.Close()
}

// override is a canned answer for one method and path.
type override struct {
	status      int
	contentType string
	body        string
}

// SetResponse makes every authenticated, admitted request for method and
// path (no query) get this raw answer instead of the emulated one, e.g. to
// test a decoder against a captured body. A body starting with '{' or '['
// is sent as JSON, anything else as plain text.
func (s *Server) SetResponse(method, path string, status int, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ct := "text/plain; charset=UTF-8"
	if len(body) > 0 && (body[0] == '{' || body[0] == '[') {
		ct = "application/json"
	}
	s.overrides[method+" "+path] = override{status: status, contentType: ct, body: body}
}

func (s *Server) override(method, path string) (override, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o, ok := s.overrides[method+" "+path]
	return o, ok
}

func (s *Server) writeRaw(w http.ResponseWriter, o override) {
	w.Header().Set("Content-Type", o.contentType)
	w.WriteHeader(o.status)
	w.Write([]byte(o.body))
}
