package domain

import (
	"context"
	"sort"
	"strconv"
	"strings"
)

// UploadField is a piece of a document that can go into a card field of
// the Számlák module.
type UploadField string

// The document fields a card may receive, in settings order.
const (
	UploadNumber         UploadField = "number"
	UploadType           UploadField = "type"
	UploadIssueDate      UploadField = "issueDate"
	UploadFulfilmentDate UploadField = "fulfilmentDate"
	UploadDueDate        UploadField = "dueDate"
	UploadNet            UploadField = "net"
	UploadGross          UploadField = "gross"
	UploadCurrency       UploadField = "currency"
	UploadPaymentMethod  UploadField = "paymentMethod"
	UploadPaidDate       UploadField = "paidDate"
	UploadStatus         UploadField = "status"
)

// UploadFields lists every field in settings order.
func UploadFields() []UploadField {
	return []UploadField{UploadNumber, UploadType, UploadIssueDate, UploadFulfilmentDate, UploadDueDate,
		UploadNet, UploadGross, UploadCurrency, UploadPaymentMethod, UploadPaidDate, UploadStatus}
}

// Label is the field's Hungarian name.
func (f UploadField) Label() string {
	switch f {
	case UploadNumber:
		return "Sorszám"
	case UploadType:
		return "Bizonylat típusa"
	case UploadIssueDate:
		return "Kiállítás dátuma"
	case UploadFulfilmentDate:
		return "Teljesítés dátuma"
	case UploadDueDate:
		return "Fizetési határidő"
	case UploadNet:
		return "Nettó összeg"
	case UploadGross:
		return "Bruttó összeg"
	case UploadCurrency:
		return "Pénznem"
	case UploadPaymentMethod:
		return "Fizetési mód"
	case UploadPaidDate:
		return "Fizetés dátuma"
	case UploadStatus:
		return "Állapot"
	}
	return string(f)
}

// UploadStatusKind is the document's state as the card's status shows it.
type UploadStatusKind string

// The three card statuses the mapping chooses.
const (
	UploadUnpaid    UploadStatusKind = "unpaid"
	UploadPaidState UploadStatusKind = "paid"
	UploadCancelled UploadStatusKind = "cancelled"
)

// Label is the Hungarian text written into a status field.
func (k UploadStatusKind) Label() string {
	switch k {
	case UploadPaidState:
		return "Kifizetve"
	case UploadCancelled:
		return "Sztornózva"
	}
	return "Kifizetetlen"
}

// UploadStatusOf is the card status kind of a document.
func UploadStatusOf(inv *Invoice) UploadStatusKind {
	switch inv.Status {
	case InvoicePaid:
		return UploadPaidState
	case InvoiceCancelled, InvoiceWithdrawn:
		return UploadCancelled
	}
	return UploadUnpaid
}

// UploadMapping says how a document is written into the Számlák module: the
// card field (API name) of each document field, unmapped ones skipped, and
// the status (id or label as MiniCRM shows it; "" for MiniCRM's default or
// no change) for unpaid, paid and cancelled documents.
type UploadMapping struct {
	// Module is the Számlák module the mapping was made for; a mapping of
	// another module is not used.
	Module int64                       `json:"module"`
	Fields map[UploadField]string      `json:"fields"`
	Status map[UploadStatusKind]string `json:"status"`
	// Auto marks a mapping derived from the module's field names.
	Auto bool `json:"auto"`
}

// UploadMappingStore keeps the mapping (set once in settings).
type UploadMappingStore interface {
	// UploadMapping returns the saved mapping; ENotFound before the first save.
	UploadMapping(ctx context.Context) (UploadMapping, error)
	SaveUploadMapping(ctx context.Context, m UploadMapping) error
}

