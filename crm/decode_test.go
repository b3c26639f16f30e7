package crm_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"konnyuszamla/crm"
)

// Each case serves a captured or documented MiniCRM body and checks what the
// app would see.

func TestContactDetailQuirks(t *testing.T) {
	bp := crm.Budapest()
	tests := []struct {
		name  string
		body  string
		check func(t *testing.T, c *crm.Contact)
	}{
		{"ids as numbers", `{"Id":37147,"Type":"Person","FirstName":"John","LastName":"Doe","BusinessId":37146,"Deleted":0}`,
			func(t *testing.T, c *crm.Contact) {
				if c.ID != 37147 || c.BusinessID != 37146 || c.Deleted || c.Name != "Doe John" {
					t.Errorf("%+v", c)
				}
			}},
		{"ids as strings (older API)", `{"Id":"12345","Type":"Business","Name":"X","BusinessId":"","Deleted":"1"}`,
			func(t *testing.T, c *crm.Contact) {
				if c.ID != 12345 || c.BusinessID != 0 || !c.Deleted {
					t.Errorf("%+v", c)
				}
			}},
		{"null and true", `{"Id":1,"Type":"Business","Name":"X","BusinessId":null,"Deleted":true,"Email":null}`,
			func(t *testing.T, c *crm.Contact) {
				if c.BusinessID != 0 || !c.Deleted || c.Email != "" {
					t.Errorf("%+v", c)
				}
			}},
		{"localized type Személy", `{"Id":1,"Type":"Személy","FirstName":"Anna"}`,
			func(t *testing.T, c *crm.Contact) {
				if c.Type != crm.Person {
					t.Errorf("Type = %q", c.Type)
				}
			}},
		{"localized type Cég, PHP-escaped", `{"Id":1,"Type":"C\u00e9g","Name":"\u00c1rv\u00edzt\u0171r\u0151 Kft.","Url":"https:\/\/minta.hu"}`,
			func(t *testing.T, c *crm.Contact) {
				if c.Type != crm.Business || c.Name != "Árvíztűrő Kft." || c.Website != "https://minta.hu" {
					t.Errorf("%+v", c)
				}
			}},
		{"Budapest times, winter and summer", `{"Id":1,"Type":"Business","Name":"X","CreatedAt":"2022-01-25 12:18:49","UpdatedAt":"2023-07-30 09:29:55"}`,
			func(t *testing.T, c *crm.Contact) {
				if !c.CreatedAt.Equal(time.Date(2022, 1, 25, 11, 18, 49, 0, time.UTC)) ||
					!c.UpdatedAt.Equal(time.Date(2023, 7, 30, 7, 29, 55, 0, time.UTC)) || c.UpdatedAt.Location() != bp {
					t.Errorf("CreatedAt %v UpdatedAt %v", c.CreatedAt, c.UpdatedAt)
				}
			}},
		{"zero dates", `{"Id":1,"Type":"Business","Name":"X","CreatedAt":"0000-00-00 00:00:00","UpdatedAt":"1970-01-01 01:00:00"}`,
			func(t *testing.T, c *crm.Contact) {
				if !c.CreatedAt.IsZero() || !c.UpdatedAt.IsZero() {
					t.Errorf("CreatedAt %v UpdatedAt %v, want zero", c.CreatedAt, c.UpdatedAt)
				}
			}},
		{"empty date and empty tags", `{"Id":1,"Type":"Business","Name":"X","CreatedAt":"","Tags":[]}`,
			func(t *testing.T, c *crm.Contact) {
				if !c.CreatedAt.IsZero() || len(c.Tags) != 0 {
					t.Errorf("%+v", c)
				}
			}},
		{"custom fields kept", `{"Id":1,"Type":"Business","Name":"X","SzamlazasiNev":"Minta Zrt.","Employees":"12","Capital":0}`,
			func(t *testing.T, c *crm.Contact) {
				if c.Fields["SzamlazasiNev"].String() != "Minta Zrt." {
					t.Errorf("SzamlazasiNev = %q", c.Fields["SzamlazasiNev"])
				}
				if n, ok := c.Fields["Employees"].Int(); !ok || n != 12 {
					t.Errorf("Employees = %d, %v", n, ok)
				}
				if _, ok := c.Fields["Name"]; ok {
					t.Error("known field Name also in Fields")
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := newFake(t)
			srv.SetResponse(http.MethodGet, "/Api/R3/Contact/1", http.StatusOK, tt.body)
			got, err := c.Contact(context.Background(), 1)
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, got)
		})
	}
}

