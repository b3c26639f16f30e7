package domain

import (
	"bytes"
	"strings"
	"testing"
)

func TestReadCustomersCSVReportsEveryBadRow(t *testing.T) {
	in := "\ufeffnév;ADÓSZÁM;Irányítószám;Varos;utca, házszám;Típus\r\n" +
		"Alma Kft.;12345676-2-42;6720;Szeged;Kárász u. 1.;cég\r\n" +
		"\r\n" + // blank lines are skipped
		"Hibás Kft.;12345675-2-42;6720;Szeged;Kárász u. 2.;cég\r\n" +
		"\"Idézett; pontosvesszővel\";;1111;Budapest;Fő utca 1.;magánszemély\r\n" +
		"Rövid sor;1\r\n"
	got, rowErrs, err := ReadCustomersCSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Name != "Alma Kft." || got[1].Name != "Idézett; pontosvesszővel" || got[1].Kind != KindPerson {
		t.Errorf("valid rows: %+v", got)
	}
	if len(rowErrs) != 2 {
		t.Fatalf("row errors: %v", rowErrs)
	}
	if s := rowErrs[0].String(); s != "4. sor: Adószám: az első 8 számjegy (törzsszám) ellenőrző számjegye hibás" {
		t.Errorf("first error %q", s)
	}
	if s := rowErrs[1].String(); s != "6. sor: a mezők száma 2, a fejlécé 6" {
		t.Errorf("second error %q", s)
	}
}

func TestReadCustomersCSVRejectsUnknownHeader(t *testing.T) {
	_, _, err := ReadCustomersCSV(strings.NewReader("Név;Nemlétező\r\nA;B\r\n"))
	if ErrorCode(err) != EInvalid || !strings.Contains(err.Error(), `"Nemlétező"`) {
		t.Errorf("err = %v", err)
	}
	_, _, err = ReadCustomersCSV(strings.NewReader(""))
	if ErrorCode(err) != EInvalid {
		t.Errorf("empty file: %v", err)
	}
}

func TestCustomersCSVRoundTrip(t *testing.T) {
	c := Customer{Kind: KindPerson, Name: "Őz Ödön", Email: "oz@example.hu", Note: "sor1\nsor2; \"idézet\"",
		BillingAddress: Address{Country: "HU", PostalCode: "7621", City: "Pécs", Street: "Király u. 1."},
		MailingAddress: &Address{Country: "AT", PostalCode: "1010", City: "Wien", Street: "Ring 1"}}
	var buf bytes.Buffer
	if err := WriteCustomersCSV(&buf, []Customer{c}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), utf8BOM) {
		t.Error("no byte-order mark: Excel would misread the accents")
	}
	got, rowErrs, err := ReadCustomersCSV(&buf)
	if err != nil || len(rowErrs) > 0 || len(got) != 1 {
		t.Fatalf("%v %v %v", got, rowErrs, err)
	}
	if got[0].Name != c.Name || got[0].Note != c.Note || got[0].MailingAddress == nil || *got[0].MailingAddress != *c.MailingAddress {
		t.Errorf("round trip:\n%+v\n%+v", got[0], c)
	}
}

func TestReadCustomersCSVQuoteErrorsInHungarian(t *testing.T) {
	in := "Név;Adószám;Irányítószám;Város;Utca, házszám\r\n" +
		"Alma Kft.;12345676-2-42;6720;Szeged;Kárász u. 1.\r\n" +
		"Idéz\"ő Kft.;12345676-2-42;1111;Budapest;Fő utca 1.\r\n" + // a bare quote inside an unquoted field
		"\"Körte\" Bt.;12345676-2-42;9021;Győr;Baross út 3.\r\n" + // text after the closing quote
		"Szilva Zrt.;12345676-2-42;7621;Pécs;Király u. 2.\r\n"
	got, rowErrs, err := ReadCustomersCSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Name != "Alma Kft." || got[1].Name != "Szilva Zrt." {
		t.Errorf("valid rows: %+v", got)
	}
	want := []string{
		`3. sor: hibás CSV-sor: idézőjel (") áll egy idézőjel nélküli mezőben; a mezőt tegye idézőjelek közé, a benne lévő idézőjelet pedig írja kétszer ("") (a sor 6. bájtjánál)`,
		`4. sor: hibás CSV-sor: egy idézőjeles mező idézőjele nincs lezárva, vagy a záró idézőjel után további szöveg áll (a sor 8. bájtjánál)`,
	}
	if len(rowErrs) != len(want) {
		t.Fatalf("row errors: %v", rowErrs)
	}
	for i, re := range rowErrs {
		if s := re.String(); s != want[i] {
			t.Errorf("row error %d:\n got %s\nwant %s", i, s, want[i])
		}
	}

	// An unclosed quote swallows the rest of the file: say where it began.
	_, rowErrs, err = ReadCustomersCSV(strings.NewReader("Név;Város\r\n\"Nyitott;Szeged\r\nMásik;Pécs\r\n"))
	if err != nil || len(rowErrs) != 1 || !strings.Contains(rowErrs[0].String(), "2. sor: hibás CSV-sor: egy idézőjeles mező") ||
		!strings.Contains(rowErrs[0].String(), "a(z) 2. sorban kezdődő mező a(z) 3. sorig tart") {
		t.Errorf("unclosed quote: %v, %v", rowErrs, err)
	}

	_, _, err = ReadCustomersCSV(strings.NewReader("N\"év;Város\r\nA;B\r\n"))
	if ErrorCode(err) != EInvalid || err.Error() != `A CSV-fájl fejléce hibás (1. sor): idézőjel (") áll egy idézőjel nélküli mezőben; a mezőt tegye idézőjelek közé, a benne lévő idézőjelet pedig írja kétszer ("") (a sor 2. bájtjánál).` {
		t.Errorf("bad header: %v", err)
	}
	for _, re := range rowErrs {
		if strings.Contains(re.String(), "quote") || strings.Contains(re.String(), "field") {
			t.Errorf("English left in %q", re.String())
		}
	}
}
