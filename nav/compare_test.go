package nav_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"konnyuszamla/domain"
)

// shape is the element structure of an XML document: the set of element
// paths (local names, namespaces ignored) and, per parent path, which
// child comes before which.
type shape struct {
	paths  map[string]bool
	before map[string]bool // "parent|a|b": a child a came before a child b
}

// notInApp are elements of NAV's samples for features the app does not
// have (product codes, line nature, order numbers, margin scheme…); they
// and their subtrees are left out of the comparison.
var notInApp = map[string]bool{
	"productCodes": true, "lineNatureIndicator": true, "utilitySettlementIndicator": true,
	"conventionalInvoiceInfo": true, "additionalInvoiceData": true, "referencesToOtherLines": true,
	"marginSchemeIndicator": true,
}

func shapeOf(t *testing.T, data []byte) shape {
	t.Helper()
	s := shape{paths: map[string]bool{}, before: map[string]bool{}}
	dec := xml.NewDecoder(bytes.NewReader(data))
	type frame struct {
		path     string
		children []string
		skip     bool
	}
	stack := []*frame{{path: ""}}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return s
		}
		if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			parent := stack[len(stack)-1]
			name := e.Name.Local
			skip := parent.skip || notInApp[name] || strings.HasSuffix(parent.path, "Address")
			f := &frame{path: parent.path + "/" + name, skip: skip}
			if !skip {
				s.paths[f.path] = true
				for _, prev := range parent.children {
					if prev != name {
						s.before[parent.path+"|"+prev+"|"+name] = true
					}
				}
				parent.children = append(parent.children, name)
			}
			stack = append(stack, f)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
}

// TestStructureMatchesNAVSamples builds, for five of NAV's own samples, the
// equivalent document of the app and compares their element structure:
// every element of the sample (except features the app lacks) appears in
// the app's report, the app adds only the listed optional elements, and no
// two elements come in the opposite order.
func TestStructureMatchesNAVSamples(t *testing.T) {
	noEU := func(inv *domain.Invoice) *domain.Invoice { inv.Seller.EUVATNumber = ""; return inv }
	domestic := issued(t, "2021/000123", noEU(draft(buyerDomestic, domain.HUF, "",
		line("Hűtött házi sertés (fél)", "1500", "kg", "400", domain.VAT5),
		line("Érlelt szalámi", "1600", "kg", "3000", domain.VAT27),
		line("Árengedmény", "-1600", "kg", "300", domain.VAT27),
		line("Kenőmájas", "40", "kg", "800", domain.VAT27))))
	storno := stornoOf(t, "ZZZ000009", issued(t, "ZZZ000001", noEU(draft(buyerDomestic, domain.HUF, "",
		line("A-E termék", "10", "db", "550000", domain.VAT27)))))
	cases := []struct {
		sample string
		doc    *domain.Invoice
		extra  []string // optional elements the app writes and the sample lacks
	}{
		{"Belfoldi_termekertekesites.xml", domestic, []string{"paymentMethod"}},
		{"Belfoldi_termekertekesites_maganszemelynek.xml", issued(t, "2021/000124", noEU(draft(buyerPerson, domain.HUF, "",
			line("Hűtött házi sertés (fél)", "1.5", "kg", "400", domain.VAT5),
			line("Érlelt szalámi", "1.6", "kg", "3000", domain.VAT27)))), []string{"paymentMethod"}},
		{"Belfoldi_ertekesites_tobb_AFA_tipus.xml", issued(t, "2021/000125", noEU(draft(buyerDomestic, domain.HUF, "",
			line("Búza vetőmag", "10", "t", "50000", domain.VATFAD),
			line("Ízesített tej", "2000", "l", "80", domain.VAT18),
			line("Mezőgazdasági szakkönyv", "100", "kötet", "2000", domain.VAT5),
			line("Egyetemi oktatás", "120", "óra", "8000", domain.VATTAM),
			line("Külföldi közvetítés", "1", "db", "50000", domain.VATHO)))), []string{"unitPriceHUF"}},
		{"Belfoldi_devizas_szamla.xml", issued(t, "2021/000126", noEU(draft(buyerDomestic, domain.EUR, "310",
			line("Hűtött házi sertés", "1500", "kg", "2", domain.VAT5),
			line("Érlelt szalámi", "1600", "kg", "10", domain.VAT27),
			line("Zacskó", "4000", "csomag", "0.03", domain.VAT27),
			line("Szakkönyv", "2", "kötet", "15", domain.VAT27)))), nil},
		{"Modositas_es_ervenytelenites_1.xml", storno, []string{"quantity", "unitOfMeasure", "unitPrice", "unitPriceHUF",
			"paymentDate", "vatRateGrossData", "vatRateGrossAmount", "vatRateGrossAmountHUF"}},
	}
	for _, tc := range cases {
		t.Run(tc.sample, func(t *testing.T) {
			sampleData, err := os.ReadFile(filepath.Join("testdata", "samples", tc.sample))
			if err != nil {
				t.Fatal(err)
			}
			want, got := shapeOf(t, sampleData), shapeOf(t, build(t, tc.doc))
			extra := map[string]bool{}
			for _, e := range tc.extra {
				extra[e] = true
			}
			for _, p := range sorted(want.paths) {
				if !got.paths[p] {
					t.Errorf("missing %s", p)
				}
			}
			for _, p := range sorted(got.paths) {
				if !want.paths[p] && !extra[p[strings.LastIndex(p, "/")+1:]] {
					t.Errorf("not in the sample: %s", p)
				}
			}
			for _, k := range sorted(got.before) {
				parts := strings.Split(k, "|")
				if want.before[parts[0]+"|"+parts[2]+"|"+parts[1]] {
					t.Errorf("under %s: %s comes before %s, the sample has them the other way", parts[0], parts[1], parts[2])
				}
			}
		})
	}
}

func sorted(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
