package pdf

import (
	"fmt"
	"strings"
	"testing"

	"konnyuszamla/domain"
)

// testGen is the generator every test renders with.
const testGen = "KönnyűSzámla 0.1.0"

func testSeller() domain.Seller {
	return domain.Seller{
		Name: "Árvíztűrő Tükörfúrógép Kft.", TaxNumber: "12345676-2-42", EUVATNumber: "HU12345676",
		Address:     domain.Address{Country: "HU", PostalCode: "1111", City: "Budapest", Street: "Fő utca 1."},
		BankAccount: "11773016-11111018", Email: "info@tukorfurogep.hu", Phone: "+36 1 234 5678",
	}
}

func testBuyer() domain.Buyer {
	return domain.Buyer{Kind: domain.KindCompany, Name: "Őszibarack Űrkutató Bt.", TaxNumber: "12892312-2-41",
		Address: domain.Address{Country: "HU", PostalCode: "6720", City: "Szeged", Street: "Kárász utca 2."}}
}

func line(desc, qty, unit, price string, vat domain.VATCode) domain.InvoiceLine {
	return domain.InvoiceLine{Description: desc, Quantity: domain.MustParseDecimal(qty), Unit: unit,
		UnitPrice: domain.MustParseDecimal(price), VAT: vat}
}

// draft is an issued HUF invoice paid by transfer with the given lines.
func draft(number string, lines ...domain.InvoiceLine) *domain.Invoice {
	issue := domain.NewDate(2026, 11, 27)
	return &domain.Invoice{
		Type: domain.DocInvoice, Number: number, Status: domain.InvoiceIssued,
		Buyer: testBuyer(), Seller: testSeller(),
		IssueDate: issue, FulfilmentDate: issue.AddDays(-2), DueDate: issue.AddDays(8),
		PaymentMethod: domain.PayTransfer, Currency: domain.HUF, ExchangeRate: domain.DecimalFromInt(1),
		Lines: lines,
	}
}

// hufMixed is a HUF cash invoice with 27 %, 5 % and TAM lines, whose total
// is cash-rounded, and a note with the Hungarian double-accented capitals.
func hufMixed() *domain.Invoice {
	inv := draft("KSZ-2026-000123",
		line("Árvíztűrő tükörfúrógép", "1", "db", "15994", domain.VAT27),
		line("Szakkönyv: Fúrás alapjai", "2", "db", "4490", domain.VAT5),
		line("Oktatás (tárgyi adómentes)", "3", "óra", "12345", domain.VATTAM),
	)
	inv.PaymentMethod = domain.PayCash
	inv.DueDate = inv.IssueDate
	inv.FromProforma = "D-2026-000017"
	inv.Note = "Köszönjük a vásárlást! Ő Ű ő ű"
	return inv
}

// eurInvoice is a EUR invoice at 395,12 Ft/EUR.
func eurInvoice() *domain.Invoice {
	inv := draft("KSZ-2026-000124",
		line("Szoftverfejlesztés", "10", "óra", "45.50", domain.VAT27),
		line("Licenc", "3", "db", "12.345", domain.VAT27),
		line("Tankönyv", "1", "db", "20", domain.VAT5),
	)
	inv.Currency, inv.ExchangeRate = domain.EUR, domain.MustParseDecimal("395.12")
	return inv
}