// uploadFieldHints are folded name fragments that suggest a card field,
// tried in this order (the more specific fields first, so that "Fizetési
// határidő" is the due date and not the payment method).
var uploadFieldHints = []struct {
	field UploadField
	hints []string
}{
	{UploadDueDate, []string{"fizetesi hatarido", "hatarido", "esedekes", "due"}},
	{UploadPaymentMethod, []string{"fizetesi mod", "fizetes mod", "payment method", "payment"}},
	{UploadPaidDate, []string{"fizetes datum", "kifizetes", "befizetes", "kifizetve", "fizetve", "paid"}},
	{UploadFulfilmentDate, []string{"teljesites", "fulfil"}},
	{UploadIssueDate, []string{"kiallitas", "kelte", "szamla datum", "issue"}},
	{UploadNumber, []string{"szamlaszam", "szamla szam", "sorszam", "sorszama", "bizonylatszam", "invoice number", "number"}},
	{UploadType, []string{"bizonylat tipus", "szamla tipus", "tipus", "type"}},
	{UploadNet, []string{"netto", "net amount", "net"}},
	{UploadGross, []string{"brutto", "vegosszeg", "gross", "osszeg", "amount"}},
	{UploadCurrency, []string{"penznem", "deviza", "currency"}},
	{UploadStatus, []string{"szamla allapot", "allapot", "fizetesi statusz", "status"}},
}

// builtinCardFields are the card's own fields, never mapped.
var builtinCardFields = map[string]bool{"Id": true, "CategoryId": true, "ContactId": true, "BusinessId": true,
	"Name": true, "StatusId": true, "UserId": true, "Deleted": true, "ReferenceId": true, "IsPrivate": true,
	"StatusUpdatedAt": true, "CreatedBy": true, "CreatedAt": true, "UpdatedBy": true, "UpdatedAt": true,
	"Invited": true, "ProjectHash": true, "ProjectEmail": true, "SatisfactionRating": true}

// hintKey folds a field name for matching: "FizetesiHatarido" and
// "Fizetési határidő" both become "fizetesi hatarido"-like text without
// spaces; hints are compared without spaces too.
func hintKey(s string) string {
	// Split CamelCase API names before folding.
	var b strings.Builder
	prevLower := false
	for _, r := range s {
		if r >= 'A' && r <= 'Z' && prevLower {
			b.WriteByte(' ')
		}
		prevLower = (r >= 'a' && r <= 'z') || r > 127
		b.WriteRune(r)
	}
	f := Fold(b.String())
	var out strings.Builder
	for _, r := range f {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			out.WriteRune(r)
		}
	}
	return out.String()
}

