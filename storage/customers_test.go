package storage_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"konnyuszamla/domain"
)

func TestCustomerCRUD(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)

	t.Run("OK", func(t *testing.T) {
		c := sampleCustomer("  Árvíztűrő  Kft. ")
		c.MailingAddress = &domain.Address{PostalCode: "1112", City: "Budapest", Street: "Pf. 12"}
		if err := db.CreateCustomer(ctx, &c); err != nil {
			t.Fatal(err)
		}
		got, err := db.CustomerByID(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(*got, c) {
			t.Errorf("stored %+v\nread   %+v", c, *got)
		}
		got.Email = "uj@arviz.hu"
		got.MailingAddress = nil
		if err := db.UpdateCustomer(ctx, got); err != nil {
			t.Fatal(err)
		}
		again, _ := db.CustomerByID(ctx, c.ID)
		if again.Email != "uj@arviz.hu" || again.MailingAddress != nil {
			t.Errorf("update not stored: %+v", again)
		}
	})

	t.Run("ErrInvalid", func(t *testing.T) {
		c := sampleCustomer("")
		c.TaxNumber = "12345675-2-42"
		err := db.CreateCustomer(ctx, &c)
		if domain.ErrorCode(err) != domain.EInvalid || len(domain.FieldErrors(err)) != 2 {
			t.Fatalf("err = %v, want two field errors", err)
		}
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		if _, err := db.CustomerByID(ctx, 9999); domain.ErrorCode(err) != domain.ENotFound {
			t.Errorf("get: %v", err)
		}
		c := sampleCustomer("Nincs Kft.")
		c.ID = 9999
		if err := db.UpdateCustomer(ctx, &c); domain.ErrorCode(err) != domain.ENotFound {
			t.Errorf("update: %v", err)
		}
		if err := db.DeleteCustomer(ctx, 9999); domain.ErrorCode(err) != domain.ENotFound {
			t.Errorf("delete: %v", err)
		}
	})

	t.Run("ErrMiniCRMIDTaken", func(t *testing.T) {
		a, b := sampleCustomer("A Kft."), sampleCustomer("B Kft.")
		a.MiniCRMID, b.MiniCRMID = 37146, 37146
		if err := db.CreateCustomer(ctx, &a); err != nil {
			t.Fatal(err)
		}
		err := db.CreateCustomer(ctx, &b)
		if domain.ErrorCode(err) != domain.EConflict || domain.ErrorMessage(err) != "Ez a MiniCRM azonosító már egy másik vevőhöz tartozik." {
			t.Fatalf("err = %v", err)
		}
	})

	t.Run("DeleteAndArchive", func(t *testing.T) {
		c := sampleCustomer("Törlendő Bt.")
		if err := db.CreateCustomer(ctx, &c); err != nil {
			t.Fatal(err)
		}
		if err := db.SetCustomerArchived(ctx, c.ID, true); err != nil {
			t.Fatal(err)
		}
		ids, _ := db.CustomerIDs(ctx, domain.CustomerQuery{Search: "torlendo"})
		if len(ids) != 0 {
			t.Errorf("archived customer is listed: %v", ids)
		}
		ids, _ = db.CustomerIDs(ctx, domain.CustomerQuery{Search: "torlendo", IncludeArchived: true})
		if len(ids) != 1 {
			t.Errorf("archived customer not found with IncludeArchived: %v", ids)
		}
		if err := db.DeleteCustomer(ctx, c.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := db.CustomerByID(ctx, c.ID); domain.ErrorCode(err) != domain.ENotFound {
			t.Errorf("deleted customer still readable: %v", err)
		}
	})
}

func TestCustomerSearchAndSort(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	for _, n := range []struct{ name, city, email string }{
		{"Árvíztűrő Tükörfúrógép Kft.", "Győr", "info@arviz.hu"},
		{"Zebra Bt.", "Budapest", "zebra@example.hu"},
		{"Alma Kft.", "Szeged", "alma@example.hu"},
		{"Őz Kft.", "Pécs", "oz@example.hu"},
	} {
		c := sampleCustomer(n.name)
		c.BillingAddress.City, c.Email = n.city, n.email
		if err := db.CreateCustomer(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	names := func(q domain.CustomerQuery) []string {
		ids, err := db.CustomerIDs(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := db.CustomerSummaries(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		out := make([]string, len(rows))
		for i, r := range rows {
			out[i] = r.Name
		}
		return out
	}
	tests := []struct {
		q    domain.CustomerQuery
		want []string
	}{
		{domain.CustomerQuery{Search: "arviz"}, []string{"Árvíztűrő Tükörfúrógép Kft."}},
		{domain.CustomerQuery{Search: "TÜKÖR gyor"}, []string{"Árvíztűrő Tükörfúrógép Kft."}},
		{domain.CustomerQuery{Search: "kft"}, []string{"Alma Kft.", "Árvíztűrő Tükörfúrógép Kft.", "Őz Kft."}},
		{domain.CustomerQuery{Search: "pecs"}, []string{"Őz Kft."}},
		{domain.CustomerQuery{Search: "zebra@"}, []string{"Zebra Bt."}},
		{domain.CustomerQuery{Search: "nincs ilyen"}, []string{}},
		{domain.CustomerQuery{Sort: domain.SortByCity}, []string{"Zebra Bt.", "Árvíztűrő Tükörfúrógép Kft.", "Őz Kft.", "Alma Kft."}},
		{domain.CustomerQuery{Sort: domain.SortByName, Desc: true}, []string{"Zebra Bt.", "Őz Kft.", "Árvíztűrő Tükörfúrógép Kft.", "Alma Kft."}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%+v", tt.q), func(t *testing.T) {
			if got := names(tt.q); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	a, b := sampleCustomer("Egy Kft."), sampleCustomer("Kettő Kft.")
	a.MiniCRMID, b.MiniCRMID = 5, 5 // the second violates the unique link
	err := db.ImportCustomers(ctx, []domain.Customer{a, b})
	if domain.ErrorCode(err) != domain.EConflict {
		t.Fatalf("err = %v, want conflict", err)
	}
	if ids, _ := db.CustomerIDs(ctx, domain.CustomerQuery{}); len(ids) != 0 {
		t.Errorf("%d customers stored by a failed import", len(ids))
	}
}
