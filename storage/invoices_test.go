package storage_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"konnyuszamla/domain"
	"konnyuszamla/storage"
)

func testSeller() *domain.Seller {
	return &domain.Seller{
		Name: "Árvíztűrő Tükörfúrógép Kft.", TaxNumber: "12892312-2-13", BankAccount: "11773016-11111018",
		Address: domain.Address{Country: "HU", PostalCode: "1052", City: "Budapest", Street: "Váci utca 1."},
	}
}

// invoiceDB returns a database with a seller and one customer (id 1).
func invoiceDB(t *testing.T) *storage.DB {
	t.Helper()
	db := mustOpen(t)
	ctx := context.Background()
	if err := db.SaveSeller(ctx, testSeller()); err != nil {
		t.Fatal(err)
	}
	c := sampleCustomer("Minta Kft.")
	if err := db.CreateCustomer(ctx, &c); err != nil {
		t.Fatal(err)
	}
	return db
}

func draft(typ domain.DocumentType, lines ...domain.InvoiceLine) *domain.Invoice {
	if len(lines) == 0 {
		lines = []domain.InvoiceLine{
			{Description: "Tanácsadás", Quantity: domain.MustParseDecimal("2"), Unit: "óra", UnitPrice: domain.MustParseDecimal("15000"), VAT: domain.VAT27},
			{Description: "Könyv", Quantity: domain.MustParseDecimal("1"), Unit: "db", UnitPrice: domain.MustParseDecimal("4762"), VAT: domain.VAT5},
		}
	}
	return &domain.Invoice{Type: typ, CustomerID: 1, Lines: lines}
}

func mustIssue(t *testing.T, db *storage.DB, d *domain.Invoice) *domain.Invoice {
	t.Helper()
	inv, err := db.IssueDocument(context.Background(), d)
	if err != nil {
		t.Fatalf("issue: %v", err)
	}
	return inv
}

func TestIssueNeedsValidSeller(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	c := sampleCustomer("Minta Kft.")
	db.CreateCustomer(ctx, &c)
	_, err := db.IssueDocument(ctx, draft(domain.DocInvoice))
	if domain.ErrorCode(err) != domain.EInvalid || !strings.Contains(domain.ErrorMessage(err), "saját cégadatok") {
		t.Fatalf("err = %v", err)
	}
	if docs, _ := db.Documents(ctx, domain.InvoiceQuery{}); len(docs) != 0 {
		t.Errorf("a document was stored: %v", docs)
	}
}

func TestIssueNumbersAndFreezes(t *testing.T) {
	db := invoiceDB(t)
	ctx := context.Background()
	first := mustIssue(t, db, draft(domain.DocInvoice))
	proforma := mustIssue(t, db, draft(domain.DocProforma))
	second := mustIssue(t, db, draft(domain.DocInvoice))
	if first.Number != "KSZ-2026-00001" || second.Number != "KSZ-2026-00002" || proforma.Number != "DB-2026-00001" {
		t.Fatalf("numbers %s %s %s", first.Number, second.Number, proforma.Number)
	}
	if first.IssueDate != domain.NewDate(2026, 11, 27) || first.DueDate != domain.NewDate(2026, 12, 5) {
		t.Errorf("dates: issue %s due %s", first.IssueDate, first.DueDate)
	}

	// A later edit of the customer does not change the issued document.
	c, _ := db.CustomerByID(ctx, 1)
	c.Name = "Új Név Kft."
	if err := db.UpdateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	stored, err := db.Document(ctx, first.Number)
	if err != nil || stored.Buyer.Name != "Minta Kft." || stored.Seller.Name != testSeller().Name {
		t.Fatalf("stored document: %+v, %v", stored, err)
	}
	totals, _ := stored.Totals()
	if totals.Gross.String() != "43\u00a0100\u00a0Ft" {
		t.Errorf("gross %q", totals.Gross.String())
	}
}

