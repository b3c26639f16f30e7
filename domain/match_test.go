package domain

import (
	"strings"
	"testing"
)

func rc(id int64, name, tax, city, street string) RemoteCustomer {
	c := Customer{Kind: KindCompany, Name: name, TaxNumber: tax, MiniCRMID: id}
	if city != "" {
		c.BillingAddress = Address{Country: "HU", PostalCode: "1111", City: city, Street: street}
	}
	return RemoteCustomer{ID: id, Customer: c}
}

func lc(id int64, name, tax, city, street string) LocalCustomer {
	c := Customer{ID: id, Kind: KindCompany, Name: name, TaxNumber: tax}
	if city != "" {
		c.BillingAddress = Address{Country: "HU", PostalCode: "1111", City: city, Street: street}
	}
	return LocalCustomer{Customer: c}
}

// outcome describes what happened to each remote: "match L rule",
// "new", or "conflict kind rule L1,L2".
func outcome(res MatchResult, remote []RemoteCustomer, local []LocalCustomer) map[int64]string {
	out := map[int64]string{}
	for _, m := range res.Matches {
		out[remote[m.Remote].ID] = "match " + itoa(int(local[m.Local].ID)) + " " + m.Rule.String()
	}
	for _, i := range res.New {
		out[remote[i].ID] = "new"
	}
	for _, c := range res.Conflicts {
		var ids []string
		for _, l := range c.Locals {
			ids = append(ids, itoa(int(local[l].ID)))
		}
		out[remote[c.Remote].ID] = "conflict " + string(c.Kind) + " " + c.Rule.String() + " " + strings.Join(ids, ",")
	}
	return out
}

