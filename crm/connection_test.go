package crm_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"konnyuszamla/crm"
	"konnyuszamla/crm/minicrmtest"
	"konnyuszamla/domain"
)

// newConnectorFake starts a fake MiniCRM with the modules of a Hungarian
// tenant and returns a Connector wired to it and matching settings.
func newConnectorFake(t *testing.T, opts minicrmtest.Options) (*minicrmtest.Server, crm.Connector, domain.MiniCRMSettings) {
	t.Helper()
	srv := minicrmtest.NewServer(t, opts)
	seedSales(srv)
	srv.AddCategory(minicrmtest.Category{Name: "Számlázó"})
	conn := crm.Connector{UserAgent: "KonnyuSzamla/test", HTTPClient: srv.HTTPClient(), Clock: srv.Clock()}
	s := domain.MiniCRMSettings{SystemID: "12345", BaseURL: srv.URL()}
	return srv, conn, s
}

func TestConnectorListsModules(t *testing.T) {
	srv, conn, s := newConnectorFake(t, minicrmtest.Options{})
	mods, err := conn.TestConnection(context.Background(), s, srv.APIKey())
	if err != nil {
		t.Fatal(err)
	}
	if len(mods) != 2 || mods[0].Name != "Értékesítés" || mods[1].Name != "Számlázó" || mods[0].ID == 0 {
		t.Fatalf("modules %+v", mods)
	}
	if id, ok := domain.DefaultCustomersModule(mods); !ok || id != mods[0].ID {
		t.Errorf("default customers module %d %v", id, ok)
	}
}

func TestConnectorFailuresAreExplained(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name     string
		opts     minicrmtest.Options
		setup    func(*minicrmtest.Server, *crm.Connector, *domain.MiniCRMSettings)
		key      string // "" for the right key
		sentinel error
		want     string
		maxReqs  int // requests the test may make (0: no limit)
	}{
		{name: "wrong key 401", key: "ffffffffffffffffffffffffffffffff", sentinel: crm.ErrUnauthorized,
			want: "API kulcs hibás (401)", maxReqs: 1},
		{name: "wrong key 404", opts: minicrmtest.Options{AuthFailureStatus: 404}, key: "ffff",
			sentinel: crm.ErrUnauthorized, want: "API kulcs hibás (404)", maxReqs: 1},
		{name: "wrong system id", setup: func(_ *minicrmtest.Server, _ *crm.Connector, s *domain.MiniCRMSettings) { s.SystemID = "99" },
			sentinel: crm.ErrUnauthorized, want: "rendszerazonosító vagy az API kulcs hibás", maxReqs: 1},
		{name: "server error", setup: func(srv *minicrmtest.Server, _ *crm.Connector, _ *domain.MiniCRMSettings) {
			srv.FailNext(10, minicrmtest.FaultServerError)
		}, sentinel: crm.ErrUnavailable, want: "szerverhibát jelzett (500)", maxReqs: 2},
		{name: "too many requests", setup: func(srv *minicrmtest.Server, _ *crm.Connector, _ *domain.MiniCRMSettings) {
			srv.FailNext(10, minicrmtest.FaultRateLimit)
		}, sentinel: crm.ErrRateLimited, want: "Túl sok kérés", maxReqs: 2},
		{name: "timeout", setup: func(srv *minicrmtest.Server, c *crm.Connector, _ *domain.MiniCRMSettings) {
			srv.SetDelay(2 * time.Second)
			c.Timeout = 100 * time.Millisecond
		}, want: "nem válaszolt időben"},
		{name: "no network", setup: func(_ *minicrmtest.Server, _ *crm.Connector, s *domain.MiniCRMSettings) {
			s.BaseURL = "http://127.0.0.1:1" // nothing listens on port 1
		}, sentinel: crm.ErrUnavailable, want: "nincs hálózati kapcsolat"},
		{name: "plain 404", setup: func(srv *minicrmtest.Server, _ *crm.Connector, _ *domain.MiniCRMSettings) {
			// A wrong host or system answers a bare 404, not "404 Unauthorized".
			srv.SetResponse("GET", "/Api/R3/Category", 404, "Not Found")
		}, sentinel: crm.ErrConnectionNotFound, want: "A rendszerazonosító, az API kulcs vagy a MiniCRM címe hibás (404)", maxReqs: 1},
		{name: "untrusted certificate", opts: minicrmtest.Options{TLS: true},
			setup: func(_ *minicrmtest.Server, c *crm.Connector, _ *domain.MiniCRMSettings) {
				c.HTTPClient = nil // the default client does not trust the fake's certificate
			}, sentinel: crm.ErrTLS, want: "TLS"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv, conn, s := newConnectorFake(t, tc.opts)
			if tc.setup != nil {
				tc.setup(srv, &conn, &s)
			}
			key := tc.key
			if key == "" {
				key = srv.APIKey()
			}
			_, err := conn.TestConnection(ctx, s, key)
			if err == nil {
				t.Fatal("no error")
			}
			if tc.sentinel != nil && !errors.Is(err, tc.sentinel) {
				t.Errorf("error %v does not match %v", err, tc.sentinel)
			}
			if msg := conn.ExplainError(err); !strings.Contains(msg, tc.want) {
				t.Errorf("explanation %q lacks %q", msg, tc.want)
			}
			if n := len(srv.Requests()); tc.maxReqs > 0 && n > tc.maxReqs {
				t.Errorf("%d requests, want at most %d", n, tc.maxReqs)
			}
		})
	}
}

