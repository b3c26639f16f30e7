package domain

import (
	"fmt"
	"strconv"
	"strings"
)

// NumberFormat is how the documents of a series are numbered, e.g.
// KSZ-2026-00001: a prefix, optionally the year, and a zero-padded counter.
// The law (23/2014. NGM rendelet 10. §) asks for numbers without gaps or
// repeats within a series; storage allocates the counter in the same
// transaction that stores the document, and this type provides the pure
// parts: the series key and the formatting.
type NumberFormat struct {
	Prefix   string `json:"prefix"`
	WithYear bool   `json:"withYear"`
	Width    int    `json:"width"`
}

// Limits of a number format. NAV accepts invoice numbers up to 50 characters.
const (
	MaxNumberPrefixLen = 10
	MaxNumberWidth     = 10
)

// DefaultNumberFormat is the format used until the user sets another one:
// KSZ-2026-00001 for invoices and sztornó invoices, DB-2026-00001 for
// proformas (díjbekérő).
func DefaultNumberFormat(t DocumentType) NumberFormat {
	if t == DocProforma {
		return NumberFormat{Prefix: "DB", WithYear: true, Width: 5}
	}
	return NumberFormat{Prefix: "KSZ", WithYear: true, Width: 5}
}

// SeriesKey names the counter a document takes its number from, e.g.
// "invoice/KSZ/2026". Invoices and sztornó invoices share one series, so a
// sztornó takes the next invoice number. The counter restarts each year only
// when the year is part of the number (otherwise KSZ-00001 would repeat); it
// also follows the prefix, so switching back to an earlier prefix resumes its
// counter instead of repeating numbers.
func (f NumberFormat) SeriesKey(t DocumentType, year int) string {
	series := "invoice"
	if t == DocProforma {
		series = "proforma"
	}
	key := series + "/" + f.Prefix
	if f.WithYear {
		key += "/" + strconv.Itoa(year)
	}
	return key
}

// Format writes the number of the counter-th document of year:
// Format(1, 2026) = "KSZ-2026-00001". A counter wider than Width is written
// in full, never cut.
func (f NumberFormat) Format(counter int64, year int) string {
	parts := make([]string, 0, 3)
	parts = append(parts, f.Prefix)
	if f.WithYear {
		parts = append(parts, fmt.Sprintf("%04d", year))
	}
	parts = append(parts, fmt.Sprintf("%0*d", max(f.Width, 1), counter))
	return strings.Join(parts, "-")
}

// Normalize trims and upper-cases the prefix.
func (f *NumberFormat) Normalize() { f.Prefix = strings.ToUpper(strings.TrimSpace(f.Prefix)) }

// Validate checks a normalised format. The prefix is a letter followed by
// letters and digits, without hyphens, so that no two formats can produce
// the same number: the hyphens alone tell "KSZ-2026-00001" (prefix, year,
// counter) from "KSZ2026-00001" (prefix, counter).
func (f *NumberFormat) Validate() error {
	var fe fieldErrors
	f.validate(&fe, "", "")
	return fe.err("A sorszámozás beállítása hibás.")
}

func (f *NumberFormat) validate(fe *fieldErrors, field, label string) {
	switch {
	case f.Prefix == "":
		fe.add(field+"prefix", label+"Előtag", "kötelező (pl. KSZ)")
	case len(f.Prefix) > MaxNumberPrefixLen:
		fe.add(field+"prefix", label+"Előtag", "legfeljebb "+itoa(MaxNumberPrefixLen)+" karakter lehet")
	case !validNumberPrefix(f.Prefix):
		fe.add(field+"prefix", label+"Előtag", "betűvel kezdődik, és csak ékezet nélküli nagybetűt és számjegyet tartalmazhat (pl. KSZ, A2)")
	}
	if f.Width < 1 || f.Width > MaxNumberWidth {
		fe.add(field+"width", label+"Számjegyek", "1 és "+itoa(MaxNumberWidth)+" között lehet")
	}
}

// ValidateNumbering checks the invoice and proforma formats together: besides
// each being valid, their prefixes must differ, or a proforma and an invoice
// could get the same number.
func ValidateNumbering(invoice, proforma NumberFormat) error {
	var fe fieldErrors
	invoice.validate(&fe, "invoice.", "Számla – ")
	proforma.validate(&fe, "proforma.", "Díjbekérő – ")
	if invoice.Prefix != "" && invoice.Prefix == proforma.Prefix {
		fe.add("proforma.prefix", "Díjbekérő – Előtag", "különbözzön a számlák előtagjától")
	}
	return fe.err("A sorszámozás beállítása hibás.")
}

func validNumberPrefix(p string) bool {
	for i := 0; i < len(p); i++ {
		c := p[i]
		letter := c >= 'A' && c <= 'Z'
		if !letter && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	return p != ""
}
