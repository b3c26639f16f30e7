package domain

// navResendableCodes are NAV's business errors that do not concern the
// invoice's content, so that the very same document may be reported again
// once the cause is gone: the NAV settings (the technical user belongs to
// another taxpayer), the order of the chain (the sztornó's invoice was not
// yet at NAV), or a transport problem.
var navResendableCodes = map[string]bool{
	"SUPPLIER_TAX_NUMBER_MISMATCH":   true,
	"INVALID_INVOICE_REFERENCE":      true,
	"SCHEMA_VIOLATION":               true,
	"DECOMPRESSION_ERROR":            true,
	"COMPRESSION_TOLERANCE_EXCEEDED": true,
	"DUPLICATE_IN_REQUEST":           true,
	"ANNULMENT_IN_PROGRESS":          true,
	// NAVLocalError: the app could not build or send the report (a
	// program error fixed by an update).
	NAVLocalError: true,
}

// NAVLocalError is the code of a message the app itself adds to a report.
const NAVLocalError = "KONNYUSZAMLA_LOCAL_ERROR"

// NAVResendable decides whether an aborted report may be sent again. An
// issued invoice can never be changed (Áfa tv.), so a report NAV refused
// for its content would be refused again: the lawful fix is a sztornó and
// a new invoice. A report refused for a technical reason (XML, transport,
// a program error) or for a cause outside the document (settings, the
// order of the chain) may be resent once the cause is fixed.
func NAVResendable(msgs []NAVMessage) bool {
	blocking := 0
	for _, m := range msgs {
		if m.Severity != "ERROR" && m.Severity != "CRITICAL" {
			continue
		}
		blocking++
		if !m.Technical && !navResendableCodes[m.Code] {
			return false
		}
	}
	return blocking > 0
}

// NAVAdvice says in Hungarian what the user can do about a report.
func NAVAdvice(r *NAVReport) string {
	switch {
	case r.State == NAVPending && r.LastError != "":
		return "A küldés nem sikerült, a program automatikusan újrapróbálja: " + r.LastError
	case r.State == NAVPending:
		return "Beküldésre vár."
	case r.State == NAVUnknown:
		return "A NAV válasza elveszett; a program a NAV-nál ellenőrzi, megérkezett-e, és csak akkor küldi újra, ha nem."
	case r.State == NAVAborted && hasCode(r.Messages, "INVOICE_NUMBER_NOT_UNIQUE"):
		return "A NAV-nál már van ilyen sorszámú számla. Nézze meg az Online Számla felületén; " +
			"ha az egy másik számla, a sorszámformátumot kell módosítani, ezt a számlát pedig sztornózni."
	case r.State == NAVAborted && NAVResendable(r.Messages):
		return "A hiba nem a számla tartalmában van: a beállítások vagy a program javítása után újraküldhető."
	case r.State == NAVAborted:
		return "A NAV a számla tartalmát kifogásolta. Kiállított számla nem módosítható: " +
			"állítson ki sztornó számlát, majd új számlát a helyes adatokkal."
	}
	return ""
}

func hasCode(msgs []NAVMessage, code string) bool {
	for _, m := range msgs {
		if m.Code == code {
			return true
		}
	}
	return false
}
