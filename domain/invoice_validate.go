package domain

import (
	"fmt"
	"slices"
	"strings"
)

// Limits of a document. Line text lengths follow the NAV schema.
const (
	MaxInvoiceLines       = 1000
	MaxLineDescriptionLen = 512
	MaxUnitLen            = 50
	// MaxExchangeRatePlaces: NAV's exchangeRate is decimal(14,6).
	MaxExchangeRatePlaces = 6
)

// maxLineNet bounds one line's value in the document currency; far above
// any real invoice, it keeps every total well inside int64 (see Money).
var maxLineNet = DecimalFromInt(1_000_000_000_000)

// Validate checks a normalised draft (see Normalize and ApplyDefaults) with
// the buyer and seller snapshots filled in, and returns every wrong field at
// once as an *Error with code EInvalid. Line fields are named "lines[i].x"
// with i counted from 0, and labelled "2. tétel – mennyiség" counting from 1,
// as the user sees them.
func (inv *Invoice) Validate() error {
	var fe fieldErrors
	inv.validateHeader(&fe)
	inv.validateDates(&fe)
	inv.validateMoney(&fe)
	inv.validateBuyer(&fe)
	inv.Seller.validate(&fe, "seller.", "Eladó – ")
	if inv.PaymentMethod == PayTransfer && inv.Seller.BankAccount == "" {
		fe.add("seller.bankAccount", "Eladó – bankszámlaszám", "átutalásos fizetéshez kötelező (beállítások)")
	}
	linesOK := inv.validateLines(&fe)
	if len(fe) == 0 && linesOK {
		inv.validateTotals(&fe)
	}
	noun := map[DocumentType]string{DocInvoice: "A számla", DocProforma: "A díjbekérő", DocStorno: "A sztornó számla"}[inv.Type]
	if noun == "" {
		noun = "A bizonylat"
	}
	return fe.err(noun + " adatai hibásak.")
}

func (inv *Invoice) validateHeader(fe *fieldErrors) {
	if !inv.Type.Valid() {
		fe.add("type", "Bizonylat típusa", "számla (invoice), díjbekérő (proforma) vagy sztornó (storno) lehet")
	}
	switch {
	case inv.Type == DocStorno && inv.Cancels == "":
		fe.add("cancels", "Sztornózott számla", "kötelező megadni a sztornózott számla sorszámát")
	case inv.Type != DocStorno && inv.Cancels != "":
		fe.add("cancels", "Sztornózott számla", "csak sztornó számlánál adható meg")
	}
	if inv.FromProforma != "" && inv.Type != DocInvoice {
		fe.add("fromProforma", "Díjbekérő", "csak számla készülhet díjbekérőből")
	}
	if !inv.PaymentMethod.Valid() {
		fe.add("paymentMethod", "Fizetési mód",
			"átutalás (transfer), készpénz (cash), bankkártya (card), utánvét (cod) vagy egyéb (other) lehet")
	}
	checkText(fe, "note", "Megjegyzés", inv.Note, MaxNoteLen, false)
}

func (inv *Invoice) validateDates(fe *fieldErrors) {
	// NAV accepts no date before 2010; a year beyond 2099 is a typo.
	inRange := func(field, label string, d Date) bool {
		switch {
		case d.IsZero():
			fe.add(field, label, "kötelező")
		case d.Year() < 2010 || d.Year() > 2099:
			fe.add(field, label, "2010 és 2099 közötti dátum kell")
		default:
			return true
		}
		return false
	}
	issueOK := inRange("issueDate", "Kiállítás dátuma", inv.IssueDate)
	// Fulfilment may precede the invoice (the normal case) or follow it
	// (periodic services), but more than a year either way is a typo; a
	// sztornó keeps the original's fulfilment date, however old.
	if inRange("fulfilmentDate", "Teljesítés dátuma", inv.FulfilmentDate) && issueOK && inv.Type != DocStorno {
		f, i := inv.FulfilmentDate, inv.IssueDate
		if f.Before(i.AddYears(-1)) || f.After(i.AddYears(1)) {
			fe.add("fulfilmentDate", "Teljesítés dátuma", "legfeljebb egy évvel térhet el a kiállítás dátumától")
		}
	}
	if inRange("dueDate", "Fizetési határidő", inv.DueDate) && issueOK {
		switch {
		case inv.DueDate.Before(inv.IssueDate):
			fe.add("dueDate", "Fizetési határidő", "nem lehet korábbi a kiállítás dátumánál")
		case inv.DueDate.After(inv.IssueDate.AddYears(1)):
			fe.add("dueDate", "Fizetési határidő", "legfeljebb egy évvel követheti a kiállítás dátumát")
		}
	}
}

func (inv *Invoice) validateMoney(fe *fieldErrors) {
	if !inv.Currency.Valid() {
		fe.add("currency", "Pénznem", "háromjegyű ISO pénznemkód kell (pl. HUF, EUR, USD)")
		return
	}
	switch r := inv.ExchangeRate; {
	case inv.Currency == HUF && !r.Equal(DecimalFromInt(1)):
		fe.add("exchangeRate", "Árfolyam", "forintos bizonylaton 1")
	case inv.Currency == HUF:
	case r.Sign() <= 0:
		fe.add("exchangeRate", "Árfolyam", "pozitív szám kell: 1 "+string(inv.Currency)+" értéke forintban (pl. 395,12)")
	case r.Places() > MaxExchangeRatePlaces:
		fe.add("exchangeRate", "Árfolyam", fmt.Sprintf("legfeljebb %d tizedesjegy lehet", MaxExchangeRatePlaces))
	}
}