// storno is the sztornó of a HUF invoice.
func storno(t testing.TB) *domain.Invoice {
	orig := draft("KSZ-2026-000100", line("Tanácsadás", "2", "óra", "15000", domain.VAT27),
		line("Kiszállás", "1", "alkalom", "8000", domain.VAT27))
	s, err := domain.NewStorno(orig, "KSZ-2026-000125", domain.NewDate(2026, 12, 1))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// proforma is a díjbekérő.
func proforma() *domain.Invoice {
	inv := draft("D-2026-000018", line("Éves karbantartási díj", "1", "év", "240000", domain.VAT27))
	inv.Type = domain.DocProforma
	return inv
}

// cashAccountingFAD is an invoice of a cash-accounting seller with a
// domestic reverse-charge line.
func cashAccountingFAD() *domain.Invoice {
	inv := draft("KSZ-2026-000126",
		line("Építőipari szerelés", "12", "óra", "9500", domain.VATFAD),
		line("Anyagköltség", "1", "tétel", "48000", domain.VAT27),
	)
	inv.Seller.CashAccounting = true
	return inv
}

// longDescription is a description that must wrap in the line table.
const longDescription = "Részletes rendszerkarbantartás a megrendelő telephelyén: szerverek frissítése, " +
	"biztonsági mentések ellenőrzése, hálózati eszközök átvizsgálása és a felhasználók " +
	"oktatása a következő negyedévre vonatkozó ütemterv szerint"

// manyLines is an invoice with n lines; every seventh has a long,
// wrapping description.
func manyLines(n int) *domain.Invoice {
	lines := make([]domain.InvoiceLine, n)
	vats := []domain.VATCode{domain.VAT27, domain.VAT5, domain.VAT18, domain.VATTAM}
	for i := range lines {
		desc := fmt.Sprintf("Tétel %03d – alkatrész", i+1)
		if i%7 == 3 {
			desc = fmt.Sprintf("Tétel %03d – %s", i+1, longDescription)
		}
		lines[i] = line(desc, fmt.Sprint(i%5+1), "db", fmt.Sprint(1000+i*37), vats[i%len(vats)])
	}
	return draft(fmt.Sprintf("KSZ-2026-%06d", 200+n), lines...)
}

// stress is a EUR invoice with every long field: names and addresses that
// wrap, a foreign buyer, big amounts, long units, many VAT codes (with long
// summary labels) and a long multi-paragraph note.
func stress() *domain.Invoice {
	inv := draft("KSZ/2026/ÉPÍTŐIPARI-SOROZAT/000127",
		line("Gépi földmunka", "1250.5", "köbméter", "98765.4321", domain.VAT27),
		line("Közösségen belüli termékértékesítés: acél tartószerkezet", "12", "tonna", "1234567.89", domain.VATKBAET),
		line("Export: tartalék alkatrészek", "3", "raklap", "4500", domain.VATEAM),
		line("Uniós szolgáltatás", "40", "óra", "95", domain.VATEUFAD37),
		line("Tankönyv", "7", "db", "12.5", domain.VAT5),
		line(longDescription+" "+longDescription, "1", "szolgáltatási csomag", "0.375", domain.VAT18),
	)
	inv.Seller.Name = "Árvíztűrő Tükörfúrógép és Különleges Precíziós Szerszámgyártó Korlátolt Felelősségű Társaság"
	inv.Seller.Address.Street = "Hosszú nevű Szent István király körút 123/B. II. emelet 4. ajtó"
	inv.Buyer = domain.Buyer{Kind: domain.KindCompany, Name: "Großhandel Müller & Söhne GmbH", EUVATNumber: "DE123456789",
		Address: domain.Address{Country: "DE", PostalCode: "10115", City: "Berlin", Street: "Invalidenstraße 117"}}
	inv.Currency, inv.ExchangeRate = domain.EUR, domain.MustParseDecimal("395.123456")
	inv.Note = "Első bekezdés: a szállítás a megrendelő telephelyére történik. " + longDescription + "\n\n" +
		"Második bekezdés: Ő Ű ő ű – késedelmes fizetés esetén a Ptk. 6:155. § szerinti kamat és 40 eurónak megfelelő behajtási költségátalány jár."
	return inv
}

// tallRow has a line whose description is taller than a page (one word a
// line), which must be split between pages.
func tallRow() *domain.Invoice {
	var b strings.Builder
	for i := 1; i <= 90; i++ {
		fmt.Fprintf(&b, "sor%02d\n", i)
	}
	return draft("KSZ-2026-000128", line("Első tétel", "1", "db", "1200", domain.VAT27),
		line(b.String(), "2", "db", "500", domain.VAT27), line("Utolsó tétel", "1", "db", "300", domain.VAT5))
}

// normalize makes extracted text comparable: no-break spaces become spaces
// and runs of white space one space.
func normalize(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}
