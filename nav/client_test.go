package nav_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"konnyuszamla/domain"
	"konnyuszamla/nav"
	"konnyuszamla/nav/navtest"
)

// recorder keeps every request and response body that passes.
type recorder struct {
	mu    sync.Mutex
	next  http.RoundTripper
	names []string
	docs  map[string][]byte
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	body, _ := io.ReadAll(req.Body)
	req.Body = io.NopCloser(bytes.NewReader(body))
	resp, err := r.next.RoundTrip(req)
	r.mu.Lock()
	defer r.mu.Unlock()
	n := len(r.docs)
	r.docs[fmt.Sprintf("%03d-request", n)] = body
	if err == nil {
		data, _ := io.ReadAll(resp.Body)
		resp.Body = io.NopCloser(bytes.NewReader(data))
		r.docs[fmt.Sprintf("%03d-response", n)] = data
	}
	return resp, err
}

func fakeCredentials() (domain.NAVSettings, domain.NAVSecrets) {
	return domain.NAVSettings{Login: navtest.Login, TaxNumber: "12345676-2-42"},
		domain.NAVSecrets{Password: navtest.Password, SignKey: navtest.SignKey, ExchangeKey: navtest.ExchangeKey}
}

func newClient(srv *navtest.Server, rt http.RoundTripper) *nav.Client {
	s, sec := fakeCredentials()
	return &nav.Client{BaseURL: srv.BaseURL(), HTTP: &http.Client{Transport: rt, Timeout: 5 * time.Second},
		Settings: s, Secrets: sec, Software: nav.DefaultSoftware("1.0.0")}
}

func invoiceOps(t *testing.T, invs ...*domain.Invoice) []nav.OperationData {
	var ops []nav.OperationData
	for _, inv := range invs {
		op, _ := nav.OperationOf(inv)
		ops = append(ops, nav.OperationData{Operation: op, Base64Data: base64.StdEncoding.EncodeToString(build(t, inv))})
	}
	return ops
}

// TestClientAgainstFake runs the four operations, and checks that every
// request the client sends and every answer the fake gives is valid
// against invoiceApi.xsd.
func TestClientAgainstFake(t *testing.T) {
	srv := navtest.New()
	defer srv.Close()
	srv.PageSize = 1
	rec := &recorder{next: http.DefaultTransport, docs: map[string][]byte{}}
	c := newClient(srv, rec)
	ctx := context.Background()

	a := issued(t, "2026/00001", draft(buyerDomestic, domain.HUF, "", line("A", "1", "db", "100", domain.VAT27)))
	b := issued(t, "2026/00002", draft(buyerPerson, domain.HUF, "", line("B", "1", "db", "100", domain.VAT5)))
	from := time.Now().Add(-time.Minute)
	tx1, err := c.ManageInvoice(ctx, invoiceOps(t, a, b))
	if err != nil || tx1 == "" {
		t.Fatalf("manageInvoice: %q, %v", tx1, err)
	}
	res, err := c.QueryTransactionStatus(ctx, tx1, false)
	if err != nil || len(res) != 2 || res[0].InvoiceStatus != "PROCESSING" {
		t.Fatalf("first status: %+v, %v", res, err)
	}
	res, err = c.QueryTransactionStatus(ctx, tx1, true)
	if err != nil || res[0].InvoiceStatus != "DONE" || res[1].InvoiceStatus != "DONE" || res[0].OriginalRequest == "" {
		t.Fatalf("second status: %+v, %v", res, err)
	}
	// A sztornó; then the same invoice again, which NAV refuses.
	tx2, err := c.ManageInvoice(ctx, invoiceOps(t, stornoOf(t, "2026/00003", a), a))
	if err != nil {
		t.Fatal(err)
	}
	c.QueryTransactionStatus(ctx, tx2, false)
	res, _ = c.QueryTransactionStatus(ctx, tx2, false)
	if res[0].InvoiceStatus != "DONE" || res[1].InvoiceStatus != "ABORTED" || res[1].BusinessMessages[0].ErrorCode != "INVOICE_NUMBER_NOT_UNIQUE" {
		t.Errorf("sztornó and duplicate: %+v", res)
	}
	list, err := c.QueryTransactionList(ctx, from, time.Now().Add(time.Minute))
	if err != nil || len(list) != 2 || list[0].TransactionID != tx1 || list[1].TransactionID != tx2 {
		t.Errorf("transaction list over two pages: %+v, %v", list, err)
	}

	// A refused request and wrong credentials are APIErrors.
	srv.FailNext("manageInvoice", "OPERATION_FAILED")
	var apiErr *nav.APIError
	if _, err := c.ManageInvoice(ctx, invoiceOps(t, b)); !errors.As(err, &apiErr) || errors.Is(err, nav.ErrOutcomeUnknown) {
		t.Errorf("refused request: %v", err)
	}
	bad := newClient(srv, rec)
	bad.Secrets.Password = "rossz"
	if _, err := bad.TokenExchange(ctx); !errors.As(err, &apiErr) || apiErr.Code != "INVALID_SECURITY_USER" {
		t.Errorf("wrong password: %v", err)
	}
	bad = newClient(srv, rec)
	bad.Secrets.SignKey = "rossz"
	if _, err := bad.TokenExchange(ctx); !errors.As(err, &apiErr) || apiErr.Code != "INVALID_REQUEST_SIGNATURE" {
		t.Errorf("wrong signature key: %v", err)
	}
	bad = newClient(srv, rec)
	bad.Secrets.ExchangeKey = "0000000000000000"
	if _, err := bad.TokenExchange(ctx); !errors.Is(err, nav.ErrExchangeToken) {
		t.Errorf("wrong exchange key: %v", err)
	}
	validateXSD(t, "invoiceApi.xsd", rec.docs)
}

