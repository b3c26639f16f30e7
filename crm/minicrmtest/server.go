package minicrmtest

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Budapest without the OS zone database
)

const timeLayout = "2006-01-02 15:04:05"

var budapest = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Budapest")
	if err != nil {
		panic(err)
	}
	return loc
}()

// Options configure the fake. The zero value is a faithful default.
type Options struct {
	SystemID int64  // default 12345
	APIKey   string // default "0123456789abcdef0123456789abcdef"
	// AuthFailureStatus is the status of a failed login: 401 (the live
	// system, default) or 404 (the manual's "404 Unauthorized").
	AuthFailureStatus int
	// RateLimit is the number of requests per sliding minute (default 60);
	// negative disables the limit.
	RateLimit int
	// RetryAfter, if set, is sent as the Retry-After header of every 429.
	// The real API is not known to send one.
	RetryAfter string
	// StringNumbers writes every integer as a numeric string ("Id": "12"),
	// as older MiniCRM responses do.
	StringNumbers bool
	// LocalizedTypes writes the Type of contact details as a Hungarian
	// system did in one capture ("Személy", "Cég"); searches keep English.
	LocalizedTypes bool
	// TLS serves HTTPS with a test certificate that only srv.HTTPClient trusts.
	TLS bool
	// Clock is the time source; default an auto-advancing clock at
	// 2026-01-05 09:00 Budapest time.
	Clock *Clock
}

// Server is a fake MiniCRM. Its methods are safe for concurrent use.
type Server struct {
	ts    *httptest.Server
	opts  Options
	clock *Clock

	mu                                              sync.Mutex
	users                                           []User
	categories                                      map[int64]*Category
	contactFields                                   map[string]Field
	contacts                                        map[int64]record
	addresses                                       map[int64]record
	projects                                        map[int64]record
	todos                                           map[int64]record
	nextUser, nextCategory, nextStatus              int64
	nextContact, nextAddress, nextProject, nextToDo int64

	window    []time.Time // admitted requests, for the sliding-minute limit
	faults    []fault
	delay     time.Duration
	overrides map[string]override
	log       []*Request
}

// NewServer starts a fake MiniCRM that is closed when the test ends.
func NewServer(t testing.TB, opts Options) *Server {
	t.Helper()
	if opts.SystemID == 0 {
		opts.SystemID = 12345
	}
	if opts.APIKey == "" {
		opts.APIKey = "0123456789abcdef0123456789abcdef"
	}
	if opts.AuthFailureStatus == 0 {
		opts.AuthFailureStatus = http.StatusUnauthorized
	}
	if opts.RateLimit == 0 {
		opts.RateLimit = 60
	}
	if opts.Clock == nil {
		opts.Clock = NewClock(time.Date(2026, 1, 5, 9, 0, 0, 0, budapest))
		opts.Clock.SetAutoAdvance(true)
	}
	s := &Server{
		opts:          opts,
		clock:         opts.Clock,
		categories:    map[int64]*Category{},
		contactFields: map[string]Field{},
		contacts:      map[int64]record{},
		addresses:     map[int64]record{},
		projects:      map[int64]record{},
		todos:         map[int64]record{},
		overrides:     map[string]override{},
		// Id sequences start where the manual's examples live.
		nextUser: 100000, nextCategory: 20, nextStatus: 2500,
		nextContact: 100, nextAddress: 300, nextProject: 2000, nextToDo: 600,
	}
	s.AddUser("Demo User")
	if opts.TLS {
		s.ts = httptest.NewTLSServer(s)
	} else {
		s.ts = httptest.NewServer(s)
	}
	t.Cleanup(s.ts.Close)
	return s
}

// URL is the base URL of the fake (use it as crm.Config.BaseURL).
func (s *Server) URL() string { return s.ts.URL }

// SystemID and APIKey are the credentials the fake accepts.
func (s *Server) SystemID() int64 { return s.opts.SystemID }

// APIKey is the API key the fake accepts.
func (s *Server) APIKey() string { return s.opts.APIKey }

// Clock is the fake's time source; share it with the client under test.
func (s *Server) Clock() *Clock { return s.clock }

// HTTPClient returns an http.Client that trusts the fake (also with TLS).
func (s *Server) HTTPClient() *http.Client { return s.ts.Client() }

// Close shuts the fake down (NewServer also does at the end of the test).
func (s *Server) Close() { s.ts.Close() }

