package minicrmtest_test

import (
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"konnyuszamla/crm/minicrmtest"
)

// do sends a raw request with the fake's credentials (or none).
func do(t *testing.T, srv *minicrmtest.Server, method, path, body string, auth bool) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL()+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if auth {
		req.SetBasicAuth(itoa(srv.SystemID()), srv.APIKey())
	}
	resp, err := srv.HTTPClient().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(data)
}

func TestEmptySearchIsEmptyArray(t *testing.T) {
	srv := minicrmtest.NewServer(t, minicrmtest.Options{})
	status, body := do(t, srv, "GET", "/Api/R3/Contact?Email=senki%40sehol.hu", "", true)
	if status != 200 || body != `{"Count":0,"Results":[]}` {
		t.Errorf("%d %s", status, body)
	}
}

func TestPHPEscapingAndStringNumbers(t *testing.T) {
	srv := minicrmtest.NewServer(t, minicrmtest.Options{StringNumbers: true})
	srv.AddCategory(minicrmtest.Category{ID: 23, Name: "Értékesítés/B2B"})
	status, body := do(t, srv, "GET", "/Api/R3/Category", "", true)
	if status != 200 || body != `{"23":"\u00c9rt\u00e9kes\u00edt\u00e9s\/B2B"}` {
		t.Errorf("%d %s", status, body)
	}
	id := srv.AddContact(minicrmtest.Contact{Type: "Business", Name: "Kft."})
	_, body = do(t, srv, "GET", "/Api/R3/Contact?Type=Business", "", true)
	if !strings.Contains(body, `"Id":"`+itoa(id)+`"`) || !strings.Contains(body, `"Count":"1"`) {
		t.Errorf("ids not strings: %s", body)
	}
}

func TestAuth(t *testing.T) {
	srv := minicrmtest.NewServer(t, minicrmtest.Options{})
	status, body := do(t, srv, "GET", "/Api/R3/Category", "", false)
	if status != 401 || body != "Unauthorized" {
		t.Errorf("no credentials: %d %q", status, body)
	}
	srv404 := minicrmtest.NewServer(t, minicrmtest.Options{AuthFailureStatus: 404})
	status, body = do(t, srv404, "GET", "/Api/R3/Category", "", false)
	if status != 404 || !strings.Contains(body, "Unauthorized") {
		t.Errorf("404 mode: %d %q", status, body)
	}
}

func TestSlidingMinuteLimit(t *testing.T) {
	clock := minicrmtest.NewClock(time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC))
	srv := minicrmtest.NewServer(t, minicrmtest.Options{Clock: clock})
	for i := range 60 {
		if status, _ := do(t, srv, "GET", "/Api/R3/Category", "", true); status != 200 {
			t.Fatalf("request %d: %d", i+1, status)
		}
		if i == 0 {
			clock.Advance(30 * time.Second)
		}
	}
	status, body := do(t, srv, "GET", "/Api/R3/Category", "", true)
	if status != 429 || body != "Too many requests" {
		t.Errorf("61st: %d %q", status, body)
	}
	clock.Advance(30 * time.Second) // the first request leaves the window
	if status, _ := do(t, srv, "GET", "/Api/R3/Category", "", true); status != 200 {
		t.Errorf("after the first left the window: %d", status)
	}
	if status, _ := do(t, srv, "GET", "/Api/R3/Category", "", true); status != 429 {
		t.Errorf("the other 59 are still in the window, got %d", status)
	}
}

func TestFaults(t *testing.T) {
	srv := minicrmtest.NewServer(t, minicrmtest.Options{})
	srv.FailNext(1, minicrmtest.FaultServerErrorAfterWrite)
	status, _ := do(t, srv, "PUT", "/Api/R3/Contact", `{"Type":"Business","Name":"Félig Kft."}`, true)
	if status != 500 || len(srv.Contacts()) != 1 {
		t.Errorf("500 after write: status %d, %d contacts", status, len(srv.Contacts()))
	}
	srv.FailNext(1, minicrmtest.FaultServerError)
	status, _ = do(t, srv, "PUT", "/Api/R3/Contact", `{"Type":"Business","Name":"Semmi Kft."}`, true)
	if status != 500 || len(srv.Contacts()) != 1 {
		t.Errorf("500 before write: status %d, %d contacts", status, len(srv.Contacts()))
	}
	reqs := srv.Requests()
	if len(reqs) != 2 || reqs[0].Fault != minicrmtest.FaultServerErrorAfterWrite || reqs[1].Status != 500 {
		t.Errorf("log %+v", reqs)
	}
}