func TestSearchResultShapes(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		count   int
		wantIDs []int64
	}{
		{"empty is []", `{"Count":0,"Results":[]}`, 0, nil},
		{"empty object", `{"Count":0,"Results":{}}`, 0, nil},
		{"null results", `{"Count":0,"Results":null}`, 0, nil},
		{"object keyed by id, string count", `{"Count":"2","Results":{"102":{"Id":102,"Name":"B","Type":"Business"},"99":{"Id":"99","Name":"A","Type":"Person","BusinessId":102}}}`,
			2, []int64{99, 102}},
		{"array of items", `{"Count":2,"Results":[{"Id":5,"Name":"A"},{"Id":6,"Name":"B"}]}`, 2, []int64{5, 6}},
		{"id only in the key", `{"Count":1,"Results":{"7":{"Name":"A"}}}`, 1, []int64{7}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := newFake(t)
			srv.SetResponse(http.MethodGet, "/Api/R3/Contact", http.StatusOK, tt.body)
			page, err := c.SearchContacts(context.Background(), crm.ContactFilter{Name: "x"}, 0)
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, it := range page.Items {
				ids = append(ids, it.ID)
			}
			if page.Count != tt.count || !equalIDs(ids, tt.wantIDs) || page.HasMore() {
				t.Errorf("Count %d, ids %v, HasMore %v; want %d, %v, false", page.Count, ids, page.HasMore(), tt.count, tt.wantIDs)
			}
		})
	}
}