func TestIssuedDocumentsRefuseChangesInStorage(t *testing.T) {
	db := invoiceDB(t)
	inv := mustIssue(t, db, draft(domain.DocInvoice))
	db.Close()
	raw := openRaw(t, db.Path())
	for _, stmt := range []string{
		`UPDATE document_data SET data = '{}'`,
		`DELETE FROM document_data`,
		`UPDATE documents SET gross_minor = 1 WHERE number = '` + inv.Number + `'`,
		`UPDATE documents SET buyer_name = 'x' WHERE number = '` + inv.Number + `'`,
		`UPDATE documents SET status = 'issued' WHERE number = '` + inv.Number + `' AND 0`, // no row: allowed
		`DELETE FROM documents WHERE number = '` + inv.Number + `'`,
	} {
		_, err := raw.Exec(stmt)
		if strings.HasSuffix(stmt, "AND 0") {
			if err != nil {
				t.Errorf("%s: %v", stmt, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), "issued documents cannot be") {
			t.Errorf("%s: err = %v, want refusal", stmt, err)
		}
	}
	if _, err := raw.Exec(`UPDATE documents SET status = 'paid' WHERE number = ?`, inv.Number); err != nil {
		t.Errorf("status issued → paid refused: %v", err)
	}
	if _, err := raw.Exec(`UPDATE documents SET status = 'issued' WHERE number = ?`, inv.Number); err == nil {
		t.Error("status paid → issued allowed")
	}
}

func TestIssueRefusesFutureAndArchived(t *testing.T) {
	db := invoiceDB(t)
	ctx := context.Background()
	d := draft(domain.DocInvoice)
	d.IssueDate = domain.NewDate(2026, 11, 28)
	if _, err := db.IssueDocument(ctx, d); domain.ErrorCode(err) != domain.EInvalid || !strings.Contains(err.Error(), "nem lehet későbbi") {
		t.Errorf("future issue date: %v", err)
	}
	db.SetCustomerArchived(ctx, 1, true)
	if _, err := db.IssueDocument(ctx, draft(domain.DocInvoice)); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("archived customer: %v", err)
	}
	// Neither consumed a number.
	db.SetCustomerArchived(ctx, 1, false)
	if inv := mustIssue(t, db, draft(domain.DocInvoice)); inv.Number != "KSZ-2026-00001" {
		t.Errorf("number after refusals %s", inv.Number)
	}
}

func TestCancelInvoice(t *testing.T) {
	db := invoiceDB(t)
	ctx := context.Background()
	inv := mustIssue(t, db, draft(domain.DocInvoice))
	storno, err := db.CancelInvoice(ctx, inv.Number, domain.Date{})
	if err != nil {
		t.Fatal(err)
	}
	if storno.Number != "KSZ-2026-00002" || storno.Type != domain.DocStorno || storno.Cancels != inv.Number {
		t.Errorf("sztornó %+v", storno)
	}
	st, _ := storno.Totals()
	if st.Gross.Minor != -43100 {
		t.Errorf("sztornó gross %d, want -43100", st.Gross.Minor)
	}
	orig, _ := db.Document(ctx, inv.Number)
	if orig.Status != domain.InvoiceCancelled {
		t.Errorf("original status %q", orig.Status)
	}
	if _, err := db.CancelInvoice(ctx, inv.Number, domain.Date{}); domain.ErrorCode(err) != domain.EConflict {
		t.Errorf("second cancel: %v", err)
	}
	if _, err := db.CancelInvoice(ctx, storno.Number, domain.Date{}); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("cancelling a sztornó: %v", err)
	}
	p := mustIssue(t, db, draft(domain.DocProforma))
	if _, err := db.CancelInvoice(ctx, p.Number, domain.Date{}); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("cancelling a proforma: %v", err)
	}
	if next := mustIssue(t, db, draft(domain.DocInvoice)); next.Number != "KSZ-2026-00003" {
		t.Errorf("refused cancels used numbers: next is %s", next.Number)
	}
}

func TestPaymentsAndOverdue(t *testing.T) {
	db := invoiceDB(t)
	ctx := context.Background()
	d := draft(domain.DocInvoice)
	d.IssueDate = domain.NewDate(2026, 11, 1)
	inv := mustIssue(t, db, d) // due 2026-11-09, gross 43 100
	overdue := func() []string {
		docs, err := db.Documents(ctx, domain.InvoiceQuery{OverdueOn: domain.NewDate(2026, 11, 27)})
		if err != nil {
			t.Fatal(err)
		}
		var n []string
		for _, s := range docs {
			n = append(n, s.Number)
		}
		return n
	}
	if got := overdue(); len(got) != 1 {
		t.Fatalf("overdue %v", got)
	}
	after, err := db.AddPayment(ctx, inv.Number, domain.Payment{Amount: domain.MustParseDecimal("40000")})
	if err != nil || after.Status != domain.InvoiceIssued {
		t.Fatalf("partial payment: %v, %v", after, err)
	}
	if _, err := db.AddPayment(ctx, inv.Number, domain.Payment{Amount: domain.MustParseDecimal("5000")}); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("overpayment: %v", err)
	}
	after, err = db.AddPayment(ctx, inv.Number, domain.Payment{Amount: domain.MustParseDecimal("3100")})
	if err != nil || after.Status != domain.InvoicePaid {
		t.Fatalf("final payment: %+v, %v", after, err)
	}
	if got := overdue(); len(got) != 0 {
		t.Errorf("paid invoice still overdue: %v", got)
	}
	docs, _ := db.Documents(ctx, domain.InvoiceQuery{Status: domain.InvoicePaid})
	if len(docs) != 1 || docs[0].Paid.Minor != 43100 {
		t.Errorf("paid list %+v", docs)
	}
}

