package crm_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"konnyuszamla/crm"
	"konnyuszamla/crm/minicrmtest"
)

func TestWrongKeyIsUnauthorizedAndNotRetried(t *testing.T) {
	for _, status := range []int{http.StatusUnauthorized, http.StatusNotFound} {
		t.Run(http.StatusText(status), func(t *testing.T) {
			// The live API answers 401; the manual documents "404 Unauthorized".
			srv := minicrmtest.NewServer(t, minicrmtest.Options{AuthFailureStatus: status})
			c := minicrmtest.NewClient(t, srv, func(cfg *crm.Config) { cfg.APIKey = "rosszkulcs" })
			_, err := c.Categories(context.Background())
			if !errors.Is(err, crm.ErrUnauthorized) || errors.Is(err, crm.ErrNotFound) {
				t.Fatalf("err = %v, want ErrUnauthorized", err)
			}
			if n := len(srv.Requests()); n != 1 {
				t.Errorf("%d requests, want 1", n)
			}
			want := fmt.Sprintf("A rendszerazonosító vagy az API kulcs hibás (%d)", status)
			if msg := crm.Explain(err); !strings.HasPrefix(msg, want) || !strings.Contains(msg, "REST APIs + XML szinkronizáció") {
				t.Errorf("Explain = %q", msg)
			}
		})
	}
}

func TestUnknownIDIsNotFound(t *testing.T) {
	_, c := newFake(t)
	_, err := c.Contact(context.Background(), 999)
	if !errors.Is(err, crm.ErrNotFound) || errors.Is(err, crm.ErrUnauthorized) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
	apiErr := requireAPIError(t, err)
	if apiErr.Status != 404 || apiErr.Endpoint != "GET /Api/R3/Contact/999" {
		t.Errorf("APIError %+v", apiErr)
	}
	if !strings.HasPrefix(err.Error(), "get contact 999: ") {
		t.Errorf("error lacks context: %q", err)
	}
}

func TestUntrustedCertificateIsTLSError(t *testing.T) {
	srv := minicrmtest.NewServer(t, minicrmtest.Options{TLS: true})
	// The default HTTP client does not trust the test certificate, like a
	// machine behind an intercepting proxy does not trust the proxy's.
	c, err := crm.NewClient(crm.Config{BaseURL: srv.URL(), SystemID: srv.SystemID(), APIKey: srv.APIKey(), Clock: srv.Clock()})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Categories(context.Background())
	if !errors.Is(err, crm.ErrTLS) {
		t.Fatalf("err = %v, want ErrTLS", err)
	}
	if !strings.Contains(crm.Explain(err), "tanúsítvány") {
		t.Errorf("Explain = %q", crm.Explain(err))
	}
	// Trusting the certificate fixes it.
	if _, err := minicrmtest.NewClient(t, srv).Categories(context.Background()); err != nil {
		t.Errorf("trusted TLS: %v", err)
	}
}

func TestNoNetworkIsUnavailable(t *testing.T) {
	dnsFail := &http.Client{Transport: &http.Transport{DialContext: func(context.Context, string, string) (net.Conn, error) {
		return nil, &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: "r3.minicrm.hu", IsNotFound: true}}
	}}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closedAddr := "http://" + ln.Addr().String()
	ln.Close() // nothing listens there any more: connection refused

	tests := map[string]crm.Config{
		"name does not resolve": {HTTPClient: dnsFail},
		"connection refused":    {BaseURL: closedAddr},
	}
	for name, cfg := range tests {
		t.Run(name, func(t *testing.T) {
			clock := minicrmtest.NewClock(start)
			clock.SetAutoAdvance(true)
			cfg.SystemID, cfg.APIKey, cfg.Clock = 98, "d9cb0000a572", clock
			c, err := crm.NewClient(cfg)
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.CreateContact(context.Background(), crm.Contact{Type: crm.Business, Name: "X"})
			// Nothing was sent, so even a create is plainly unavailable.
			if !errors.Is(err, crm.ErrUnavailable) || errors.Is(err, crm.ErrOutcomeUnknown) {
				t.Fatalf("err = %v, want ErrUnavailable without ErrOutcomeUnknown", err)
			}
			if msg := crm.Explain(err); msg != "A MiniCRM nem érhető el: nincs hálózati kapcsolat vagy a név nem oldható fel." {
				t.Errorf("Explain = %q", msg)
			}
		})
	}
}

func TestTimeoutExplained(t *testing.T) {
	srv, c := newFake(t, func(cfg *crm.Config) {
		cfg.HTTPClient = &http.Client{Timeout: 50 * time.Millisecond}
		cfg.MaxAttempts = 2
	})
	srv.SetDelay(5 * time.Second)
	_, err := c.Categories(context.Background())
	if !errors.Is(err, crm.ErrUnavailable) {
		t.Fatalf("err = %v, want ErrUnavailable", err)
	}
	if msg := crm.Explain(err); !strings.HasPrefix(msg, "A MiniCRM nem válaszolt időben.") {
		t.Errorf("Explain = %q", msg)
	}
	if n := len(srv.Requests()); n != 2 {
		t.Errorf("%d requests, want MaxAttempts = 2", n)
	}
}

func TestCancelledContextStopsWithoutRequest(t *testing.T) {
	srv, c := newFake(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := c.Categories(ctx)
	if !errors.Is(err, context.Canceled) || crm.Explain(err) != "A művelet megszakadt." {
		t.Fatalf("err = %v (%q)", err, crm.Explain(err))
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests after cancel", n)
	}
}

func TestExplainNil(t *testing.T) {
	if got := crm.Explain(nil); got != "" {
		t.Errorf("Explain(nil) = %q", got)
	}
}
