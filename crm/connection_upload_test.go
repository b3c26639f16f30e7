//go:build cgo

package crm_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"konnyuszamla/crm"
	"konnyuszamla/domain"
)

// The mapping in settings is offered the Számlák module's own fields (with
// types and list options) and statuses, read from Schema/Project/<module>.
func TestInvoiceModuleSchemaForTheMapping(t *testing.T) {
	r := newUploadRig(t, false, true)
	conn := crm.Connector{UserAgent: "KonnyuSzamla/test", HTTPClient: r.srv.HTTPClient(), Clock: r.srv.Clock()}
	s := domain.MiniCRMSettings{SystemID: strconv.FormatInt(r.srv.SystemID(), 10), BaseURL: r.srv.URL()}
	sc, err := conn.InvoiceModuleSchema(context.Background(), s, r.srv.APIKey(), r.invoices.ID)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range sc.Fields {
		names = append(names, f.Name)
		if f.Name == "BizonylatTipus" && (f.Type != "Enum" || strings.Join(f.Options, "|") != "Díjbekérő|Számla|Sztornó számla") {
			t.Errorf("BizonylatTipus = %+v", f)
		}
		if f.Name == "SzamlaSorszama" && f.Type != "Text(512)" {
			t.Errorf("SzamlaSorszama = %+v", f)
		}
	}
	want := "BizonylatTipus Brutto FizetesiHatarido FizetesiMod KiallitasDatuma KifizetesDatuma Megjegyzes Netto Penznem SzamlaSorszama"
	if strings.Join(names, " ") != want {
		t.Errorf("fields %q, want only the module's own ones, %q", strings.Join(names, " "), want)
	}
	if sc.Module != r.invoices.ID || len(sc.Statuses) != len(r.invoices.Statuses) {
		t.Errorf("module %d, statuses %+v", sc.Module, sc.Statuses)
	}
	m := sc.AutoMapping()
	if m.Fields[domain.UploadNumber] != "SzamlaSorszama" || m.Fields[domain.UploadDueDate] != "FizetesiHatarido" ||
		m.Status[domain.UploadPaidState] != strconv.FormatInt(r.invoices.Statuses[2].ID, 10) {
		t.Errorf("automatic mapping %+v", m)
	}

	// Through the service, with the stored key.
	svc := &domain.MiniCRMService{Settings: r.db, Connector: conn,
		Secrets: &syncSecrets{m: map[string]string{domain.MiniCRMKeyAccount(s.SystemID): r.srv.APIKey()}}}
	sc2, ok, err := svc.InvoiceModuleSchema(context.Background(), s, "", r.invoices.ID)
	if err != nil || !ok || len(sc2.Fields) != len(sc.Fields) {
		t.Fatalf("service: %v %v %+v", ok, err, sc2)
	}
	if _, err := conn.InvoiceModuleSchema(context.Background(), s, r.srv.APIKey(), 999999); err == nil {
		t.Error("a missing module gave no error")
	}
}

// A mapping the user saved in settings is what the worker writes, and it
// is not replaced by the automatic one.
func TestUploadUsesTheMappingSetInSettings(t *testing.T) {
	r := newUploadRig(t, false, true)
	ctx := context.Background()
	cancelled := strconv.FormatInt(r.invoices.Statuses[3].ID, 10)
	user := domain.UploadMapping{Module: r.invoices.ID,
		Fields: map[domain.UploadField]string{domain.UploadNumber: "Megjegyzes", domain.UploadGross: "Brutto"},
		Status: map[domain.UploadStatusKind]string{domain.UploadUnpaid: cancelled}}
	if err := r.db.SaveUploadMapping(ctx, user); err != nil {
		t.Fatal(err)
	}
	inv := r.issue(t, domain.DocInvoice)
	r.drain(t)
	cards := r.cards(inv.Number)
	if len(cards) != 1 {
		t.Fatalf("cards = %+v", cards)
	}
	f := cards[0].Fields
	if f["Megjegyzes"] != inv.Number || f["Brutto"] != int64(38100) {
		t.Errorf("mapped fields = %v", f)
	}
	for _, skipped := range []string{"SzamlaSorszama", "Netto", "Penznem", "BizonylatTipus"} {
		if v, ok := f[skipped]; ok && v != "" && v != int64(0) {
			t.Errorf("unmapped %s written: %v", skipped, v)
		}
	}
	if strconv.FormatInt(cards[0].StatusID, 10) != cancelled {
		t.Errorf("status %d, want the chosen %s", cards[0].StatusID, cancelled)
	}
	m, err := r.db.UploadMapping(ctx)
	if err != nil || m.Auto || m.Fields[domain.UploadNumber] != "Megjegyzes" {
		t.Errorf("stored mapping after the upload: %+v, %v", m, err)
	}
}

// The worker keeps the module's schema between passes; a mapping saved in
// settings that names a field the kept schema lacks (added in MiniCRM
// since) makes it read the schema again, once.
func TestUploadRereadsTheSchemaForANewlyMappedField(t *testing.T) {
	r := newUploadRig(t, false, true)
	ctx := context.Background()
	schemaReads := func() int {
		n := 0
		for _, req := range r.srv.Requests() {
			if strings.HasPrefix(req.Path, "/Api/R3/Schema/Project/"+strconv.FormatInt(r.invoices.ID, 10)) {
				n++
			}
		}
		return n
	}
	r.issue(t, domain.DocInvoice)
	r.drain(t)
	if n := schemaReads(); n != 1 {
		t.Fatalf("%d schema reads after the first upload", n)
	}
	user := domain.UploadMapping{Module: r.invoices.ID, Fields: map[domain.UploadField]string{domain.UploadNumber: "Megjegyzes"}}
	if err := r.db.SaveUploadMapping(ctx, user); err != nil {
		t.Fatal(err)
	}
	r.issue(t, domain.DocInvoice)
	r.drain(t)
	if n := schemaReads(); n != 1 {
		t.Fatalf("%d schema reads with a mapping the kept schema covers", n)
	}
	user.Fields[domain.UploadGross] = "UjMezo"
	if err := r.db.SaveUploadMapping(ctx, user); err != nil {
		t.Fatal(err)
	}
	inv := r.issue(t, domain.DocInvoice)
	r.drain(t)
	inv2 := r.issue(t, domain.DocInvoice)
	r.drain(t)
	if n := schemaReads(); n != 2 {
		t.Errorf("%d schema reads, want one more for the new field", n)
	}
	for _, num := range []string{inv.Number, inv2.Number} {
		if cards := r.cards(num); len(cards) != 1 || cards[0].Fields["Megjegyzes"] != num {
			t.Errorf("%s cards %+v", num, cards)
		}
	}
}
