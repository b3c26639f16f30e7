//go:build cgo

package crm_test

import (
	"context"
	"strconv"
	"testing"

	"konnyuszamla/crm"
	"konnyuszamla/crm/minicrmtest"
	"konnyuszamla/domain"
)

func TestModuleStatusesFromTheSchema(t *testing.T) {
	srv := minicrmtest.NewServer(t, minicrmtest.Options{})
	sales := seedSales(srv)
	conn := crm.Connector{UserAgent: "KonnyuSzamla/test", HTTPClient: srv.HTTPClient(), Clock: srv.Clock()}
	s := domain.MiniCRMSettings{SystemID: strconv.FormatInt(srv.SystemID(), 10), BaseURL: srv.URL()}
	sts, err := conn.ModuleStatuses(context.Background(), s, srv.APIKey(), sales.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := map[int64]string{}
	for _, st := range sts {
		got[st.ID] = st.Name
	}
	for _, want := range sales.Statuses {
		if got[want.ID] != want.Name {
			t.Errorf("status %d: %q, want %q (all: %v)", want.ID, got[want.ID], want.Name, got)
		}
	}
	if len(got) != len(sales.Statuses) {
		t.Errorf("%d statuses, want %d", len(got), len(sales.Statuses))
	}
}
