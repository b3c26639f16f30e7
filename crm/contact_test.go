package crm_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"konnyuszamla/crm"
	"konnyuszamla/crm/minicrmtest"
	"konnyuszamla/domain"
)

func TestCreateCompanyAndPerson(t *testing.T) {
	_, c := newFake(t)
	ctx := context.Background()

	bizID, err := c.CreateContact(ctx, crm.Contact{Type: crm.Business, Name: "Minta Kft.",
		VATNumber: "12345678-2-42", EUVATNumber: "HU12345678", Email: "info@minta.hu"})
	if err != nil {
		t.Fatal(err)
	}
	personID, err := c.CreateContact(ctx, crm.Contact{Type: crm.Person, FirstName: "János", LastName: "Kiss",
		Email: "kiss.janos@minta.hu", BusinessID: bizID})
	if err != nil {
		t.Fatal(err)
	}

	biz, err := c.Contact(ctx, bizID)
	if err != nil {
		t.Fatal(err)
	}
	if biz.Type != crm.Business || biz.Name != "Minta Kft." || biz.VATNumber != "12345678-2-42" || biz.EUVATNumber != "HU12345678" {
		t.Errorf("company read back as %+v", biz)
	}
	if biz.CreatedAt.IsZero() || biz.CreatedAt.Location() != crm.Budapest() {
		t.Errorf("CreatedAt = %v, want a Budapest time", biz.CreatedAt)
	}
	person, err := c.Contact(ctx, personID)
	if err != nil {
		t.Fatal(err)
	}
	// The detail of a person has no Name; Hungarian order is Last First.
	if person.Type != crm.Person || person.Name != "Kiss János" || person.BusinessID != bizID {
		t.Errorf("person read back as Type=%q Name=%q BusinessID=%d", person.Type, person.Name, person.BusinessID)
	}

	// The persons of the company, found the way MiniCRM documents it.
	page, err := c.SearchContacts(ctx, crm.ContactFilter{MainContactID: bizID}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if page.Count != 1 || len(page.Items) != 1 || page.Items[0].ID != personID || page.Items[0].Name != "János Kiss" {
		t.Errorf("persons of company: %+v", page)
	}
}

func TestCreateContactRejectsMissingTypeWithoutRequest(t *testing.T) {
	srv, c := newFake(t)
	if _, err := c.CreateContact(context.Background(), crm.Contact{Name: "Típus nélkül"}); err == nil {
		t.Fatal("created a contact without Type")
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("sent %d requests for an invalid contact, want 0", n)
	}
}

func TestUpdateContactSendsOnlyChangedFields(t *testing.T) {
	srv, c := newFake(t)
	id := srv.AddContact(minicrmtest.Contact{Type: "Business", Name: "Régi Kft.", Email: "regi@minta.hu", Phone: "+36 1 111 1111"})

	if err := c.UpdateContact(context.Background(), id, crm.ContactPatch{Email: new("uj@minta.hu")}); err != nil {
		t.Fatal(err)
	}
	got := srv.Contacts()[0]
	if got.Email != "uj@minta.hu" || got.Name != "Régi Kft." || got.Phone != "+36 1 111 1111" {
		t.Errorf("after update: %+v", got)
	}
	reqs := srv.Requests()
	var body map[string]any
	if err := json.Unmarshal([]byte(reqs[len(reqs)-1].Body), &body); err != nil {
		t.Fatal(err)
	}
	if len(body) != 1 || body["Email"] != "uj@minta.hu" {
		t.Errorf("update body = %v, want only the e-mail", body)
	}
}

func TestUpdateWithoutIDNeverCreates(t *testing.T) {
	srv, c := newFake(t)
	if err := c.UpdateContact(context.Background(), 0, crm.ContactPatch{Name: new("x")}); err == nil {
		t.Fatal("update of id 0 succeeded")
	}
	if n := srv.CountRequests(http.MethodPut, "/Api/R3/Contact"); n != 0 {
		t.Errorf("an update with id 0 sent %d creates", n)
	}
}

func TestSearchContactsByVATNumberAndEmail(t *testing.T) {
	srv, c := newFake(t)
	want := srv.AddContact(minicrmtest.Contact{Type: "Business", Name: "Adós Kft.", VatNumber: "11111111-2-41", Email: "a@adós.hu"})
	srv.AddContact(minicrmtest.Contact{Type: "Business", Name: "Más Kft.", VatNumber: "22222222-2-42", Email: "A@adós.hu"})
	ctx := context.Background()

	page, err := c.SearchContacts(ctx, crm.ContactFilter{VATNumber: "11111111-2-41", Type: crm.Business}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) != 1 || page.Items[0].ID != want {
		t.Errorf("by VAT number: %+v", page.Items)
	}
	// E-mail is not unique in MiniCRM: both come back.
	page, err = c.SearchContacts(ctx, crm.ContactFilter{Email: "a@adós.hu"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if page.Count != 2 {
		t.Errorf("by e-mail: Count = %d, want 2", page.Count)
	}
}

func TestPastedAPIURLAsBaseURL(t *testing.T) {
	srv := minicrmtest.NewServer(t, minicrmtest.Options{})
	srv.AddContactField(minicrmtest.Field{Name: "SzamlazasiNev", Type: "Text(512)"})
	// The URL form MiniCRM shows, credentials and path included.
	u := strings.Replace(srv.URL(), "http://", fmt.Sprintf("http://%d:%s@", srv.SystemID(), srv.APIKey()), 1) + "/Api/R3/Contact"
	c, err := crm.NewClient(crm.Config{BaseURL: u, HTTPClient: srv.HTTPClient(), Clock: srv.Clock()})
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.ContactSchema(context.Background(), crm.Business)
	if err != nil {
		t.Fatal(err)
	}
	if s.Fields["SzamlazasiNev"].Type != "Text(512)" || s.Fields["VatNumber"].Type == "" {
		t.Errorf("business schema %+v", s.Fields)
	}
	if got := srv.Requests()[0].Path; got != "/Api/R3/Schema/Business" {
		t.Errorf("path %q", got)
	}
}

func TestNewClientNeedsCredentials(t *testing.T) {
	for _, cfg := range []crm.Config{{APIKey: "k"}, {SystemID: 98}, {SystemID: 98, APIKey: "k", BaseURL: "r3.minicrm.hu"}} {
		if _, err := crm.NewClient(cfg); domain.ErrorCode(err) != domain.EInvalid {
			t.Errorf("NewClient(%v) = %v, want an EInvalid error", cfg, err)
		}
	}
}
