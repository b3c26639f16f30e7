package domain

import (
	"strings"
	"testing"
)

func TestPartialPaymentsAndOverdue(t *testing.T) {
	inv := invIssued(invTestDraft(), "KSZ-2026-00001") // 38 100 Ft, due 2026-12-05
	due := inv.DueDate
	if inv.IsOverdue(due) {
		t.Error("overdue on the due date itself")
	}
	if !inv.IsOverdue(due.AddDays(1)) {
		t.Error("unpaid invoice not overdue the day after its due date")
	}
	if err := inv.AddPayment(Payment{Date: NewDate(2026, 12, 1), Amount: decOf("20000")}); err != nil {
		t.Fatal(err)
	}
	if inv.Status != InvoiceIssued || !inv.IsOverdue(due.AddDays(1)) {
		t.Error("a partly paid invoice must stay issued and overdue")
	}
	if left, _ := inv.Outstanding(); !left.Equal(decOf("18100")) {
		t.Errorf("outstanding %s, want 18100", left)
	}
	err := inv.AddPayment(Payment{Date: NewDate(2026, 12, 2), Amount: decOf("18101")})
	if err == nil || !strings.Contains(err.Error(), "Összeg: több, mint a hátralék (18\u00a0100 Ft)") {
		t.Errorf("overpayment: %v", err)
	}
	full, err := inv.FullPayment(NewDate(2026, 12, 3))
	if err != nil || !full.Amount.Equal(decOf("18100")) || full.Method != PayTransfer {
		t.Fatalf("FullPayment = %+v, %v", full, err)
	}
	if err := inv.AddPayment(full); err != nil {
		t.Fatal(err)
	}
	if inv.Status != InvoicePaid || inv.IsOverdue(due.AddDays(30)) || !inv.PaidAmount().Equal(decOf("38100")) {
		t.Errorf("after paying in full: status %s, paid %s", inv.Status, inv.PaidAmount())
	}
	if err := inv.AddPayment(Payment{Date: NewDate(2026, 12, 4), Amount: decOf("1")}); ErrorCode(err) != EConflict {
		t.Errorf("payment on a paid invoice: %v", err)
	}
}

func TestCashPaymentCoversTheRoundedAmount(t *testing.T) {
	inv := invIssued(invTestDraft(invLine("x", "1", "db", "790", VAT27)), "KSZ-2026-00001") // gross 1003.30 → 1003
	inv.PaymentMethod = PayCash
	full, err := inv.FullPayment(inv.IssueDate)
	if err != nil || !full.Amount.Equal(decOf("1005")) {
		t.Fatalf("cash payable %+v, %v; want 1005 Ft", full, err)
	}
	if err := inv.AddPayment(full); err != nil || inv.Status != InvoicePaid {
		t.Errorf("paying the rounded amount: %v, status %s", err, inv.Status)
	}
}

func TestAddPaymentRejects(t *testing.T) {
	for _, tc := range []struct {
		name string
		p    Payment
		want string
	}{
		{"zero", Payment{Date: NewDate(2026, 12, 1)}, "Összeg: pozitív kell legyen"},
		{"fillér", Payment{Date: NewDate(2026, 12, 1), Amount: decOf("100.5")}, "Összeg: legfeljebb 0 tizedesjegy"},
		{"no date", Payment{Amount: decOf("100")}, "Fizetés dátuma: kötelező"},
		{"before the invoice", Payment{Date: NewDate(2026, 11, 1), Amount: decOf("100")}, "Fizetés dátuma: nem lehet korábbi a bizonylat kelténél (2026.11.27.)"},
		{"bad method", Payment{Date: NewDate(2026, 12, 1), Amount: decOf("100"), Method: "cheque"}, "Fizetési mód:"},
	} {
		inv := invIssued(invTestDraft(), "KSZ-2026-00001")
		err := inv.AddPayment(tc.p)
		if err == nil || !strings.Contains(err.Error(), tc.want) || len(inv.Payments) != 0 {
			t.Errorf("%s: %v, want %q and no payment recorded", tc.name, err, tc.want)
		}
	}
	draft := invTestDraft()
	if err := draft.AddPayment(Payment{Date: NewDate(2026, 12, 1), Amount: decOf("1")}); err == nil {
		t.Error("a payment was recorded on a draft")
	}
	s, _ := NewStorno(invIssued(invTestDraft(), "KSZ-2026-00001"), "KSZ-2026-00002", NewDate(2026, 12, 1))
	if s.IsOverdue(NewDate(2027, 1, 1)) {
		t.Error("a sztornó can never be overdue")
	}
}
