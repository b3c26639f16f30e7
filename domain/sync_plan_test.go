package domain

import (
	"testing"
	"time"
)

func secondsDur(s int) time.Duration { return time.Duration(s) * time.Second }

func TestPlanSync(t *testing.T) {
	base := lc(101, "Alfa Kft.", "", "Budapest", "Fő utca 1.").Customer
	base.MiniCRMID = 1
	linked := LocalCustomer{Customer: base, Base: &base}
	edited := lc(102, "Béta Kft.", "", "Pécs", "Király u. 5.")
	edited.MiniCRMID = 2
	b2 := edited.Customer
	edited.Base, edited.Dirty = &b2, true
	edited.Phone = "+36 72 123 456"
	newLocal := lc(103, "Gamma Kft.", "", "Eger", "Dobó tér 1.")
	archived := lc(104, "Régi Kft.", "", "Eger", "Dobó tér 2.")
	archived.Archived = true
	pending := lc(105, "Félkész Kft.", "", "Eger", "Dobó tér 3.")

	remote := []RemoteCustomer{rc(1, "Alfa Kft.", "", "Budapest", "Fő utca 1."), rc(3, "Delta Kft.", "", "Vác", "Fő tér 1."),
		rc(3, "Delta Kft.", "", "Vác", "Fő tér 2.")} // fetched twice: the last one counts
	p := PlanSync(remote, []LocalCustomer{linked, edited, newLocal, archived, pending}, []SyncIntent{{CustomerID: 105}})
	if p.Unchanged != 1 || len(p.Updates) != 0 || len(p.New) != 1 || p.New[0].Customer.BillingAddress.Street != "Fő tér 2." {
		t.Errorf("pass 1: unchanged %d, updates %d, new %+v", p.Unchanged, len(p.Updates), p.New)
	}
	if len(p.PushNew) != 1 || p.PushNew[0].ID != 103 {
		t.Errorf("push new: %+v", p.PushNew)
	}
	if len(p.PushUpdates) != 1 || p.PushUpdates[0].Customer.ID != 102 || p.PushUpdates[0].Fields[0].Field != "phone" {
		t.Errorf("push updates: %+v", p.PushUpdates)
	}
	if len(p.Pending) != 1 {
		t.Errorf("pending: %+v", p.Pending)
	}
}

func TestCardStatus(t *testing.T) {
	s := SyncState{SuccessStatuses: map[int64]int{7: 3, 5: 3, 9: 1}}
	if s.CardStatus() != 5 {
		t.Errorf("most seen, smallest id on a tie: %d", s.CardStatus())
	}
	s.CardStatusID = 9
	if s.CardStatus() != 9 {
		t.Errorf("the chosen one: %d", s.CardStatus())
	}
	if (&SyncState{}).CardStatus() != 0 {
		t.Error("unknown")
	}
}
