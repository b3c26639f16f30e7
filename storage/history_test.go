package storage_test

import (
	"context"
	"testing"

	"konnyuszamla/domain"
)

func TestUpdateKeepsTheOverwrittenVersion(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	c := sampleCustomer("Minta Kft.")
	if err := db.CreateCustomer(ctx, &c); err != nil {
		t.Fatal(err)
	}
	c.Phone = "+36 1 234 5678"
	if err := db.UpdateCustomer(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := db.UpdateCustomer(ctx, &c); err != nil { // nothing changes: no version
		t.Fatal(err)
	}
	c.Name = "Minta Kereskedelmi Kft."
	if err := db.UpdateCustomer(ctx, &c); err != nil {
		t.Fatal(err)
	}
	h, err := db.CustomerHistory(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 2 || h[0].Customer.Name != "Minta Kft." || h[0].Customer.Phone != "+36 1 234 5678" ||
		h[1].Customer.Phone != "" || h[0].Reason != domain.HistoryEdit || !h[0].At.Equal(fixedNow) {
		t.Fatalf("history: %+v", h)
	}
}

func TestHistoryGoesWithItsCustomer(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	c := sampleCustomer("Minta Kft.")
	if err := db.CreateCustomer(ctx, &c); err != nil {
		t.Fatal(err)
	}
	c.Email = "uj@minta.hu"
	if err := db.UpdateCustomer(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteCustomer(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if h, err := db.CustomerHistory(ctx, c.ID); err != nil || len(h) != 0 {
		t.Fatalf("history of a deleted customer: %v %+v", err, h)
	}
}
