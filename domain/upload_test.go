package domain

import (
	"strings"
	"testing"
	"time"
)

func TestAutoUploadMapping(t *testing.T) {
	fields := map[string]string{"SzamlaSorszama": "SzamlaSorszama", "FizetesiHatarido": "FizetesiHatarido",
		"FizetesiMod": "FizetesiMod", "KiallitasDatuma": "KiallitasDatuma", "Brutto": "Brutto", "Netto": "Netto",
		"Penznem": "Penznem", "KifizetesDatuma": "KifizetesDatuma", "TeljesitesDatuma": "TeljesitesDatuma",
		"Text1105": "Bizonylat típusa", "Megjegyzes": "Megjegyzes", "Name": "Name", "StatusUpdatedAt": "StatusUpdatedAt"}
	statuses := map[int64]string{1: "Új", 2: "Fizetésre vár", 3: "Kifizetve", 4: "Sztornózva"}
	m := AutoUploadMapping(7, fields, statuses)
	want := map[UploadField]string{UploadNumber: "SzamlaSorszama", UploadDueDate: "FizetesiHatarido",
		UploadPaymentMethod: "FizetesiMod", UploadIssueDate: "KiallitasDatuma", UploadGross: "Brutto", UploadNet: "Netto",
		UploadCurrency: "Penznem", UploadPaidDate: "KifizetesDatuma", UploadFulfilmentDate: "TeljesitesDatuma",
		UploadType: "Text1105"}
	for f, api := range want {
		if m.Fields[f] != api {
			t.Errorf("%s -> %q, want %q", f, m.Fields[f], api)
		}
	}
	if _, ok := m.Fields[UploadStatus]; ok {
		t.Errorf("status mapped to %q", m.Fields[UploadStatus])
	}
	if m.Status[UploadUnpaid] != "2" || m.Status[UploadPaidState] != "3" || m.Status[UploadCancelled] != "4" || !m.Auto || m.Module != 7 {
		t.Errorf("mapping = %+v", m)
	}
}

func TestUploadTexts(t *testing.T) {
	inv := &Invoice{Type: DocInvoice, Number: "KSZ-2026-00001", Currency: HUF, PaymentMethod: PayTransfer,
		IssueDate: NewDate(2026, 1, 5), FulfilmentDate: NewDate(2026, 1, 5), DueDate: NewDate(2026, 1, 13),
		Lines: []InvoiceLine{{Description: "x", Quantity: MustParseDecimal("1"), Unit: "db", UnitPrice: MustParseDecimal("1000000"), VAT: VAT27}}}
	name, err := UploadCardName(inv)
	if err != nil || name != "KSZ-2026-00001 · 1 270 000 HUF" {
		t.Errorf("name %q, %v", name, err)
	}
	sum, _ := UploadSummary(inv, OutboxCreate)
	if !strings.HasPrefix(sum, "Számla KSZ-2026-00001 kiállítva: bruttó 1 270 000 HUF, kelt 2026-01-05, esedékes 2026-01-13") {
		t.Errorf("summary %q", sum)
	}
	v, _ := UploadValues(inv)
	if v[UploadGross] != "1270000" || v[UploadNet] != "1000000" || v[UploadPaidDate] != "" || v[UploadStatus] != "Kifizetetlen" {
		t.Errorf("values %v", v)
	}
	if OutboxStatusText(3) != "3 bizonylat vár feltöltésre" || OutboxStatusText(0) != "" {
		t.Error("status text")
	}
	if OutboxBackoff(0, time.Second, time.Minute) != time.Second || OutboxBackoff(20, time.Second, time.Minute) != time.Minute {
		t.Error("backoff")
	}
}
