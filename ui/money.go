package ui

import (
	"strconv"
	"strings"

	"konnyuszamla/domain"
)

// notComputed stands in an amount cell while the amounts cannot be computed
// (an unknown currency, a wrong exchange rate).
const notComputed = "–"

// parseDecimalField reads a number typed into an entry ("1 234,50", "1.5").
// msg is the Hungarian reason when the text is not a number.
func parseDecimalField(text string) (d domain.Decimal, msg string) {
	d, err := domain.ParseDecimal(text)
	if err != nil {
		return domain.Decimal{}, domain.ErrorMessage(err)
	}
	return d, ""
}

// decimalInput writes d so that it can be typed back: "1 234,50" with at
// least places decimals.
func decimalInput(d domain.Decimal, places int) string { return domain.FormatDecimalHU(d, places) }

// moneyText is m as the GUI shows it ("43 100 Ft"), or notComputed when ok
// is false.
func moneyText(m domain.Money, ok bool) string {
	if !ok {
		return notComputed
	}
	return m.String()
}

// parseDateField reads a date typed as 2026.11.27. or 2026-11-27; msg is the
// Hungarian reason when it is not one.
func parseDateField(text string) (d domain.Date, msg string) {
	if strings.TrimSpace(text) == "" {
		return domain.Date{}, "kötelező"
	}
	d, err := domain.ParseDate(text)
	if err != nil {
		return domain.Date{}, "nem létező vagy hibás dátum (pl. 2026.11.27.)"
	}
	return d, ""
}

// parseIntField reads a whole number typed into an entry.
func parseIntField(text string) (n int, msg string) {
	n, err := strconv.Atoi(strings.TrimSpace(text))
	if err != nil {
		return 0, "egész szám kell"
	}
	return n, ""
}