// ServeHTTP runs the pipeline of a real MiniCRM front: log, injected
// faults, auth, rate limit, then the endpoint.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rec := &statusRecorder{ResponseWriter: w}
	entry := Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(), RawQuery: r.URL.RawQuery,
		UserAgent: r.UserAgent(), Body: string(body), At: s.clock.Now()}
	// Logged on arrival, so that a test sees a request the client has
	// already given up on; the status is filled in when the answer is done.
	logged := s.logRequest(entry)
	defer s.update(logged, func(r *Request) { r.Status = rec.status })

	f := s.nextFault()
	s.update(logged, func(r *Request) { r.Fault = f.kind })
	if f.delay > 0 || s.currentDelay() > 0 {
		select {
		case <-time.After(max(f.delay, s.currentDelay())):
		case <-r.Context().Done():
			return // the client gave up
		}
	}
	switch f.kind {
	case FaultRateLimit:
		s.tooMany(rec)
		return
	case FaultServerError:
		s.writeText(rec, http.StatusInternalServerError, "Internal Server Error")
		return
	case FaultDisconnect:
		hangUp(rec)
		return
	}
	if !s.authorized(r) {
		msg := "Unauthorized"
		if s.opts.AuthFailureStatus == http.StatusNotFound {
			msg = "404 - Unauthorized: Access denied"
		}
		s.writeText(rec, s.opts.AuthFailureStatus, msg)
		return
	}
	if strings.HasPrefix(r.URL.Path, "/Api/R3/") && !s.admit() {
		s.tooMany(rec)
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	if f.kind == FaultServerErrorAfterWrite || f.kind == FaultDisconnectAfterWrite {
		// Apply the request, throw the answer away, then fail: the case that
		// makes a create's outcome unknown to the client.
		s.route(httptest.NewRecorder(), r)
		if f.kind == FaultDisconnectAfterWrite {
			hangUp(rec)
			return
		}
		s.writeText(rec, http.StatusInternalServerError, "Internal Server Error")
		return
	}
	if o, ok := s.override(r.Method, r.URL.Path); ok {
		s.writeRaw(rec, o)
		return
	}
	s.route(rec, r)
}

func (s *Server) authorized(r *http.Request) bool {
	user, pass, ok := r.BasicAuth()
	return ok && user == strconv.FormatInt(s.opts.SystemID, 10) && pass == s.opts.APIKey
}

// admit applies the sliding-window limit to an authenticated request.
func (s *Server) admit() bool {
	if s.opts.RateLimit < 0 {
		return true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.clock.Now()
	kept := s.window[:0]
	for _, t := range s.window {
		if now.Sub(t) < time.Minute {
			kept = append(kept, t)
		}
	}
	s.window = kept
	if len(s.window) >= s.opts.RateLimit {
		return false
	}
	s.window = append(s.window, now)
	return true
}

func (s *Server) tooMany(w http.ResponseWriter) {
	if s.opts.RetryAfter != "" {
		w.Header().Set("Retry-After", s.opts.RetryAfter)
	}
	s.writeText(w, http.StatusTooManyRequests, "Too many requests")
}

// route dispatches /Api/R3/<Entity>[/<rest>] like MiniCRM: unknown paths
// are 404, a wrong method is 405 with MiniCRM's Hungarian text.
func (s *Server) route(w http.ResponseWriter, r *http.Request) {
	rest, ok := strings.CutPrefix(r.URL.Path, "/Api/R3/")
	if !ok {
		s.writeText(w, http.StatusNotFound, "Not Found")
		return
	}
	parts := strings.Split(strings.Trim(rest, "/"), "/")
	entity, args := parts[0], parts[1:]
	h, ok := s.handlers()[entity]
	if !ok {
		s.writeText(w, http.StatusNotFound, "Not Found")
		return
	}
	h(w, r, args)
}

type handlerFunc func(w http.ResponseWriter, r *http.Request, args []string)

func (s *Server) handlers() map[string]handlerFunc {
	return map[string]handlerFunc{
		"Category":    s.handleCategory,
		"Schema":      s.handleSchema,
		"Contact":     s.handleContact,
		"AddressList": s.handleAddressList,
		"Address":     s.handleAddress,
		"Project":     s.handleProject,
		"ToDo":        s.handleToDo,
		"ToDoList":    s.handleToDoList,
	}
}

func (s *Server) methodNotAllowed(w http.ResponseWriter, entity, method string) {
	s.writeText(w, http.StatusMethodNotAllowed, entity+" ("+method+"): A metódus nem engedélyezett!")
}

// parseID reads the single numeric argument of /Entity/{id}.
func parseID(args []string) (int64, bool) {
	if len(args) != 1 {
		return 0, false
	}
	id, err := strconv.ParseInt(args[0], 10, 64)
	return id, err == nil && id > 0
}

// apiURL is the API link MiniCRM puts in the Url of search results.
func apiURL(entity string, id int64) string {
	return "https://r3.minicrm.hu/Api/R3/" + entity + "/" + strconv.FormatInt(id, 10)
}
