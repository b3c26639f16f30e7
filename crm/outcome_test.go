package crm_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"konnyuszamla/crm"
	"konnyuszamla/crm/minicrmtest"
)

func TestCreateWithServerErrorAfterWriteIsOutcomeUnknown(t *testing.T) {
	srv, c := newFake(t)
	srv.FailNext(1, minicrmtest.FaultServerErrorAfterWrite)
	ctx := context.Background()

	_, err := c.CreateContact(ctx, crm.Contact{Type: crm.Business, Name: "Dupla Kft.", VATNumber: "12345678-2-42"})
	if !errors.Is(err, crm.ErrOutcomeUnknown) {
		t.Fatalf("err = %v, want ErrOutcomeUnknown", err)
	}
	if n := srv.CountRequests(http.MethodPut, "/Api/R3/Contact"); n != 1 || len(srv.Requests()) != 1 {
		t.Fatalf("%d requests (%d creates), want exactly one: a create is never retried", len(srv.Requests()), n)
	}
	if !strings.HasPrefix(crm.Explain(err), "Nem tudni, hogy a MiniCRM rögzítette-e") {
		t.Errorf("Explain = %q", crm.Explain(err))
	}
	// The write did happen; searching by the VAT number finds it, so the
	// caller links it instead of creating a duplicate.
	page, err := c.SearchContacts(ctx, crm.ContactFilter{VATNumber: "12345678-2-42", Type: crm.Business}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) != 1 || len(srv.Contacts()) != 1 {
		t.Errorf("found %d, stored %d; want the one contact", len(page.Items), len(srv.Contacts()))
	}
}

func TestCreateProjectOutcomeUnknownRecoversByReferenceID(t *testing.T) {
	srv, c := newFake(t)
	sales := seedSales(srv)
	person := srv.AddContact(minicrmtest.Contact{Type: "Person", FirstName: "Anna"})
	srv.FailNext(1, minicrmtest.FaultDisconnectAfterWrite)
	ctx := context.Background()

	_, err := c.CreateProject(ctx, crm.Project{CategoryID: sales.ID, ContactID: person, Name: "Számla 2026/7", ReferenceID: "ksz-7"})
	if !errors.Is(err, crm.ErrOutcomeUnknown) {
		t.Fatalf("err = %v, want ErrOutcomeUnknown", err)
	}
	if n := srv.CountRequests(http.MethodPut, "/Api/R3/Project"); n != 1 {
		t.Fatalf("%d creates sent, want 1", n)
	}
	page, err := c.SearchProjects(ctx, crm.ProjectFilter{CategoryID: sales.ID, ReferenceID: "ksz-7"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) != 1 || page.Items[0].Name != "Számla 2026/7" {
		t.Errorf("search by ReferenceId = %+v", page.Items)
	}
}

func TestCreateFailuresAreNeverRetried(t *testing.T) {
	tests := []struct {
		name    string
		fault   minicrmtest.Fault
		applied bool
	}{
		{"500 before the write", minicrmtest.FaultServerError, false},
		{"500 after the write", minicrmtest.FaultServerErrorAfterWrite, true},
		{"connection dropped before", minicrmtest.FaultDisconnect, false},
		{"connection dropped after", minicrmtest.FaultDisconnectAfterWrite, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := newFake(t)
			srv.FailNext(1, tt.fault)
			_, err := c.CreateContact(context.Background(), crm.Contact{Type: crm.Person, LastName: "Egyszer"})
			if !errors.Is(err, crm.ErrOutcomeUnknown) {
				t.Fatalf("err = %v, want ErrOutcomeUnknown (the client cannot tell the cases apart)", err)
			}
			if n := len(srv.Requests()); n != 1 {
				t.Errorf("%d requests, want 1", n)
			}
			if got := len(srv.Contacts()); got != map[bool]int{true: 1, false: 0}[tt.applied] {
				t.Errorf("%d contacts stored", got)
			}
		})
	}
}

func TestCreateTimeoutIsOutcomeUnknown(t *testing.T) {
	srv, c := newFake(t, func(cfg *crm.Config) { cfg.HTTPClient = &http.Client{Timeout: 100 * time.Millisecond} })
	srv.DelayNext(1, 5*time.Second)
	_, err := c.CreateAddress(context.Background(), crm.Address{ContactID: 1, City: "Pécs"})
	if !errors.Is(err, crm.ErrOutcomeUnknown) {
		t.Fatalf("err = %v, want ErrOutcomeUnknown", err)
	}
	if n := len(srv.Requests()); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

func TestCreateIsRetriedAfter429(t *testing.T) {
	// A 429 is a refusal before any work: retrying cannot duplicate.
	srv, c := newFake(t)
	srv.FailNext(1, minicrmtest.FaultRateLimit)
	id, err := c.CreateContact(context.Background(), crm.Contact{Type: crm.Business, Name: "Türelmes Kft."})
	if err != nil {
		t.Fatal(err)
	}
	if got := srv.Contacts(); len(got) != 1 || got[0].ID != id {
		t.Errorf("contacts %+v, want exactly the one created", got)
	}
	if n := len(srv.Requests()); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}

func TestCreateWithoutIdInAnswerIsOutcomeUnknown(t *testing.T) {
	srv, c := newFake(t)
	srv.SetResponse(http.MethodPut, "/Api/R3/Contact", http.StatusOK, `{"Id":""}`)
	_, err := c.CreateContact(context.Background(), crm.Contact{Type: crm.Business, Name: "X"})
	if !errors.Is(err, crm.ErrOutcomeUnknown) || !errors.Is(err, crm.ErrInvalidResponse) {
		t.Fatalf("err = %v, want ErrOutcomeUnknown and ErrInvalidResponse", err)
	}
}
