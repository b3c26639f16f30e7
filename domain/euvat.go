package domain

import (
	"regexp"
	"strings"
)

// euVATPatterns are the formats of the EU member states' VAT numbers after the
// two-letter prefix (Greece uses EL, Northern Ireland XI).
var euVATPatterns = map[string]*regexp.Regexp{
	"AT": regexp.MustCompile(`^U\d{8}$`),
	"BE": regexp.MustCompile(`^[01]\d{9}$`),
	"BG": regexp.MustCompile(`^\d{9,10}$`),
	"CY": regexp.MustCompile(`^\d{8}[A-Z]$`),
	"CZ": regexp.MustCompile(`^\d{8,10}$`),
	"DE": regexp.MustCompile(`^\d{9}$`),
	"DK": regexp.MustCompile(`^\d{8}$`),
	"EE": regexp.MustCompile(`^\d{9}$`),
	"EL": regexp.MustCompile(`^\d{9}$`),
	"ES": regexp.MustCompile(`^[A-Z0-9]\d{7}[A-Z0-9]$`),
	"FI": regexp.MustCompile(`^\d{8}$`),
	"FR": regexp.MustCompile(`^[A-HJ-NP-Z0-9]{2}\d{9}$`),
	"HR": regexp.MustCompile(`^\d{11}$`),
	"HU": regexp.MustCompile(`^\d{8}$`),
	"IE": regexp.MustCompile(`^(\d{7}[A-W][A-I]?|\d[A-Z+*]\d{5}[A-W])$`),
	"IT": regexp.MustCompile(`^\d{11}$`),
	"LT": regexp.MustCompile(`^(\d{9}|\d{12})$`),
	"LU": regexp.MustCompile(`^\d{8}$`),
	"LV": regexp.MustCompile(`^\d{11}$`),
	"MT": regexp.MustCompile(`^\d{8}$`),
	"NL": regexp.MustCompile(`^\d{9}B\d{2}$`),
	"PL": regexp.MustCompile(`^\d{10}$`),
	"PT": regexp.MustCompile(`^\d{9}$`),
	"RO": regexp.MustCompile(`^\d{2,10}$`),
	"SE": regexp.MustCompile(`^\d{12}$`),
	"SI": regexp.MustCompile(`^\d{8}$`),
	"SK": regexp.MustCompile(`^\d{10}$`),
	"XI": regexp.MustCompile(`^(\d{9}|\d{12}|GD\d{3}|HA\d{3})$`),
}

// ParseEUVATNumber accepts an EU VAT number (közösségi adószám) such as
// "HU 1234 5676" and returns it canonical (upper case, no separators). A
// Hungarian one must be HU + a törzsszám with a correct check digit.
func ParseEUVATNumber(s string) (string, string) {
	v := strings.ToUpper(stripSeparators(s))
	if len(v) < 4 {
		return "", "túl rövid (formátum: két betűs országkód és a szám, pl. HU12345676)"
	}
	country, number := v[:2], v[2:]
	if country == "GR" {
		country = "EL"
	}
	pattern, ok := euVATPatterns[country]
	if !ok {
		return "", "ismeretlen uniós országkód: " + v[:2]
	}
	if !pattern.MatchString(number) {
		if country == "HU" {
			return "", "magyar közösségi adószám: HU és 8 számjegy (pl. HU12345676)"
		}
		return "", "nem felel meg a(z) " + country + " ország adószám-formátumának"
	}
	if country == "HU" && !ValidTaxpayerID(number) {
		return "", "a törzsszám ellenőrző számjegye hibás"
	}
	return country + number, ""
}
