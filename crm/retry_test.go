package crm_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"konnyuszamla/crm"
	"konnyuszamla/crm/minicrmtest"
)

func TestRateLimitedThenSuccessHonoursRetryAfter(t *testing.T) {
	srv := minicrmtest.NewServer(t, minicrmtest.Options{RetryAfter: "7"})
	c := minicrmtest.NewClient(t, srv)
	srv.FailNext(1, minicrmtest.FaultRateLimit)

	if _, err := c.Categories(context.Background()); err != nil {
		t.Fatalf("429 then 200 gave %v", err)
	}
	reqs := srv.Requests()
	if len(reqs) != 2 || reqs[0].Status != 429 || reqs[1].Status != 200 {
		t.Fatalf("requests %+v", reqs)
	}
	if wait := reqs[1].At.Sub(reqs[0].At); wait < 7*time.Second {
		t.Errorf("retried after %v, want the 7 s Retry-After", wait)
	}
}

func TestRateLimitedWithoutRetryAfterBacksOff(t *testing.T) {
	srv, c := newFake(t)
	srv.FailNext(2, minicrmtest.FaultRateLimit)
	if _, err := c.Categories(context.Background()); err != nil {
		t.Fatal(err)
	}
	reqs := srv.Requests()
	if len(reqs) != 3 {
		t.Fatalf("%d requests, want 3", len(reqs))
	}
	// 5 s base with equal jitter: at least 2.5 s, then at least 5 s.
	if d1, d2 := reqs[1].At.Sub(reqs[0].At), reqs[2].At.Sub(reqs[1].At); d1 < 2500*time.Millisecond || d2 < 5*time.Second {
		t.Errorf("waits %v, %v; want ≥2.5 s then ≥5 s", d1, d2)
	}
}

func TestRateLimitGivesUpAfterBoundedRetries(t *testing.T) {
	srv, c := newFake(t)
	srv.FailNext(100, minicrmtest.FaultRateLimit)
	_, err := c.Categories(context.Background())
	if !errors.Is(err, crm.ErrRateLimited) {
		t.Fatalf("err = %v, want ErrRateLimited", err)
	}
	if n := len(srv.Requests()); n != 6 {
		t.Errorf("%d requests, want 1 + 5 retries", n)
	}
	if msg := crm.Explain(err); msg != "Túl sok kérés: a MiniCRM percenként 60 kérést enged. Várjon egy percet, majd próbálja újra." {
		t.Errorf("Explain = %q", msg)
	}
}

func TestRetryAfterTooLongIsNotSatOut(t *testing.T) {
	srv := minicrmtest.NewServer(t, minicrmtest.Options{RetryAfter: "3600"})
	c := minicrmtest.NewClient(t, srv)
	srv.FailNext(1, minicrmtest.FaultRateLimit)
	_, err := c.Categories(context.Background())
	if !errors.Is(err, crm.ErrRateLimited) || requireAPIError(t, err).RetryAfter != time.Hour {
		t.Fatalf("err = %v, want ErrRateLimited with RetryAfter 1h", err)
	}
	if n := len(srv.Requests()); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

func TestGetRetriesServerErrors(t *testing.T) {
	srv, c := newFake(t)
	id := srv.AddContact(minicrmtest.Contact{Type: "Business", Name: "Kitartó Kft."})
	srv.FailNext(2, minicrmtest.FaultServerError)

	got, err := c.Contact(context.Background(), id)
	if err != nil {
		t.Fatalf("500, 500, 200 gave %v", err)
	}
	if got.Name != "Kitartó Kft." {
		t.Errorf("Name = %q", got.Name)
	}
	if n := len(srv.Requests()); n != 3 {
		t.Errorf("%d requests, want 3", n)
	}
}

func TestGetGivesUpAfterMaxAttempts(t *testing.T) {
	srv, c := newFake(t)
	srv.FailNext(100, minicrmtest.FaultServerError)
	_, err := c.Contact(context.Background(), 1)
	if !errors.Is(err, crm.ErrUnavailable) || requireAPIError(t, err).Status != 500 {
		t.Fatalf("err = %v, want ErrUnavailable with status 500", err)
	}
	if n := len(srv.Requests()); n != 4 {
		t.Errorf("%d requests, want the default 4 attempts", n)
	}
	if msg := crm.Explain(err); msg != "A MiniCRM szerverhibát jelzett (500). Próbálja újra néhány perc múlva." {
		t.Errorf("Explain = %q", msg)
	}
}

func TestGetRetriesDroppedConnection(t *testing.T) {
	srv, c := newFake(t)
	srv.FailNext(1, minicrmtest.FaultDisconnect)
	if _, err := c.Categories(context.Background()); err != nil {
		t.Fatalf("dropped connection then 200 gave %v", err)
	}
	if n := len(srv.Requests()); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}

func TestGetRetriesTimeout(t *testing.T) {
	srv, c := newFake(t, func(cfg *crm.Config) { cfg.HTTPClient = &http.Client{Timeout: 100 * time.Millisecond} })
	srv.DelayNext(1, 5*time.Second)
	if _, err := c.Categories(context.Background()); err != nil {
		t.Fatalf("timeout then 200 gave %v", err)
	}
	if n := len(srv.Requests()); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}

func TestUpdateRetriesServerError(t *testing.T) {
	srv, c := newFake(t)
	id := srv.AddContact(minicrmtest.Contact{Type: "Business", Name: "Régi név"})
	srv.FailNext(1, minicrmtest.FaultServerError)
	if err := c.UpdateContact(context.Background(), id, crm.ContactPatch{Name: new("Új név")}); err != nil {
		t.Fatal(err)
	}
	if got := srv.Contacts()[0].Name; got != "Új név" {
		t.Errorf("Name = %q", got)
	}
	if n := len(srv.Requests()); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}