func TestMiniCRMErrorTexts(t *testing.T) {
	srv := minicrmtest.NewServer(t, minicrmtest.Options{})
	tests := []struct {
		method, path, body string
		status             int
		text               string
	}{
		{"POST", "/Api/R3/ToDo/", `{"ProjectId":1}`, 405, "ToDo (POST): A metódus nem engedélyezett!"},
		{"PUT", "/Api/R3/ToDo/", `{}`, 400, `ToDo (PUT): Nem megfelelő paraméter: "Data (JSON)"`},
		{"GET", "/Api/R3/Contact?Foo=1", "", 400, `Contact (GET): Nem megfelelő paraméter: "Foo"`},
		{"PUT", "/Api/R3/Contact", `{"Type":2,"FirstName":"A"}`, 400, "Contact (PUT): Invalid value '2' for the Type field."},
		{"GET", "/Api/R3/Contact/777", "", 404, "Not Found"},
		{"DELETE", "/Api/R3/Address/1", "", 405, "Address (DELETE): A metódus nem engedélyezett!"},
	}
	for _, tt := range tests {
		status, body := do(t, srv, tt.method, tt.path, tt.body, true)
		if status != tt.status || body != tt.text {
			t.Errorf("%s %s: %d %q; want %d %q", tt.method, tt.path, status, body, tt.status, tt.text)
		}
	}
}

func TestProjectListIDsDetailLabels(t *testing.T) {
	srv := minicrmtest.NewServer(t, minicrmtest.Options{})
	cat := srv.AddCategory(minicrmtest.Category{Name: "Ügyfélszolgálat", Statuses: []minicrmtest.Status{{Name: "Feldolgozásra vár", Group: "Open"}}})
	person := srv.AddContact(minicrmtest.Contact{Type: "Person", FirstName: "Demo"})
	id := srv.AddProject(minicrmtest.Project{CategoryID: cat.ID, ContactID: person, Name: "Jegy"})

	_, list := do(t, srv, "GET", "/Api/R3/Project?CategoryId="+itoa(cat.ID), "", true)
	if !strings.Contains(list, `"StatusId":`+itoa(cat.Statuses[0].ID)) || !strings.Contains(list, `"UserId":100001`) {
		t.Errorf("list: %s", list)
	}
	_, detail := do(t, srv, "GET", "/Api/R3/Project/"+itoa(id), "", true)
	if !strings.Contains(detail, `"StatusId":"Feldolgoz\u00e1sra v\u00e1r"`) || !strings.Contains(detail, `"UserId":"Demo User"`) {
		t.Errorf("detail: %s", detail)
	}
}

func TestUnknownUserIsSilentlyReassigned(t *testing.T) {
	srv := minicrmtest.NewServer(t, minicrmtest.Options{})
	cat := srv.AddCategory(minicrmtest.Category{Name: "Értékesítés", Statuses: []minicrmtest.Status{{Name: "Új", Group: "Lead"}}})
	person := srv.AddContact(minicrmtest.Contact{Type: "Person", FirstName: "Demo"})
	status, _ := do(t, srv, "PUT", "/Api/R3/Project",
		`{"CategoryId":`+itoa(cat.ID)+`,"ContactId":`+itoa(person)+`,"UserId":"Elgépelt Név","Name":"K"}`, true)
	if status != 200 || srv.Projects()[0].UserID != 100001 {
		t.Errorf("status %d, user %d", status, srv.Projects()[0].UserID)
	}
}

func TestClockModes(t *testing.T) {
	c := minicrmtest.NewClock(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	ch := c.After(time.Minute)
	select {
	case <-ch:
		t.Fatal("manual clock fired without Advance")
	default:
	}
	c.Advance(time.Minute)
	select {
	case <-ch:
	default:
		t.Fatal("manual clock did not fire after Advance")
	}
	c.SetAutoAdvance(true)
	before := c.Now()
	<-c.After(time.Hour)
	if got := c.Now().Sub(before); got != time.Hour {
		t.Errorf("auto-advance moved %v, want 1h", got)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