func TestConvertAndWithdrawProforma(t *testing.T) {
	db := invoiceDB(t)
	ctx := context.Background()
	p := mustIssue(t, db, draft(domain.DocProforma))
	if _, err := db.AddPayment(ctx, p.Number, domain.Payment{Amount: domain.MustParseDecimal("43100")}); err != nil {
		t.Fatal(err)
	}
	inv, err := db.ConvertProforma(ctx, p.Number, domain.Date{})
	if err != nil {
		t.Fatal(err)
	}
	if inv.Type != domain.DocInvoice || inv.FromProforma != p.Number || inv.Number != "KSZ-2026-00001" || inv.Status != domain.InvoicePaid {
		t.Errorf("converted %+v", inv)
	}
	if _, err := db.ConvertProforma(ctx, p.Number, domain.Date{}); domain.ErrorCode(err) != domain.EConflict {
		t.Errorf("second conversion: %v", err)
	}
	if err := db.WithdrawProforma(ctx, p.Number); domain.ErrorCode(err) != domain.EConflict {
		t.Errorf("withdrawing a converted proforma: %v", err)
	}
	q := mustIssue(t, db, draft(domain.DocProforma))
	if err := db.WithdrawProforma(ctx, q.Number); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.Document(ctx, q.Number); got.Status != domain.InvoiceWithdrawn {
		t.Errorf("status %q", got.Status)
	}
	if _, err := db.ConvertProforma(ctx, q.Number, domain.Date{}); domain.ErrorCode(err) != domain.EConflict {
		t.Errorf("converting a withdrawn proforma: %v", err)
	}
}

func TestCustomerWithDocumentsCannotBeDeleted(t *testing.T) {
	db := invoiceDB(t)
	mustIssue(t, db, draft(domain.DocInvoice))
	err := db.DeleteCustomer(context.Background(), 1)
	if domain.ErrorCode(err) != domain.EConflict || !strings.Contains(domain.ErrorMessage(err), "Archiválhatja") {
		t.Fatalf("err = %v", err)
	}
}

func TestPDFWrittenOnceAndChecked(t *testing.T) {
	db := invoiceDB(t)
	db.RenderPDF = func(inv *domain.Invoice) ([]byte, error) { return []byte("%PDF " + inv.Number), nil }
	inv := mustIssue(t, db, draft(domain.DocInvoice))
	path, err := db.DocumentPDF(context.Background(), inv.Number)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(filepath.Dir(db.Path()), "documents", "2026", "KSZ-2026-00001.pdf"); path != want {
		t.Errorf("path %s, want %s", path, want)
	}
	writeFile(t, path, "%PDF changed")
	if _, err := db.DocumentPDF(context.Background(), inv.Number); domain.ErrorCode(err) != domain.EConflict {
		t.Errorf("tampered PDF: %v", err)
	}
}

func TestNumberingRestartsEachYear(t *testing.T) {
	db := invoiceDB(t)
	d := draft(domain.DocInvoice)
	d.IssueDate = domain.NewDate(2026, 11, 27)
	mustIssue(t, db, d)
	db.Now = func() time.Time { return fixedNow.AddDate(0, 2, 0) }
	next := mustIssue(t, db, draft(domain.DocInvoice))
	if next.Number != "KSZ-2027-00001" {
		t.Errorf("first number of 2027: %s", next.Number)
	}
}

func TestIssueDateFollowsTheSeries(t *testing.T) {
	db := invoiceDB(t)
	ctx := context.Background()
	mustIssue(t, db, draft(domain.DocInvoice)) // today, 2026-11-27
	for _, d := range []domain.Date{domain.NewDate(2026, 1, 2), domain.NewDate(2025, 6, 1)} {
		back := draft(domain.DocInvoice)
		back.IssueDate = d
		_, err := db.IssueDocument(ctx, back)
		if domain.ErrorCode(err) != domain.EInvalid || !strings.Contains(err.Error(), "nem lehet korábbi a legutóbbi bizonylaténál") {
			t.Errorf("issue date %s: %v", d, err)
		}
	}
	// The proforma series has its own dates.
	p := draft(domain.DocProforma)
	p.IssueDate = domain.NewDate(2026, 11, 20)
	mustIssue(t, db, p)
}

func TestDraftCannotClaimAProforma(t *testing.T) {
	db := invoiceDB(t)
	p := mustIssue(t, db, draft(domain.DocProforma))
	d := draft(domain.DocInvoice)
	d.FromProforma = p.Number
	inv := mustIssue(t, db, d)
	if inv.FromProforma != "" {
		t.Fatalf("a draft set fromProforma %q", inv.FromProforma)
	}
	if _, err := db.ConvertProforma(context.Background(), p.Number, domain.Date{}); err != nil {
		t.Errorf("the real conversion was blocked: %v", err)
	}
}

func TestPartlyPaidProformaCannotBeWithdrawn(t *testing.T) {
	db := invoiceDB(t)
	ctx := context.Background()
	p := mustIssue(t, db, draft(domain.DocProforma))
	if _, err := db.AddPayment(ctx, p.Number, domain.Payment{Amount: domain.MustParseDecimal("100")}); err != nil {
		t.Fatal(err)
	}
	if err := db.WithdrawProforma(ctx, p.Number); domain.ErrorCode(err) != domain.EConflict {
		t.Errorf("withdrawing a partly paid proforma: %v", err)
	}
}