// AutoUploadMapping derives a mapping from the module's card fields (API
// name → the label MiniCRM shows, or the name again) and its statuses (id →
// label), matching Hungarian and English names. Fields it cannot match are
// left unmapped, and so are statuses.
func AutoUploadMapping(module int64, fields map[string]string, statuses map[int64]string) UploadMapping {
	m := UploadMapping{Module: module, Fields: map[UploadField]string{}, Status: map[UploadStatusKind]string{}, Auto: true}
	names := make([]string, 0, len(fields))
	for n := range fields {
		if !builtinCardFields[n] {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	used := map[string]bool{}
	for _, h := range uploadFieldHints {
		for _, hint := range h.hints {
			hk := hintKey(hint)
			for _, n := range names {
				if used[n] {
					continue
				}
				key := hintKey(n) + " " + hintKey(fields[n])
				match := false
				for _, part := range strings.Fields(key) {
					// Short hints ("net", "due") must match a whole name.
					if part == hk || (len(hk) >= 5 && strings.Contains(part, hk)) {
						match = true
					}
				}
				if match {
					m.Fields[h.field], used[n] = n, true
					break
				}
			}
			if _, ok := m.Fields[h.field]; ok {
				break
			}
		}
	}
	statusHints := []struct {
		kind  UploadStatusKind
		hints []string
	}{
		{UploadCancelled, []string{"sztorno", "visszavon", "ervenytelen", "torolt", "cancel"}},
		{UploadUnpaid, []string{"kifizetetlen", "fizetesre var", "utalasra var", "nincs fizetve", "nyitott", "kiallitva", "unpaid", "open"}},
		{UploadPaidState, []string{"kifizetve", "fizetve", "rendezve", "befizetve", "paid"}},
	}
	ids := make([]int64, 0, len(statuses))
	for id := range statuses {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	usedStatus := map[int64]bool{}
	for _, sh := range statusHints {
	next:
		for _, hint := range sh.hints {
			hk := hintKey(hint)
			for _, id := range ids {
				if !usedStatus[id] && strings.Contains(hintKey(statuses[id]), hk) {
					m.Status[sh.kind], usedStatus[id] = strconv.FormatInt(id, 10), true
					break next
				}
			}
		}
	}
	return m
}

// UploadValues are the document's values for the card fields, as text:
// dates as 2006-01-02, amounts as plain decimals ("127000", "1234.50"),
// enums (type, payment method, status) as Hungarian labels. A value that
// does not apply (no payment yet) is "".
func UploadValues(inv *Invoice) (map[UploadField]string, error) {
	totals, err := inv.Totals()
	if err != nil {
		return nil, err
	}
	dec := inv.Currency.Decimals()
	v := map[UploadField]string{
		UploadNumber:         inv.Number,
		UploadType:           inv.Type.Label(),
		UploadIssueDate:      dateText(inv.IssueDate),
		UploadFulfilmentDate: dateText(inv.FulfilmentDate),
		UploadDueDate:        dateText(inv.DueDate),
		UploadNet:            totals.Net.Decimal().StringFixed(dec),
		UploadGross:          totals.Gross.Decimal().StringFixed(dec),
		UploadCurrency:       string(inv.Currency),
		UploadPaymentMethod:  inv.PaymentMethod.Label(),
		UploadStatus:         UploadStatusOf(inv).Label(),
	}
	if inv.Status == InvoicePaid && len(inv.Payments) > 0 {
		v[UploadPaidDate] = dateText(inv.Payments[len(inv.Payments)-1].Date)
	}
	return v, nil
}

func dateText(d Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// UploadCardName is the card's name: "KSZ-2026-00001 · 127 000 HUF".
func UploadCardName(inv *Invoice) (string, error) {
	totals, err := inv.Totals()
	if err != nil {
		return "", err
	}
	amount := strings.ReplaceAll(FormatDecimalHU(totals.Gross.Decimal(), inv.Currency.Decimals()), HUSpace, " ")
	return inv.Number + " · " + amount + " " + string(inv.Currency), nil
}

// UploadToDoKey is how the ToDo of an event starts; the worker finds a
// ToDo it may have created by it: "Számla KSZ-2026-00001 kifizetve:".
func UploadToDoKey(inv *Invoice, kind OutboxKind) string {
	event := "kiállítva"
	switch kind {
	case OutboxPaid:
		event = "kifizetve"
	case OutboxCancelled:
		event = "sztornózva"
		if inv.Type == DocProforma {
			event = "visszavonva"
		}
	}
	return inv.Type.Label() + " " + inv.Number + " " + event + ":"
}

// UploadSummary is the one-line text of the closed ToDo on the customer's
// card: "Számla KSZ-2026-00001 kiállítva: bruttó 127 000 HUF, kelt
// 2026-01-05, esedékes 2026-01-13 (KönnyűSzámla)".
func UploadSummary(inv *Invoice, kind OutboxKind) (string, error) {
	name, err := UploadCardName(inv)
	if err != nil {
		return "", err
	}
	_, amount, _ := strings.Cut(name, " · ")
	var b strings.Builder
	b.WriteString(UploadToDoKey(inv, kind))
	switch kind {
	case OutboxPaid:
		b.WriteString(" bruttó " + amount)
		if len(inv.Payments) > 0 {
			b.WriteString(", fizetve " + dateText(inv.Payments[len(inv.Payments)-1].Date))
		}
	case OutboxCancelled:
		b.WriteString(" bruttó " + amount)
	default:
		b.WriteString(" bruttó " + amount + ", kelt " + dateText(inv.IssueDate))
		if inv.Type != DocStorno {
			b.WriteString(", esedékes " + dateText(inv.DueDate))
		}
		if inv.Cancels != "" {
			b.WriteString(", sztornózza: " + inv.Cancels)
		}
	}
	b.WriteString(" (KönnyűSzámla)")
	return b.String(), nil
}
