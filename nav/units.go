package nav

import (
	"strings"

	"konnyuszamla/domain"
)

// unitNames maps the units Hungarian invoices write (folded: lower case,
// no accents, no trailing dot) to NAV's UnitOfMeasureType.
var unitNames = map[string]string{
	"db": "PIECE", "darab": "PIECE", "pc": "PIECE", "pcs": "PIECE", "piece": "PIECE",
	"kg": "KILOGRAM", "kilogramm": "KILOGRAM", "kilogram": "KILOGRAM",
	"t": "TON", "tonna": "TON", "ton": "TON",
	"kwh": "KWH",
	"nap": "DAY", "day": "DAY",
	"ora": "HOUR", "o": "HOUR", "h": "HOUR", "hour": "HOUR", "munkaora": "HOUR",
	"perc": "MINUTE", "min": "MINUTE", "minute": "MINUTE",
	"ho": "MONTH", "honap": "MONTH", "month": "MONTH",
	"l": "LITER", "liter": "LITER", "litre": "LITER",
	"km": "KILOMETER", "kilometer": "KILOMETER",
	"m3": "CUBIC_METER", "m³": "CUBIC_METER", "kobmeter": "CUBIC_METER",
	"m": "METER", "meter": "METER",
	"fm": "LINEAR_METER", "folyometer": "LINEAR_METER",
	"karton": "CARTON", "carton": "CARTON",
	"csomag": "PACK", "cs": "PACK", "csom": "PACK", "pack": "PACK",
}

// UnitOfMeasure maps the unit of a line to NAV's enumeration. A unit NAV
// has no name for is OWN, with the text as typed in the second result
// (unitOfMeasureOwn).
func UnitOfMeasure(unit string) (code, own string) {
	key := strings.TrimSuffix(domain.Fold(domain.CollapseSpace(unit)), ".")
	if c, ok := unitNames[key]; ok {
		return c, ""
	}
	return "OWN", domain.CollapseSpace(unit)
}
