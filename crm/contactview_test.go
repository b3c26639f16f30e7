//go:build cgo

package crm_test

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"konnyuszamla/crm"
	"konnyuszamla/domain"
)

func TestContactViewOnlineThenOffline(t *testing.T) {
	r := newUploadRig(t, false, true)
	ctx := context.Background()
	inv := r.issue(t, domain.DocInvoice)
	r.drain(t)
	hc := *r.srv.HTTPClient()
	base := hc.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	hc.Transport = rigTransport{r: r, base: base}
	s, _ := r.db.MiniCRMSettings(ctx)
	views := crm.ContactViews{Settings: r.db, Cache: r.db, HTTPClient: &hc, Clock: r.srv.Clock(),
		Secrets: &syncSecrets{m: map[string]string{domain.MiniCRMKeyAccount(s.SystemID): r.srv.APIKey()}}}
	v, err := views.ContactView(ctx, r.contact)
	if err != nil {
		t.Fatal(err)
	}
	if v.Cached || v.Name != "Minta Kft." || len(v.TaxNumbers) != 1 || len(v.Cards) != 1 || v.Cards[0].Status != "Vevő" ||
		v.Cards[0].Module != "Értékesítés" || len(v.Invoices) != 1 || !strings.HasPrefix(v.Invoices[0].Name, inv.Number) ||
		v.Invoices[0].Status != "Kifizetetlen" {
		t.Fatalf("view = %+v", v)
	}
	if !strings.HasSuffix(v.URL, "/"+strconv.FormatInt(r.srv.SystemID(), 10)+"/#!Contact-"+strconv.FormatInt(r.contact, 10)) {
		t.Errorf("url = %s", v.URL)
	}
	r.down.Store(true)
	off, err := views.ContactView(ctx, r.contact)
	if err != nil || !off.Cached || off.Name != v.Name || len(off.Invoices) != 1 || !off.LoadedAt.Equal(v.LoadedAt) {
		t.Fatalf("offline: %+v, %v", off, err)
	}
	if _, err := views.ContactView(ctx, 999999); err == nil {
		t.Error("no copy and offline: no error")
	}
}