func TestLostAnswerIsOutcomeUnknown(t *testing.T) {
	srv := navtest.New()
	defer srv.Close()
	c := newClient(srv, http.DefaultTransport)
	srv.LoseAnswers("manageInvoice", 1)
	a := issued(t, "2026/00001", draft(buyerDomestic, domain.HUF, "", line("A", "1", "db", "100", domain.VAT27)))
	_, err := c.ManageInvoice(context.Background(), invoiceOps(t, a))
	if !errors.Is(err, nav.ErrOutcomeUnknown) {
		t.Fatalf("lost answer: %v", err)
	}
	if sent, accepted := srv.Submissions("2026/00001"); sent != 1 || accepted != 1 {
		t.Errorf("NAV got it %d times, accepted %d", sent, accepted)
	}
	// A server that cannot be reached at all: the request never left.
	srv.Close()
	if _, err := c.ManageInvoice(context.Background(), invoiceOps(t, a)); err == nil || errors.Is(err, nav.ErrOutcomeUnknown) {
		t.Errorf("unreachable server: %v", err)
	}
}

func TestRequestIDs(t *testing.T) {
	seen := map[string]bool{}
	now := time.Now()
	for i := 0; i < 1000; i++ {
		id := nav.NewRequestID(now)
		if len(id) > 30 || seen[id] {
			t.Fatalf("request id %q (len %d, repeated %v)", id, len(id), seen[id])
		}
		for _, r := range id {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '+') {
				t.Fatalf("request id %q has %q", id, r)
			}
		}
		seen[id] = true
	}
	if len(nav.SoftwareID) != 18 {
		t.Errorf("software id %q is not 18 characters", nav.SoftwareID)
	}
}

func TestClientRefusesWithoutDeveloperContact(t *testing.T) {
	saved := nav.DevContact
	nav.DevContact = ""
	defer func() { nav.DevContact = saved }()
	c := nav.Connector{Software: nav.DefaultSoftware("1")}
	err := c.TestConnection(t.Context(), domain.NAVSettings{}, domain.NAVSecrets{})
	if !errors.Is(err, nav.ErrNoDevContact) || !strings.Contains(domain.ErrorMessage(err), "fejlesztőnek a NAV-nál bejelentett elérhetősége") {
		t.Fatalf("err = %v", err)
	}
}
