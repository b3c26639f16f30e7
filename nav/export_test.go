package nav_test

import (
	"context"
	"strings"
	"testing"

	"konnyuszamla/domain"
	"konnyuszamla/nav"
	"konnyuszamla/nav/navtest"
)

// TestExportFromStorage: "nav export" of stored documents is valid
// invoiceData, with the sztornó's index taken from its queued report.
func TestExportFromStorage(t *testing.T) {
	e := newQueueEnv(t)
	ctx := context.Background()
	a := e.issue(domain.DocInvoice, e.company, domain.VAT27)
	b := e.issue(domain.DocInvoice, e.person, domain.VATTAM)
	s := e.cancel(a)
	p := e.issue(domain.DocProforma, e.company, domain.VAT5)
	ex := nav.Exporter{Documents: e.db, Reports: e.db}
	docs := map[string][]byte{}
	for _, n := range []string{a, b, s} {
		data, err := ex.InvoiceData(ctx, n)
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		docs[strings.ReplaceAll(n, "/", "_")] = data
	}
	if !strings.Contains(string(docs[strings.ReplaceAll(s, "/", "_")]), "<modificationIndex>1</modificationIndex>") {
		t.Error("the sztornó has no modification index")
	}
	if _, err := ex.InvoiceData(ctx, p); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("proforma export: %v", err)
	}
	if _, err := ex.InvoiceData(ctx, "nincs"); domain.ErrorCode(err) != domain.ENotFound {
		t.Errorf("unknown number: %v", err)
	}
	validateXSD(t, "invoiceData.xsd", docs)
}

func TestConnectorTestConnection(t *testing.T) {
	srv := navtest.New()
	defer srv.Close()
	c := nav.Connector{Software: nav.DefaultSoftware("1"), BaseURL: srv.BaseURL()}
	s, sec := fakeCredentials()
	if err := c.TestConnection(context.Background(), s, sec); err != nil {
		t.Fatal(err)
	}
	sec.ExchangeKey = "0000000000000000"
	err := c.TestConnection(context.Background(), s, sec)
	if domain.ErrorCode(err) != domain.EUnavailable || !strings.Contains(domain.ErrorMessage(err), "cserekulcs") {
		t.Errorf("wrong exchange key: %v", err)
	}
	sec.Password = "rossz"
	if err := c.TestConnection(context.Background(), s, sec); !strings.Contains(domain.ErrorMessage(err), "technikai felhasználót") {
		t.Errorf("wrong password: %v", err)
	}
}