func (inv *Invoice) validateBuyer(fe *fieldErrors) {
	b := &inv.Buyer
	checkText(fe, "buyer.name", "Vevő – név", b.Name, MaxNameLen, true)
	switch {
	case b.TaxNumber != "":
		if _, msg := ParseTaxNumber(b.TaxNumber); msg != "" {
			fe.add("buyer.taxNumber", "Vevő – adószám", msg)
		}
	case b.Kind == KindCompany && b.Address.Country == "HU":
		fe.add("buyer.taxNumber", "Vevő – adószám", "belföldi cégnél kötelező")
	}
	if b.EUVATNumber != "" {
		if _, msg := ParseEUVATNumber(b.EUVATNumber); msg != "" {
			fe.add("buyer.euVatNumber", "Vevő – közösségi adószám", msg)
		}
	}
	b.Address.validate(fe, "buyer.address", "Vevő címe", true)
}

// validateLines checks each line and the rules a line's VAT code puts on the
// buyer and the seller. It reports whether every line is valid (so totals can
// be computed).
func (inv *Invoice) validateLines(fe *fieldErrors) bool {
	before := len(*fe)
	switch {
	case len(inv.Lines) == 0:
		fe.add("lines", "Tételek", "legalább egy tétel kell")
	case len(inv.Lines) > MaxInvoiceLines:
		fe.add("lines", "Tételek", fmt.Sprintf("legfeljebb %d tétel lehet", MaxInvoiceLines))
	}
	var needEU, needHU []string // VAT codes that need the buyer's numbers
	for i, l := range inv.Lines {
		field := func(f string) string { return fmt.Sprintf("lines[%d].%s", i, f) }
		label := func(l string) string { return fmt.Sprintf("%d. tétel – %s", i+1, l) }
		checkText(fe, field("description"), label("megnevezés"), l.Description, MaxLineDescriptionLen, true)
		if l.Quantity.IsZero() {
			fe.add(field("quantity"), label("mennyiség"), "nem lehet nulla")
		}
		checkText(fe, field("unit"), label("mennyiségi egység"), l.Unit, MaxUnitLen, true)
		if l.UnitPrice.Sign() < 0 {
			fe.add(field("unitPrice"), label("egységár"), "nem lehet negatív (visszáru vagy engedmény: negatív mennyiséggel)")
		}
		if l.Quantity.Mul(l.UnitPrice).Abs().Cmp(maxLineNet) > 0 {
			fe.add(field("quantity"), label("érték"), "túl nagy (legfeljebb 1 000 000 000 000)")
		}
		info, ok := l.VAT.Info()
		switch {
		case l.VAT == "":
			fe.add(field("vat"), label("áfakulcs"), "kötelező")
			continue
		case !ok:
			fe.add(field("vat"), label("áfakulcs"), "ismeretlen: "+string(l.VAT))
			continue
		case inv.Seller.VATExempt && info.HasRate && info.Percent.Sign() > 0:
			fe.add(field("vat"), label("áfakulcs"), "alanyi adómentes eladó nem számíthat fel áfát (AAM)")
		case !inv.Seller.VATExempt && l.VAT == VATAAM:
			fe.add(field("vat"), label("áfakulcs"), "AAM csak alanyi adómentes eladónál választható (beállítások)")
		}
		if info.NeedsBuyerEUVAT && !slices.Contains(needEU, string(l.VAT)) {
			needEU = append(needEU, string(l.VAT))
		}
		if info.NeedsBuyerHUTaxNumber && !slices.Contains(needHU, string(l.VAT)) {
			needHU = append(needHU, string(l.VAT))
		}
	}
	linesOK := len(*fe) == before
	if len(needEU) > 0 {
		codes := strings.Join(needEU, ", ")
		switch eu := inv.Buyer.EUVATNumber; {
		case eu == "":
			fe.add("buyer.euVatNumber", "Vevő – közösségi adószám", "a(z) "+codes+" áfakód miatt kötelező")
		case strings.HasPrefix(strings.ToUpper(eu), "HU"):
			fe.add("buyer.euVatNumber", "Vevő – közösségi adószám", "a(z) "+codes+" ügylethez másik tagállambeli (nem HU) szám kell")
		}
	}
	if len(needHU) > 0 {
		if _, msg := ParseTaxNumber(inv.Buyer.TaxNumber); msg != "" {
			fe.add("buyer.taxNumber", "Vevő – adószám", "belföldi fordított adózásnál (FAD) a vevő magyar adószáma kötelező")
		}
	}
	return linesOK
}

// validateTotals checks what only the totals show: an invoice cannot add up
// to less than zero (money back is a sztornó's job), and a sztornó cannot add
// up to more.
func (inv *Invoice) validateTotals(fe *fieldErrors) {
	t, err := inv.Totals()
	switch {
	case err != nil:
		fe.add("lines", "Tételek", ErrorMessage(err))
	case inv.Type == DocStorno && t.Gross.Sign() > 0:
		fe.add("lines", "Tételek", "a sztornó számla végösszege nem lehet pozitív")
	case inv.Type != DocStorno && t.Gross.Sign() < 0:
		fe.add("lines", "Tételek", "a végösszeg nem lehet negatív; kiállított számlát sztornóval lehet visszavonni")
	}
}
