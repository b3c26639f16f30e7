package crm_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"konnyuszamla/crm"
	"konnyuszamla/crm/minicrmtest"
)

func TestAllContactsPagesThroughMoreThan100(t *testing.T) {
	srv, c := newFake(t)
	var want []int64
	for i := range 250 {
		want = append(want, srv.AddContact(minicrmtest.Contact{Type: "Business", Name: fmt.Sprintf("Cég %03d", i)}))
	}

	got, err := collect(c.AllContacts(context.Background(), crm.ContactFilter{Type: crm.Business}))
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, ct := range got {
		ids = append(ids, ct.ID)
	}
	if !equalIDs(ids, want) {
		t.Fatalf("got %d contacts, want all 250 in id order", len(ids))
	}
	// Pages 0, 1, 2; Count (250) tells the client page 2 is the last.
	var pages []string
	for _, r := range srv.Requests() {
		pages = append(pages, r.Query.Get("Page"))
	}
	if fmt.Sprint(pages) != "[0 1 2]" {
		t.Errorf("requested pages %v, want [0 1 2]", pages)
	}
}

func TestPagingStopsOnEmptyArrayResults(t *testing.T) {
	srv, c := newFake(t)
	// A server whose Count overstates what it has: page 0 is full, page 1
	// answers the empty-array quirk. The client must stop, not loop.
	var items string
	for i := 1; i <= 100; i++ {
		if i > 1 {
			items += ","
		}
		items += fmt.Sprintf(`"%d":{"Id":%d,"Name":"P%d","StatusId":1,"Deleted":0}`, i, i, i)
	}
	srv.SetResponse(http.MethodGet, "/Api/R3/Project", http.StatusOK, `{"Count":500,"Results":{`+items+`}}`)

	page, err := c.SearchProjects(context.Background(), crm.ProjectFilter{CategoryID: 1}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !page.HasMore() || len(page.Items) != 100 {
		t.Fatalf("page 0: %d items, HasMore %v", len(page.Items), page.HasMore())
	}
	srv.SetResponse(http.MethodGet, "/Api/R3/Project", http.StatusOK, `{"Count":500,"Results":[]}`)
	page, err = c.SearchProjects(context.Background(), crm.ProjectFilter{CategoryID: 1}, 1)
	if err != nil {
		t.Fatal(err)
	}
	if page.HasMore() || len(page.Items) != 0 {
		t.Errorf("empty page: %d items, HasMore %v; want none and no more", len(page.Items), page.HasMore())
	}
}

func TestAllProjectsSkipsTrashAcrossPages(t *testing.T) {
	srv, c := newFake(t)
	sales := seedSales(srv)
	person := srv.AddContact(minicrmtest.Contact{Type: "Person", FirstName: "Vevő"})
	won := sales.Statuses[2].ID
	live := 0
	for i := range 180 {
		deleted := i%10 == 0
		if !deleted {
			live++
		}
		srv.AddProject(minicrmtest.Project{CategoryID: sales.ID, ContactID: person, StatusID: won, Deleted: deleted, Name: fmt.Sprint(i)})
	}
	// Not customers: another status group.
	srv.AddProject(minicrmtest.Project{CategoryID: sales.ID, ContactID: person, StatusID: sales.Statuses[0].ID})

	got, err := collect(c.AllProjects(context.Background(), crm.ProjectFilter{CategoryID: sales.ID, StatusGroup: crm.GroupSuccess}))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != live {
		t.Errorf("got %d customer cards, want %d (180 minus the trashed)", len(got), live)
	}
	for _, p := range got {
		if p.Deleted || p.StatusID != won {
			t.Fatalf("unexpected card %+v", p)
		}
	}
}

func TestIteratorStopsEarlyAndReportsErrors(t *testing.T) {
	srv, c := newFake(t)
	for i := range 150 {
		srv.AddContact(minicrmtest.Contact{Type: "Person", FirstName: fmt.Sprint(i)})
	}
	n := 0
	for _, err := range c.AllContacts(context.Background(), crm.ContactFilter{Type: crm.Person}) {
		if err != nil {
			t.Fatal(err)
		}
		if n++; n == 5 {
			break
		}
	}
	if len(srv.Requests()) != 1 {
		t.Errorf("breaking after 5 items fetched %d pages, want 1", len(srv.Requests()))
	}

	srv.SetResponse(http.MethodGet, "/Api/R3/Contact", http.StatusBadRequest, `Contact (GET): Nem megfelelő paraméter: "Foo"`)
	_, err := collect(c.AllContacts(context.Background(), crm.ContactFilter{Type: crm.Person}))
	if err == nil {
		t.Fatal("iterator swallowed the error")
	}
}
