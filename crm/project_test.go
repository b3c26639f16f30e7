package crm_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"konnyuszamla/crm"
	"konnyuszamla/crm/minicrmtest"
)

func TestCategoriesAndProjectSchema(t *testing.T) {
	srv, c := newFake(t)
	sales := seedSales(srv)
	srv.AddCategory(minicrmtest.Category{Name: "Számlázó", OrderID: -1})
	ctx := context.Background()

	cats, err := c.Categories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(cats) != 2 || cats[0].Name != "Számlázó" || cats[1].ID != sales.ID || cats[1].Type != "Generic" {
		t.Errorf("categories = %+v, want Számlázó (OrderID -1) first, then Értékesítés", cats)
	}

	schema, err := c.ProjectSchema(ctx, sales.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := schema.Statuses()[sales.Statuses[2].ID]; got != "Vevő" {
		t.Errorf("status %d = %q, want Vevő", sales.Statuses[2].ID, got)
	}
	if id, ok := schema.OptionID("Forras", "telefon"); !ok || id != 1508 {
		t.Errorf("OptionID(Forras, telefon) = %d, %v", id, ok)
	}
	if len(schema.Users()) != 1 || schema.Fields["Name"].Type != "Text(512)" {
		t.Errorf("schema users %v, Name %+v", schema.Users(), schema.Fields["Name"])
	}
	if _, err := c.ProjectSchema(ctx, 9999); !errors.Is(err, crm.ErrNotFound) {
		t.Errorf("schema of unknown category: %v, want ErrNotFound", err)
	}
}

func TestProjectLifecycle(t *testing.T) {
	srv, c := newFake(t)
	sales := seedSales(srv)
	person := srv.AddContact(minicrmtest.Contact{Type: "Person", FirstName: "Anna", LastName: "Nagy"})
	ctx := context.Background()

	id, err := c.CreateProject(ctx, crm.Project{CategoryID: sales.ID, ContactID: person, Name: "Nagy Anna – 2026/0001",
		Status: "Vevő", ReferenceID: "ksz-inv-1", Fields: map[string]crm.Value{"Forras": crm.ValueOf("Telefon")}})
	if err != nil {
		t.Fatal(err)
	}
	p, err := c.Project(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	// The detail carries labels where lists carry ids.
	if p.Status != "Vevő" || p.User != "Demo User" || p.StatusID != 0 || p.CategoryID != sales.ID || p.ReferenceID != "ksz-inv-1" {
		t.Errorf("detail: %+v", p)
	}
	if got := p.Fields["Forras"].String(); got != "Telefon" {
		t.Errorf("enum field = %q, want its label", got)
	}

	if err := c.UpdateProject(ctx, id, crm.ProjectPatch{Fields: map[string]any{"SzamlaSorszama": "E-2026-1"}}); err != nil {
		t.Fatal(err)
	}
	if got := srv.Projects()[0].Fields["SzamlaSorszama"]; got != "E-2026-1" {
		t.Errorf("custom field after update = %v", got)
	}

	// Customers ("Vevők") of the sales module: found by the status group,
	// with the list's numeric status id.
	customers, err := collect(c.AllProjects(ctx, crm.ProjectFilter{CategoryID: sales.ID, StatusGroup: crm.GroupSuccess}))
	if err != nil {
		t.Fatal(err)
	}
	if len(customers) != 1 || customers[0].StatusID != sales.Statuses[2].ID || customers[0].StatusGroup != crm.GroupSuccess {
		t.Fatalf("customers = %+v", customers)
	}

	// Trashed cards disappear from the default search but not from the trash.
	if err := c.UpdateProject(ctx, id, crm.ProjectPatch{Deleted: new(true)}); err != nil {
		t.Fatal(err)
	}
	page, err := c.SearchProjects(ctx, crm.ProjectFilter{CategoryID: sales.ID}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) != 0 {
		t.Errorf("trashed card still listed: %+v", page.Items)
	}
	page, err = c.SearchProjects(ctx, crm.ProjectFilter{CategoryID: sales.ID, Deleted: crm.OnlyDeleted}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) != 1 || !page.Items[0].Deleted {
		t.Errorf("trash = %+v", page.Items)
	}
}

func TestCreateProjectWithUnknownStatusIsRejected(t *testing.T) {
	srv, c := newFake(t)
	sales := seedSales(srv)
	person := srv.AddContact(minicrmtest.Contact{Type: "Person", FirstName: "Anna"})

	_, err := c.CreateProject(context.Background(), crm.Project{CategoryID: sales.ID, ContactID: person, Status: "Nincs ilyen"})
	if !errors.Is(err, crm.ErrBadRequest) || errors.Is(err, crm.ErrOutcomeUnknown) {
		t.Fatalf("err = %v, want ErrBadRequest only", err)
	}
	if msg := crm.Explain(err); msg != "A MiniCRM elutasította a kérést: Project (PUT): Invalid value 'Nincs ilyen' for the StatusId field." {
		t.Errorf("Explain = %q", msg)
	}
	if len(srv.Projects()) != 0 {
		t.Error("a rejected card was stored")
	}
}

func TestUpdatedSinceIsSentAsBudapestTime(t *testing.T) {
	srv, c := newFake(t)
	seedSales(srv)
	since := time.Date(2026, 7, 1, 8, 0, 0, 0, time.UTC) // 10:00 in Budapest (CEST)
	if _, err := c.SearchProjects(context.Background(), crm.ProjectFilter{UpdatedSince: since}, 0); err != nil {
		t.Fatal(err)
	}
	req := srv.Requests()[0]
	if got := req.Query.Get("UpdatedSince"); got != "2026-07-01 10:00:00" {
		t.Errorf("UpdatedSince = %q, want Budapest local time", got)
	}
	// MiniCRM documents "+" for the space, which url.Values.Encode writes.
	if want := "UpdatedSince=2026-07-01+10%3A00%3A00"; !strings.Contains(req.RawQuery, want) {
		t.Errorf("raw query %q lacks %q", req.RawQuery, want)
	}
	if req.UserAgent != "KonnyuSzamla/test" {
		t.Errorf("User-Agent = %q", req.UserAgent)
	}
}

func TestUpdatedSinceFindsOnlyLaterChanges(t *testing.T) {
	srv, c := newFake(t)
	old := srv.AddContact(minicrmtest.Contact{Type: "Business", Name: "Régi", UpdatedAt: time.Date(2025, 1, 1, 0, 0, 0, 0, crm.Budapest())})
	fresh := srv.AddContact(minicrmtest.Contact{Type: "Business", Name: "Friss", UpdatedAt: time.Date(2026, 1, 2, 0, 0, 0, 0, crm.Budapest())})

	got, err := collect(c.AllContacts(context.Background(), crm.ContactFilter{UpdatedSince: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)}))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != fresh {
		t.Errorf("changed since 2025-06 = %+v, want only %d (not %d)", got, fresh, old)
	}
}

func TestCreateToDoUsesPut(t *testing.T) {
	srv, c := newFake(t)
	sales := seedSales(srv)
	person := srv.AddContact(minicrmtest.Contact{Type: "Person", FirstName: "Anna"})
	pid := srv.AddProject(minicrmtest.Project{CategoryID: sales.ID, ContactID: person, Name: "Kártya"})

	deadline := time.Date(2026, 4, 20, 10, 0, 0, 0, crm.Budapest())
	id, err := c.CreateToDo(context.Background(), crm.ToDo{ProjectID: pid, Comment: "Számla kiküldve", Deadline: deadline})
	if err != nil {
		t.Fatal(err)
	}
	todos := srv.ToDos()
	if len(todos) != 1 || todos[0].ID != id || todos[0].Comment != "Számla kiküldve" || !todos[0].Deadline.Equal(deadline) {
		t.Errorf("todos = %+v", todos)
	}
	if n := srv.CountRequests("PUT", "/Api/R3/ToDo/"); n != 1 {
		t.Errorf("PUT /Api/R3/ToDo/ sent %d times, want 1", n)
	}
}