func TestMatchingCascadeOnTrickyData(t *testing.T) {
	const (
		taxA = "12345676-2-42"
		taxB = "10000018-2-42"
	)
	long := strings.Repeat("Hosszú Nevű Kereskedelmi ", 12) + "Kft." // 300 characters
	person := rc(9, "Nagy Anna", "", "Pécs", "Király u. 5.")
	person.Customer.Kind = KindPerson
	mailing := rc(12, "Levelező Bt.", "", "Eger", "Dobó tér 1.")
	mailing.Customer.MailingAddress = &Address{Country: "HU", PostalCode: "3301", City: "Eger", Street: "Pf. 5"}
	localMailing := lc(112, "Levelező Bt.", "", "Eger", "Széchenyi u. 9.")
	localMailing.MailingAddress = &Address{Country: "HU", PostalCode: "3301", City: "Eger", Street: "Postafiók 5"}
	linked := lc(113, "Régi Név Kft.", "", "Sopron", "Várkerület 1.")
	linked.MiniCRMID = 13

	at := func(c Customer, postal, city string) Customer {
		c.BillingAddress.PostalCode, c.BillingAddress.City = postal, city
		return c
	}
	anna := rc(9, "Nagy Anna", "", "Pécs", "Király u. 5.")
	anna.Customer.Kind = KindPerson
	alfaV := rc(1, "Alfa Kft.", "", "", "")
	alfaV.Customer = at(rc(1, "Alfa Kft.", "", "x", "Fő utca 1.").Customer, "", "Budapest V. ker.")
	betaXI := lc(101, "Béta Kft.", "", "x", "Fő utca 1.")
	betaXI.Customer = at(betaXI.Customer, "", "Budapest XI. ker.")
	alfa1051 := rc(2, "Alfa Kft.", "", "x", "Fő utca 1.")
	alfa1051.Customer = at(alfa1051.Customer, "1051", "Budapest")
	beta1111 := lc(102, "Béta Kft.", "", "x", "Fő utca 1.")
	beta1111.Customer = at(beta1111.Customer, "1111", "Budapest")
	alfaNoDistrict := rc(3, "Alfa Kft.", "", "x", "Fő utca 1.")
	alfaNoDistrict.Customer = at(alfaNoDistrict.Customer, "", "Budapest")
	gyor1 := rc(4, "Minta Kft.", "", "x", "Fő utca 1.")
	gyor1.Customer = at(gyor1.Customer, "9021", "Győr")
	gyor2 := lc(104, "Minta Kft.", "", "x", "Fő u. 1.")
	gyor2.Customer = at(gyor2.Customer, "9024", "Győr")
	gyorNoPostal := lc(105, "Minta Kft.", "", "x", "Fő u. 1.")
	gyorNoPostal.Customer = at(gyorNoPostal.Customer, "", "Győr")
	bp11 := rc(5, "Béta Kft.", "", "x", "Fő utca 1.")
	bp11.Customer = at(bp11.Customer, "", "Bp. XI. kerület")

	cases := []struct {
		name   string
		remote []RemoteCustomer
		local  []LocalCustomer
		want   map[int64]string
	}{
		{"same name in two cities",
			[]RemoteCustomer{rc(1, "Minta Kft.", "", "Budapest", "Fő utca 1.")},
			[]LocalCustomer{lc(101, "Minta Kft.", "", "Debrecen", "Fő utca 1."), lc(102, "Minta Kft.", "", "Budapest", "Fő u. 1")},
			map[int64]string{1: "match 102 nameBillingAddress"}},
		{"same address, two different companies",
			[]RemoteCustomer{rc(1, "Alfa Kft.", "", "Budapest", "Váci út 1."), rc(2, "Béta Kft.", "", "Budapest", "Váci út 1.")},
			[]LocalCustomer{lc(101, "Alfa Kft.", "", "Budapest", "Váci út 1.")},
			map[int64]string{1: "match 101 nameBillingAddress", 2: "new"}},
		{"names differing by case, accents, spaces and Kft.",
			[]RemoteCustomer{rc(1, "ÁRVÍZTŰRŐ   kft", "", "Győr", "Baross u. 3")},
			[]LocalCustomer{lc(101, "Arvizturo Kft.", "", "Gyor", "Baross utca 3.")},
			map[int64]string{1: "match 101 nameBillingAddress"}},
		{"a person at her company's address",
			[]RemoteCustomer{rc(2, "Béta Bt.", "", "Pécs", "Király u. 5."), person},
			[]LocalCustomer{lc(101, "Béta Bt.", "", "Pécs", "Király utca 5.")},
			map[int64]string{2: "match 101 nameBillingAddress", 9: "new"}},
		{"customers with no address",
			[]RemoteCustomer{rc(1, "Címtelen Kft.", "", "", ""), rc(13, "Új Név Kft.", "", "", "")},
			[]LocalCustomer{lc(101, "Címtelen Kft.", "", "", ""), linked},
			map[int64]string{1: "new", 13: "match 113 minicrmId"}},
		{"a 300-character name",
			[]RemoteCustomer{rc(1, long, "", "Szeged", "Kárász u. 1.")},
			[]LocalCustomer{lc(101, strings.ToUpper(long), "", "Szeged", "Kárász utca 1")},
			map[int64]string{1: "match 101 nameBillingAddress"}},
		{"different tax numbers veto",
			[]RemoteCustomer{rc(1, "Minta Kft.", taxA, "Budapest", "Fő utca 1.")},
			[]LocalCustomer{lc(101, "Minta Kft.", taxB, "Budapest", "Fő utca 1.")},
			map[int64]string{1: "new"}},
		{"an ambiguous step",
			[]RemoteCustomer{rc(1, "Minta Kft.", "", "Budapest", "Fő utca 1.")},
			[]LocalCustomer{lc(101, "Minta Kft.", taxA, "Budapest", "Fő utca 1."), lc(102, "MINTA KFT", taxB, "Budapest", "Fő u. 1.")},
			map[int64]string{1: "conflict ambiguous nameBillingAddress 101,102"}},
		{"a local claimed by two MiniCRM customers",
			[]RemoteCustomer{rc(1, "Minta Kft.", "", "Budapest", "Fő utca 1."), rc(2, "Minta Kft", "", "Budapest", "Fő u. 1.")},
			[]LocalCustomer{lc(101, "Minta Kft.", "", "Budapest", "Fő utca 1.")},
			map[int64]string{1: "conflict claimed nameBillingAddress 101", 2: "conflict claimed nameBillingAddress 101"}},
		{"a weak match",
			[]RemoteCustomer{rc(1, "Omega Trade Kft.", "", "Szeged", "Kárász utca 5.")},
			[]LocalCustomer{lc(101, "Omega Kereskedelmi Kft.", "", "Szeged", "Kárász u. 5.")},
			map[int64]string{1: "match 101 address"}},
		{"an address shared on the local side is no weak match",
			[]RemoteCustomer{rc(1, "Omega Trade Kft.", "", "Szeged", "Kárász utca 5.")},
			[]LocalCustomer{lc(101, "Alfa Kft.", "", "Szeged", "Kárász u. 5."), lc(102, "Béta Kft.", "", "Szeged", "Kárász u. 5.")},
			map[int64]string{1: "conflict ambiguous address 101,102"}},
		{"an address shared on the MiniCRM side is no weak match",
			[]RemoteCustomer{rc(1, "Omega Trade Kft.", "", "Szeged", "Kárász utca 5."), rc(2, "Gamma Kft.", "", "Szeged", "Kárász utca 5.")},
			[]LocalCustomer{lc(101, "Omega Kereskedelmi Kft.", "", "Szeged", "Kárász u. 5.")},
			map[int64]string{1: "conflict claimed address 101", 2: "conflict claimed address 101"}},
		{"a weak match vetoed by tax numbers",
			[]RemoteCustomer{rc(1, "Omega Trade Kft.", taxA, "Szeged", "Kárász utca 5.")},
			[]LocalCustomer{lc(101, "Omega Kereskedelmi Kft.", taxB, "Szeged", "Kárász u. 5.")},
			map[int64]string{1: "new"}},
		{"a private person is no weak match of a company at her address",
			[]RemoteCustomer{anna},
			[]LocalCustomer{lc(101, "Béta Bt.", taxA, "Pécs", "Király utca 5.")},
			map[int64]string{9: "new"}},
		{"a person is a weak match of a person",
			[]RemoteCustomer{anna},
			[]LocalCustomer{func() LocalCustomer {
				l := lc(101, "Nagy Anikó", "", "Pécs", "Király utca 5.")
				l.Kind = KindPerson
				return l
			}()},
			map[int64]string{9: "match 101 address"}},
		{"different Budapest districts are no weak match",
			[]RemoteCustomer{alfaV},
			[]LocalCustomer{betaXI},
			map[int64]string{1: "new"}},
		{"different postal codes are no weak match",
			[]RemoteCustomer{alfa1051},
			[]LocalCustomer{beta1111},
			map[int64]string{2: "new"}},
		{"a Budapest address without district is no weak match",
			[]RemoteCustomer{alfaNoDistrict},
			[]LocalCustomer{betaXI},
			map[int64]string{3: "new"}},
		{"the same district, from the city field and from the postal code",
			[]RemoteCustomer{bp11},
			[]LocalCustomer{beta1111},
			map[int64]string{5: "match 102 nameBillingAddress"}},
		{"the same district, address only",
			[]RemoteCustomer{func() RemoteCustomer { r := bp11; r.Customer.Name = "Gamma Kft."; return r }()},
			[]LocalCustomer{beta1111},
			map[int64]string{5: "match 102 address"}},
		{"different postal codes stop a name + address match (step 2)",
			[]RemoteCustomer{gyor1},
			[]LocalCustomer{gyor2},
			map[int64]string{4: "new"}},
		{"a missing postal code does not stop a name + address match",
			[]RemoteCustomer{gyor1},
			[]LocalCustomer{gyorNoPostal},
			map[int64]string{4: "match 105 nameBillingAddress"}},
		{"the mailing address (step 3)",
			[]RemoteCustomer{mailing},
			[]LocalCustomer{localMailing},
			map[int64]string{12: "match 112 nameMailingAddress"}},
		{"the MiniCRM id wins, and a linked customer takes no other",
			[]RemoteCustomer{rc(13, "Új Név Kft.", "", "Győr", "Fő tér 1."), rc(14, "Régi Név Kft.", "", "Sopron", "Várkerület 1.")},
			[]LocalCustomer{linked},
			map[int64]string{13: "match 113 minicrmId", 14: "new"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := outcome(MatchCustomers(c.remote, c.local), c.remote, c.local)
			for id, want := range c.want {
				if got[id] != want {
					t.Errorf("MiniCRM %d: %q, want %q", id, got[id], want)
				}
			}
			if len(got) != len(c.remote) {
				t.Errorf("%d outcomes for %d MiniCRM customers: %v", len(got), len(c.remote), got)
			}
		})
	}
}

func TestBudapestDistrict(t *testing.T) {
	for _, c := range []struct {
		postal, city string
		want         int
	}{
		{"", "Budapest V. ker.", 5}, {"", "Budapest XI. kerület", 11}, {"", "Bp. 11. ker.", 11},
		{"1111", "Budapest", 11}, {"1239", "Budapest", 23}, {"", "1051 Budapest", 5},
		{"", "Budapest XXIII.", 23}, {"", "Budapest", 0}, {"1111", "Pécs", 0}, {"7621", "Pécs", 0},
	} {
		if got := BudapestDistrict(c.postal, c.city); got != c.want {
			t.Errorf("BudapestDistrict(%q, %q) = %d, want %d", c.postal, c.city, got, c.want)
		}
	}
}

func TestMatchCountsVetoes(t *testing.T) {
	res := MatchCustomers([]RemoteCustomer{rc(1, "Minta Kft.", "12345676-2-42", "Budapest", "Fő utca 1.")},
		[]LocalCustomer{lc(101, "Minta Kft.", "10000018-2-42", "Budapest", "Fő utca 1.")})
	if res.Vetoed != 2 { // step 2 and step 4 each dropped the candidate
		t.Errorf("vetoed %d", res.Vetoed)
	}
}
