package domain

import "testing"

// One table per normalisation rule of match_normalize.go; each row is a
// pair that must compare equal (same) or different (!same).
func TestNormalizationRules(t *testing.T) {
	type pair struct {
		a, b string
		same bool
	}
	rules := []struct {
		rule  string
		norm  func(string) string
		pairs []pair
	}{
		{"1 Unicode NFC/NFD and accents", NormalizeName, []pair{
			{"Árvíztűrő Kft.", "A\u0301rvi\u0301ztu\u030brő Kft.", true}, // composed vs decomposed
			{"Kovács és Társa Bt.", "Kovacs es Tarsa Bt.", true},
			{"Őze Ügynökség", "Oze Ugynokseg", true},
			{"Kovács Kft.", "Kovách Kft.", false},
		}},
		{"2 case folding", NormalizeName, []pair{
			{"MINTA KFT.", "minta kft.", true},
			{"ŐSZ ÉS TÉL Bt.", "ősz és tél bt.", true},
		}},
		{"3 white space", NormalizeName, []pair{
			{"  Minta \t Kft. ", "Minta Kft.", true},
			{"Minta\u00a0Kft.", "Minta Kft.", true}, // no-break space
			{"Minta\nKft.", "Minta Kft.", true},
			{"MintaKft.", "Minta Kft.", false},
		}},
		{"4 punctuation and symbols", NormalizeName, []pair{
			{"Minta-Ker Kft.", "Minta Ker Kft", true},
			{"„Minta” Kft.", "Minta Kft", true},
			{"Kovács & Fia Bt.", "Kovács és Fia Bt.", true},
			{"Minta, Kft.", "Minta Kft.", true},
		}},
		{"5 spelt-out letters", NormalizeName, []pair{
			{"Minta K.F.T.", "Minta Kft.", true},
			{"Kiss János e.v.", "Kiss János ev", true},
			{"A B C Kft.", "ABC Kft.", true},
		}},
		{"6 house numbers", NormalizeStreet, []pair{
			{"Fő utca 12A", "Fő utca 12/A", true},
			{"Fő utca 12 a", "Fő utca 12/a", true},
			{"Fő utca 12", "Fő utca 12/A", false},
		}},
		{"7 company forms", NormalizeName, []pair{
			{"Minta Kft.", "Minta Kft", true},
			{"Minta kft.", "Minta KFT", true},
			{"Minta Korlátolt Felelősségű Társaság", "Minta Kft.", true},
			{"Minta Betéti Társaság", "Minta Bt.", true},
			{"Minta Zártkörűen Működő Részvénytársaság", "Minta Zrt.", true},
			{"Minta Nyilvánosan Működő Részvénytársaság", "Minta Nyrt.", true},
			{"Minta Zártkörűen Működő Rt.", "Minta Zrt.", true},
			{"Kiss János egyéni vállalkozó", "Kiss János e.v.", true},
			{"Minta Kft.", "Minta Bt.", false},
			{"Minta Kft.", "Minta", false},
		}},
		{"8 street words", NormalizeStreet, []pair{
			{"Fő u. 1.", "Fő utca 1", true},
			{"Szent István krt. 5.", "Szent István körút 5", true},
			{"Deák tér. 3", "Deák tér 3", true},
			{"Andrássy sgt. 2", "Andrássy sugárút 2", true},
			{"Belgrád rkp. 9.", "Belgrád rakpart 9", true},
			{"Pf. 12", "Postafiók 12", true},
			{"Fő u. 1. 2. em. 3.", "Fő utca 1 2 emelet 3", true},
			{"Fő út 1.", "Fő utca 1.", false}, // út and utca are different streets
		}},
		{"9 cities", NormalizeCity, []pair{
			{"Bp.", "Budapest", true},
			{"Budapest XI. ker.", "Budapest", true},
			{"Budapest, XIII. kerület", "budapest", true},
			{"1111 Budapest", "Budapest", true},
			{"Győr", "Gyor", true},
			{"Budapest", "Budaörs", false},
		}},
	}
	for _, r := range rules {
		t.Run(r.rule, func(t *testing.T) {
			for _, p := range r.pairs {
				a, b := r.norm(p.a), r.norm(p.b)
				if (a == b) != p.same {
					t.Errorf("%q → %q, %q → %q: same = %v, want %v", p.a, a, p.b, b, a == b, p.same)
				}
			}
		})
	}
}

func TestTaxpayerKey(t *testing.T) {
	for _, c := range []struct{ tax, eu, want string }{
		{"12345676-2-42", "", "12345676"},
		{"12345676242", "", "12345676"},
		{"12345676-3-13", "", "12345676"}, // another VAT code, the same taxpayer
		{"", "HU12345676", "12345676"},
		{"", "DE123456789", ""},
		{"123", "", ""},
		{"12345678-2-42", "", ""}, // wrong check digit
	} {
		if got := TaxpayerKey(c.tax, c.eu); got != c.want {
			t.Errorf("TaxpayerKey(%q, %q) = %q, want %q", c.tax, c.eu, got, c.want)
		}
	}
}

func TestSyncNameQuery(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Minta Kft.", "Minta"},
		{"Minta Kereskedelmi Kft", "Minta Kereskedelmi"},
		{"Minta Korlátolt Felelősségű Társaság", "Minta"},
		{"Kovács és Társa Bt.", "Kovács és Társa"},
		{"Kft.", "Kft"},
		{"Alma, Körte Zrt.", "Alma, Körte"},
	} {
		if got := SyncNameQuery(c.in); got != c.want {
			t.Errorf("SyncNameQuery(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
