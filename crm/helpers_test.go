package crm_test

import (
	"errors"
	"iter"
	"testing"

	"konnyuszamla/crm"
	"konnyuszamla/crm/minicrmtest"
)

// newFake starts a fake MiniCRM and a client on its auto-advancing clock.
func newFake(t *testing.T, opts ...func(*crm.Config)) (*minicrmtest.Server, *crm.Client) {
	t.Helper()
	srv := minicrmtest.NewServer(t, minicrmtest.Options{})
	return srv, minicrmtest.NewClient(t, srv, opts...)
}

// seedSales adds a sales module with one status per group and a custom
// enum field, as a Hungarian tenant has it.
func seedSales(srv *minicrmtest.Server) minicrmtest.Category {
	return srv.AddCategory(minicrmtest.Category{
		Name: "Értékesítés",
		Statuses: []minicrmtest.Status{
			{Name: "Érdeklődő", Group: "Lead"},
			{Name: "Ajánlat kiküldve", Group: "Open"},
			{Name: "Vevő", Group: "Success"},
			{Name: "Elveszett", Group: "Failed"},
		},
		Fields: []minicrmtest.Field{
			{Name: "Forras", Type: "Enum", Options: map[int64]string{1507: "Személyes", 1508: "Telefon"}},
			{Name: "SzamlaSorszama", Type: "Text(512)"},
		},
	})
}

// collect drains an iterator, stopping at the first error.
func collect[T any](seq iter.Seq2[T, error]) ([]T, error) {
	var out []T
	for v, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
	return out, nil
}

func requireAPIError(t *testing.T, err error) *crm.APIError {
	t.Helper()
	var apiErr *crm.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("error %v (%T) has no *crm.APIError", err, err)
	}
	return apiErr
}
