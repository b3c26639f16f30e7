package minicrmtest

import (
	"testing"

	"konnyuszamla/crm"
)

// NewClient returns a real *crm.Client pointed at srv, sharing srv's clock
// (so rate-limit and backoff waits take no real time) and trusting its TLS
// certificate. opts may adjust the configuration before the client is made.
func NewClient(t testing.TB, srv *Server, opts ...func(*crm.Config)) *crm.Client {
	t.Helper()
	cfg := crm.Config{
		BaseURL:    srv.URL(),
		SystemID:   srv.SystemID(),
		APIKey:     srv.APIKey(),
		UserAgent:  "KonnyuSzamla/test",
		HTTPClient: srv.HTTPClient(),
		Clock:      srv.Clock(),
	}
	for _, o := range opts {
		o(&cfg)
	}
	c, err := crm.NewClient(cfg)
	if err != nil {
		t.Fatalf("minicrmtest: new client: %v", err)
	}
	return c
}
