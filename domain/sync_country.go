package domain

import "strings"

// syncCountries are the countries the sync translates between MiniCRM,
// whose address "CountryId" holds a country name in the system's language
// ("Magyarország", "Hungary"), and the app's ISO 3166-1 alpha-2 codes.
// The first name is the one written to MiniCRM.
var syncCountries = []struct {
	code  string
	names []string
}{
	{"HU", []string{"Magyarország", "Hungary", "Magyarorszag"}},
	{"AT", []string{"Ausztria", "Austria", "Österreich"}},
	{"SK", []string{"Szlovákia", "Slovakia"}},
	{"RO", []string{"Románia", "Romania"}},
	{"RS", []string{"Szerbia", "Serbia"}},
	{"HR", []string{"Horvátország", "Croatia"}},
	{"SI", []string{"Szlovénia", "Slovenia"}},
	{"UA", []string{"Ukrajna", "Ukraine"}},
	{"DE", []string{"Németország", "Germany", "Deutschland"}},
	{"CZ", []string{"Csehország", "Czech Republic", "Czechia"}},
	{"PL", []string{"Lengyelország", "Poland"}},
	{"IT", []string{"Olaszország", "Italy"}},
	{"FR", []string{"Franciaország", "France"}},
	{"ES", []string{"Spanyolország", "Spain"}},
	{"NL", []string{"Hollandia", "Netherlands", "Németalföld"}},
	{"BE", []string{"Belgium"}},
	{"LU", []string{"Luxemburg", "Luxembourg"}},
	{"CH", []string{"Svájc", "Switzerland"}},
	{"GB", []string{"Egyesült Királyság", "United Kingdom", "Nagy-Britannia"}},
	{"IE", []string{"Írország", "Ireland"}},
	{"DK", []string{"Dánia", "Denmark"}},
	{"SE", []string{"Svédország", "Sweden"}},
	{"FI", []string{"Finnország", "Finland"}},
	{"NO", []string{"Norvégia", "Norway"}},
	{"PT", []string{"Portugália", "Portugal"}},
	{"GR", []string{"Görögország", "Greece"}},
	{"BG", []string{"Bulgária", "Bulgaria"}},
	{"EE", []string{"Észtország", "Estonia"}},
	{"LV", []string{"Lettország", "Latvia"}},
	{"LT", []string{"Litvánia", "Lithuania"}},
	{"CY", []string{"Ciprus", "Cyprus"}},
	{"MT", []string{"Málta", "Malta"}},
	{"US", []string{"Amerikai Egyesült Államok", "United States", "USA"}},
}

// countryCode returns the ISO code of a MiniCRM country name (or of a code
// typed there); ok is false for an unknown one. An empty name is Hungary,
// as in the app.
func countryCode(name string) (string, bool) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "HU", true
	}
	if len(name) == 2 && validCountryCode(strings.ToUpper(name)) {
		return strings.ToUpper(name), true
	}
	// Invoice/Order customers use phone-style codes ("36" for Hungary).
	if name == "36" {
		return "HU", true
	}
	f := Fold(name)
	for _, c := range syncCountries {
		for _, n := range c.names {
			if Fold(n) == f {
				return c.code, true
			}
		}
	}
	return "", false
}

// countryName is the name the sync writes to MiniCRM for an ISO code: the
// Hungarian one for the countries it knows, the code otherwise.
func countryName(code string) string {
	for _, c := range syncCountries {
		if c.code == code {
			return c.names[0]
		}
	}
	return code
}