func TestConnectorRefusesInvalidSettingsWithoutARequest(t *testing.T) {
	srv, conn, s := newConnectorFake(t, minicrmtest.Options{})
	s.SystemID = "abc"
	_, err := conn.TestConnection(context.Background(), s, srv.APIKey())
	if domain.ErrorCode(err) != domain.EInvalid || len(srv.Requests()) != 0 {
		t.Fatalf("got %v after %d requests", err, len(srv.Requests()))
	}
}

func TestConnectorParseAPIURL(t *testing.T) {
	const key = "d9cb5e1f0a7b4c3d8e2f6a1b9c0d4a572"
	cases := []struct {
		in, id, base string
	}{
		{"https://98:" + key + "@r3.minicrm.hu/Api/R3/Contact", "98", "https://r3.minicrm.hu"},
		{"  98:" + key + "@r3.minicrm.hu\n", "98", "https://r3.minicrm.hu"},
		{"https://51546:" + key + "@r3-test.minicrm.hu/Api/R3", "51546", "https://r3-test.minicrm.hu"},
		{"http://12345:" + key + "@127.0.0.1:8080", "12345", "http://127.0.0.1:8080"},
	}
	var conn crm.Connector
	for _, tc := range cases {
		u, err := conn.ParseAPIURL(tc.in)
		if err != nil || u.SystemID != tc.id || u.APIKey != key || u.BaseURL != tc.base {
			t.Errorf("ParseAPIURL(%q) = %v, %v", tc.in, u, err)
		}
	}
	for _, bad := range []string{"", "r3.minicrm.hu", "98@r3.minicrm.hu", "abc:" + key + "@r3.minicrm.hu", "98:" + key} {
		_, err := conn.ParseAPIURL(bad)
		if domain.ErrorCode(err) != domain.EInvalid || !strings.Contains(err.Error(), "Ilyen formát várunk") ||
			strings.Contains(err.Error(), key) {
			t.Errorf("ParseAPIURL(%q): %v", bad, err)
		}
	}
}

// A 404 of the connection test is never explained as a deleted record;
// other 404s still are (they name a record that went away).
func TestConnectionNotFoundIsNotARecord(t *testing.T) {
	srv, conn, s := newConnectorFake(t, minicrmtest.Options{})
	srv.SetResponse("GET", "/Api/R3/Category", 404, "Not Found")
	_, err := conn.TestConnection(context.Background(), s, srv.APIKey())
	if !errors.Is(err, crm.ErrNotFound) || !errors.Is(err, crm.ErrConnectionNotFound) {
		t.Fatalf("error %v", err)
	}
	msg := conn.ExplainError(err)
	if strings.Contains(msg, "rekord") || !strings.Contains(msg, "hibás (404)") || strings.Contains(msg, srv.APIKey()) {
		t.Errorf("explanation %q", msg)
	}
	record := &crm.APIError{Status: 404, Endpoint: "GET /Api/R3/Contact/5"}
	if got := crm.Explain(fmt.Errorf("get contact: %w", errors.Join(crm.ErrNotFound, record))); !strings.Contains(got, "rekord nem található") {
		t.Errorf("record 404: %q", got)
	}
}
