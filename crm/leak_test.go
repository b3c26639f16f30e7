package crm_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"konnyuszamla/crm"
	"konnyuszamla/crm/minicrmtest"
)

// The key of these tests is distinctive, so any leak shows up in a grep.
const secretKey = "d9cb5e1f0a7b4c3d8e2f6a1b9c0d4a572"

// TestAPIKeyNeverInErrorsOrLogs provokes every kind of failure, including a
// hostile answer that echoes the credentials back, and greps every error
// text, user message and log line for the key and the Basic credentials.
func TestAPIKeyNeverInErrorsOrLogs(t *testing.T) {
	basic := base64.StdEncoding.EncodeToString([]byte("12345:" + secretKey))
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	withKey := func(cfg *crm.Config) {
		cfg.APIKey = secretKey
		cfg.Logger = logger
		cfg.HTTPClient = &http.Client{Timeout: 50 * time.Millisecond}
	}
	newSrv := func(t *testing.T) (*minicrmtest.Server, *crm.Client) {
		srv := minicrmtest.NewServer(t, minicrmtest.Options{APIKey: secretKey})
		return srv, minicrmtest.NewClient(t, srv, withKey)
	}

	var errs []error
	ctx := context.Background()
	t.Run("collect", func(t *testing.T) {
		srv, c := newSrv(t)
		_, err := c.Contact(ctx, 404)
		errs = append(errs, err)

		srv.FailNext(10, minicrmtest.FaultServerError)
		_, err = c.Categories(ctx)
		errs = append(errs, err)

		srv.FailNext(10, minicrmtest.FaultRateLimit)
		_, err = c.Categories(ctx)
		errs = append(errs, err)

		srv.FailNext(1, minicrmtest.FaultServerErrorAfterWrite)
		_, err = c.CreateContact(ctx, crm.Contact{Type: crm.Business, Name: "X"})
		errs = append(errs, err)

		srv.FailNext(1, minicrmtest.FaultDisconnectAfterWrite)
		_, err = c.CreateContact(ctx, crm.Contact{Type: crm.Business, Name: "Y"})
		errs = append(errs, err)

		srv.DelayNext(10, time.Second)
		_, err = c.Categories(ctx)
		errs = append(errs, err)

		// A wrong key: the server sees the real one in the header.
		bad := minicrmtest.NewClient(t, srv, withKey, func(cfg *crm.Config) { cfg.APIKey = secretKey + "x" })
		_, err = bad.Categories(ctx)
		errs = append(errs, err)

		// A hostile or broken proxy that echoes the request's credentials.
		echo := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			_, pass, _ := r.BasicAuth()
			http.Error(w, "echo: "+r.Header.Get("Authorization")+" key="+pass, http.StatusBadRequest)
		}))
		defer echo.Close()
		hostile := minicrmtest.NewClient(t, srv, withKey, func(cfg *crm.Config) { cfg.BaseURL = echo.URL })
		_, err = hostile.Categories(ctx)
		errs = append(errs, err)

		// The URL form with credentials must not leak either.
		_, err = crm.NewClient(crm.Config{BaseURL: "ftp://12345:" + secretKey + "@r3.minicrm.hu"})
		errs = append(errs, err)
		_, _, err = crm.ParseAPIURL("https://12345:" + secretKey + "/@r3.minicrm.hu")
		errs = append(errs, err)
	})

	if len(errs) != 10 {
		t.Fatalf("collected %d errors", len(errs))
	}
	for i, err := range errs {
		if err == nil {
			t.Fatalf("scenario %d did not fail", i)
		}
		for _, text := range []string{err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err), crm.Explain(err)} {
			if strings.Contains(text, secretKey) || strings.Contains(text, basic) {
				t.Errorf("scenario %d leaks the key: %s", i, text)
			}
		}
	}
	if logs.Len() == 0 {
		t.Fatal("no log lines: the retries should have been logged")
	}
	if s := logs.String(); strings.Contains(s, secretKey) || strings.Contains(s, basic) {
		t.Errorf("log leaks the key:\n%s", s)
	}

	cfg := crm.Config{BaseURL: "https://12345:" + secretKey + "@r3.minicrm.hu", APIKey: secretKey}
	c, err := crm.NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{fmt.Sprint(cfg), fmt.Sprintf("%+v", cfg), fmt.Sprintf("%#v", cfg), fmt.Sprint(c), fmt.Sprintf("%v", c)} {
		if strings.Contains(text, secretKey) {
			t.Errorf("printing the config or client leaks the key: %s", text)
		}
	}
}
