// Package sample makes realistic, valid Hungarian customer data for
// benchmarks, load tests and screenshots. It is deterministic: the same n
// and seed give the same customers.
package sample

import (
	"fmt"
	"math/rand/v2"

	"konnyuszamla/domain"
)

var (
	firstWords = []string{"Árvíztűrő", "Tükörfúrógép", "Kovács", "Szabó", "Fehér", "Duna", "Tisza", "Balaton", "Mátra",
		"Bükk", "Hajnal", "Őszirózsa", "Gyöngy", "Kék Ég", "Zöld Mező", "Napfény", "Ezüst", "Tölgy", "Cseresznye", "Búzavirág"}
	secondWords = []string{"Kereskedelmi", "Építő", "Szolgáltató", "Informatikai", "Pékség", "Asztalos", "Könyvelő",
		"Fuvarozó", "Nyomda", "Kertészet", "Autószerviz", "Vendéglátó"}
	forms  = []string{"Kft.", "Bt.", "Zrt.", "Kkt.", "e.v."}
	cities = []struct{ postal, name string }{
		{"1052", "Budapest"}, {"4024", "Debrecen"}, {"6720", "Szeged"}, {"3525", "Miskolc"}, {"7621", "Pécs"},
		{"9021", "Győr"}, {"4400", "Nyíregyháza"}, {"6000", "Kecskemét"}, {"8000", "Székesfehérvár"}, {"9700", "Szombathely"},
	}
	streets     = []string{"Fő utca", "Kossuth Lajos utca", "Petőfi Sándor utca", "Rákóczi út", "Széchenyi tér", "Ady Endre utca", "Dózsa György út"}
	firstNames  = []string{"Anna", "Zsófia", "Eszter", "Gábor", "László", "Péter", "Ildikó", "Ödön", "Ürmös", "Bence"}
	familyNames = []string{"Kiss", "Nagy", "Tóth", "Horváth", "Varga", "Molnár", "Németh", "Farkas", "Balogh", "Pap"}
)

// TaxNumber returns a valid Hungarian tax number built from seven digits.
func TaxNumber(r *rand.Rand) string {
	weights := []int{9, 7, 3, 1, 9, 7, 3}
	digits := make([]byte, 7)
	sum := 0
	for i := range digits {
		d := r.IntN(10)
		if i == 0 {
			d = 1 + r.IntN(9)
		}
		digits[i] = byte('0' + d)
		sum += d * weights[i]
	}
	check := (10 - sum%10) % 10
	county := 2 + r.IntN(19) // 02–20 are all valid county codes
	return fmt.Sprintf("%s%d-%d-%02d", digits, check, 1+r.IntN(3), county)
}

// Customers returns n valid customers: mostly companies, some private persons.
func Customers(n int, seed uint64) []domain.Customer {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	out := make([]domain.Customer, n)
	for i := range out {
		city := cities[r.IntN(len(cities))]
		c := domain.Customer{
			Kind: domain.KindCompany,
			BillingAddress: domain.Address{Country: "HU", PostalCode: city.postal, City: city.name,
				Street: fmt.Sprintf("%s %d.", streets[r.IntN(len(streets))], 1+r.IntN(120))},
			Phone: fmt.Sprintf("+36 %d %03d %04d", 20+r.IntN(50), r.IntN(1000), r.IntN(10000)),
		}
		if r.IntN(5) == 0 {
			c.Kind = domain.KindPerson
			c.Name = familyNames[r.IntN(len(familyNames))] + " " + firstNames[r.IntN(len(firstNames))]
			c.Email = fmt.Sprintf("ugyfel%d@posta.example", i)
		} else {
			c.Name = fmt.Sprintf("%s %s %s %d", firstWords[r.IntN(len(firstWords))], secondWords[r.IntN(len(secondWords))], forms[r.IntN(len(forms))], i)
			c.TaxNumber = TaxNumber(r)
			c.Email = fmt.Sprintf("info%d@ceg%d.example", i, r.IntN(1000))
		}
		out[i] = c
	}
	return out
}
