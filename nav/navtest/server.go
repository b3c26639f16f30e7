// Package navtest is a local fake of the NAV Online Számla v3 API for
// tests: tokenExchange, manageInvoice, queryTransactionStatus and
// queryTransactionList over httptest, with NAV's authentication checks,
// XSD-shaped answers, invoice-number uniqueness, and knobs for delays,
// refused requests, lost answers and aborted invoices.
package navtest

import (
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"

	"konnyuszamla/nav"
)

// Credentials of the fake's one technical user; tests configure the client
// with them.
const (
	Login       = "tesztuser01"
	Password    = "Jelszo123"
	SignKey     = "ce-8f5e-215119fa7dd621DLMRHRLH2S"
	ExchangeKey = "FA481F0C5F5A1EE3"
	TaxpayerID  = "12345676"
)

// Server is the fake NAV. Its exported fields may be changed between
// requests (under no lock: set them before the traffic starts).
type Server struct {
	*httptest.Server

	// Now is the server's clock (insDate, token validity).
	Now func() time.Time
	// Delay is waited before each answer.
	Delay time.Duration
	// PollsToFinal is how many status queries see PROCESSING before the
	// final status (DONE or ABORTED). Default 1.
	PollsToFinal int
	// PageSize is the transaction list's page size. Default 50.
	PageSize int
	// Decide, when set, may refuse an invoice with business messages: any
	// ERROR aborts it.
	Decide func(number string, op string, data []byte) []nav.BusinessMessage

	mu       sync.Mutex
	tokens   map[string]time.Time
	txs      []*transaction
	byID     map[string]*transaction
	numbers  map[string]bool // invoice numbers NAV holds (not aborted)
	lose     map[string]int  // operation → answers to drop after processing
	drop     map[string]int  // operation → requests to drop before processing
	fail     map[string][]string
	requests []string // "operation requestId"
	seq      int
}

type transaction struct {
	id     string
	ins    time.Time
	items  []*item
	polled int
}

type item struct {
	op, number string
	data       []byte
	final      string // DONE or ABORTED
	messages   []nav.BusinessMessage
}

// New starts a fake NAV; Close it when done.
func New() *Server {
	s := &Server{Now: time.Now, PollsToFinal: 1, PageSize: 50, tokens: map[string]time.Time{},
		byID: map[string]*transaction{}, numbers: map[string]bool{}, lose: map[string]int{}, drop: map[string]int{},
		fail: map[string][]string{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// BaseURL is the API root to give the client.
func (s *Server) BaseURL() string { return s.URL + "/invoiceService/v3" }

// LoseAnswers makes the next n requests of the operation be processed
// but answered by a dropped connection (a lost response).
func (s *Server) LoseAnswers(op string, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lose[op] += n
}

// DropRequests makes the next n requests of the operation be lost on the
// way: the connection drops before NAV processes anything.
func (s *Server) DropRequests(op string, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.drop[op] += n
}

// FailNext makes the next request of the operation be refused with a
// GeneralErrorResponse carrying errorCode (nothing is processed).
func (s *Server) FailNext(op, errorCode string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fail[op] = append(s.fail[op], errorCode)
}

// Requests lists the requests received, as "operation requestId".
func (s *Server) Requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.requests...)
}

// Submissions counts how many times an invoice number was sent, and how
// many of those were accepted (not aborted).
func (s *Server) Submissions(number string) (sent, accepted int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, tx := range s.txs {
		for _, it := range tx.items {
			if it.number == number {
				sent++
				if it.final == "DONE" {
					accepted++
				}
			}
		}
	}
	return sent, accepted
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	op := strings.TrimPrefix(r.URL.Path, "/invoiceService/v3/")
	body, err := io.ReadAll(io.LimitReader(r.Body, 10<<20))
	if err != nil || r.Method != http.MethodPost {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if s.Delay > 0 {
		select {
		case <-time.After(s.Delay):
		case <-r.Context().Done():
			return
		}
	}
	s.mu.Lock()
	dropped := s.drop[op] > 0
	if dropped {
		s.drop[op]--
	}
	s.mu.Unlock()
	if dropped {
		hangUp(w)
		return
	}
	var resp any
	var status int
	switch op {
	case "tokenExchange":
		resp, status = s.tokenExchange(body)
	case "manageInvoice":
		resp, status = s.manageInvoice(body)
	case "queryTransactionStatus":
		resp, status = s.queryStatus(body)
	case "queryTransactionList":
		resp, status = s.queryList(body)
	default:
		http.NotFound(w, r)
		return
	}
	s.mu.Lock()
	lost := s.lose[op] > 0 && status == http.StatusOK
	if lost {
		s.lose[op]--
	}
	s.mu.Unlock()
	if lost {
		hangUp(w)
		return
	}
	out, err := xml.MarshalIndent(resp, "", "  ")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/xml;charset=UTF-8")
	w.WriteHeader(status)
	fmt.Fprint(w, xml.Header)
	w.Write(out)
}

// hangUp closes the connection without an answer.
func hangUp(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			conn.Close()
			return
		}
	}
	panic(http.ErrAbortHandler)
}