func TestProjectListVersusDetail(t *testing.T) {
	srv, c := newFake(t)
	// Live captures: the list has ids, the detail has labels and names.
	srv.SetResponse(http.MethodGet, "/Api/R3/Project", http.StatusOK,
		`{"Count":1,"Results":{"10":{"Id":10,"Name":"Sample","Url":"https:\/\/r3.minicrm.hu\/Api\/R3\/Project\/10","ContactId":101,"StatusId":2519,"UserId":100001,"Deleted":0,"BusinessId":100}}}`)
	srv.SetResponse(http.MethodGet, "/Api/R3/Project/10", http.StatusOK,
		`{"Id":10,"CategoryId":5,"ContactId":101,"StatusId":"Feldolgoz\u00e1sra v\u00e1r","UserId":"Demo User","Name":"Sample","StatusUpdatedAt":"2026-01-01 00:00:00","IsPrivate":0,"Invited":[],"Deleted":0,"SatisfactionRating":"","BusinessId":100,"OsszegBrutto":"1 270,00"}`)
	ctx := context.Background()

	page, err := c.SearchProjects(ctx, crm.ProjectFilter{CategoryID: 5}, 0)
	if err != nil {
		t.Fatal(err)
	}
	item := page.Items[0]
	if item.StatusID != 2519 || item.UserID != 100001 || item.BusinessID != 100 || item.CategoryID != 5 || item.Status != "" {
		t.Errorf("list item %+v", item)
	}
	p, err := c.Project(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if p.Status != "Feldolgozásra vár" || p.User != "Demo User" || p.StatusID != 0 || p.UserID != 0 {
		t.Errorf("detail %+v", p)
	}
	// Hungarian number format in a custom field, as money in fillér.
	if n, err := p.Fields["OsszegBrutto"].Amount(2); err != nil || n != 127000 {
		t.Errorf("OsszegBrutto = %d, %v; want 127000", n, err)
	}
	if _, ok := p.Fields["Invited"]; ok {
		t.Error("Invited is a built-in field, not a custom one")
	}
}

func TestCategoryAndSchemaShapes(t *testing.T) {
	srv, c := newFake(t)
	ctx := context.Background()
	// The plain form (live capture), in case Detailed=1 is ignored.
	srv.SetResponse(http.MethodGet, "/Api/R3/Category", http.StatusOK,
		`{"23":"\u00c9rt\u00e9kes\u00edt\u00e9s","38":"Projektek","5":"\u00dcgyf\u00e9lszolg\u00e1lat"}`)
	cats, err := c.Categories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(cats) != 3 || cats[0].ID != 5 || cats[0].Name != "Ügyfélszolgálat" || cats[1].Name != "Értékesítés" {
		t.Errorf("categories %+v", cats)
	}
	// The manual's detailed example has an inner Id that does not match the key.
	srv.SetResponse(http.MethodGet, "/Api/R3/Category", http.StatusOK, `{"3":{"Id":1,"OrderId":"2","Name":"Sales","Type":"Generic"}}`)
	cats, err = c.Categories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(cats) != 1 || cats[0].ID != 3 || cats[0].OrderID != 2 {
		t.Errorf("detailed categories %+v", cats)
	}

	srv.SetResponse(http.MethodGet, "/Api/R3/Schema/Project/5", http.StatusOK,
		`{"Id":"Int","StatusId":{"2519":"Feldolgoz\u00e1sra v\u00e1r"},"Jelenlet":{"1":"1","2":"2","4":"3"},"Ures":[],"Name":"Text(512)"}`)
	s, err := c.ProjectSchema(ctx, 5)
	if err != nil {
		t.Fatal(err)
	}
	if s.Statuses()[2519] != "Feldolgozásra vár" || len(s.Fields["Jelenlet"].Options) != 3 ||
		s.Fields["Ures"].Type != "Enum" || s.Fields["Name"].Type != "Text(512)" {
		t.Errorf("schema %+v", s.Fields)
	}
}

func TestAddressShapes(t *testing.T) {
	lists := map[string]string{
		"structured": `{"Results":{"310":{"Id":310,"Address":"Iroda (1111 Budapest F\u0151 u. 1.)","Url":"https:\/\/r3.minicrm.hu\/Api\/R3\/Address\/310"},"307":{"Id":"307","Address":"Otthon ()"}},"Count":2}`,
		"plain":      `{"Results":{"307":"Otthon ()","310":"Iroda (1111 Budapest F\u0151 u. 1.)"},"Count":2}`,
		"old array":  `{"Count":2,"Results":[{"307":"Otthon ()","310":"Iroda (1111 Budapest F\u0151 u. 1.)"}]}`,
	}
	for name, body := range lists {
		t.Run(name, func(t *testing.T) {
			srv, c := newFake(t)
			srv.SetResponse(http.MethodGet, "/Api/R3/AddressList/1", http.StatusOK, body)
			refs, err := c.AddressList(context.Background(), 1)
			if err != nil {
				t.Fatal(err)
			}
			if len(refs) != 2 || refs[0].ID != 307 || refs[1].ID != 310 || refs[1].Label != "Iroda (1111 Budapest Fő u. 1.)" {
				t.Errorf("refs %+v", refs)
			}
		})
	}

	srv, c := newFake(t)
	// PostalCode as a number, Default as "1", CountryId as a name.
	srv.SetResponse(http.MethodGet, "/Api/R3/Address/5", http.StatusOK,
		`{"Id":"5","ContactId":37979,"Type":"Sz\u00e1ml\u00e1z\u00e1si c\u00edm","Name":"","CountryId":"Magyarorsz\u00e1g","PostalCode":5555,"City":"Szeged","Address":"F\u0151 u. 1.","Default":"1"}`)
	a, err := c.Address(context.Background(), 5)
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != 5 || a.PostalCode != "5555" || !a.Default || a.Type != crm.BillingAddressType || a.Country != "Magyarország" {
		t.Errorf("address %+v", a)
	}
}

func TestNonJSONSuccessIsInvalidResponse(t *testing.T) {
	srv, c := newFake(t)
	srv.SetResponse(http.MethodGet, "/Api/R3/Contact/1", http.StatusOK, "<html>Wi-Fi login</html>")
	_, err := c.Contact(context.Background(), 1)
	if !errors.Is(err, crm.ErrInvalidResponse) {
		t.Fatalf("err = %v, want ErrInvalidResponse", err)
	}
	if len(srv.Requests()) != 1 {
		t.Errorf("an unreadable answer was retried %d times", len(srv.Requests())-1)
	}
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
