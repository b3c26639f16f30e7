// Package pdf prints an invoice, a díjbekérő (proforma) or a sztornó számla
// as an A4 PDF: the paper form of a domain.Invoice, with every item a
// Hungarian invoice must show (Áfa tv. 169. §).
//
// Text is set in DejaVu Sans (regular and bold), embedded as a UTF-8 subset,
// because the PDF core fonts print ő and ű as õ and û. All amounts come from
// Invoice.Totals; the package formats them and never computes any.
//
// The output is deterministic: the same invoice and Options give the same
// bytes (the PDF dates are the issue date, resources are written in sorted
// order), so tests and archives can compare documents byte for byte.
package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"github.com/jung-kurt/gofpdf"

	"konnyuszamla/assets"
	"konnyuszamla/domain"
)

// Options are the settings of Render that do not come from the invoice.
type Options struct {
	// Generator names the program that made the PDF, e.g.
	// "KönnyűSzámla 0.1.0". It is the PDF's Creator and is printed in the
	// footer of every page. Empty means DefaultGenerator.
	Generator string
}

// DefaultGenerator is the Generator used when Options leaves it empty.
const DefaultGenerator = "KönnyűSzámla"

// Page geometry in millimetres (A4 portrait).
const (
	pageW    = 210.0
	pageH    = 297.0
	marginL  = 15.0
	marginT  = 14.0
	contentW = pageW - 2*marginL
	// bottomY is the lowest y body content may reach; the footer is below.
	bottomY = pageH - 20.0
	footerY = pageH - 14.0
)

// fontFamily is the name the embedded DejaVu Sans is registered under.
const fontFamily = "DejaVu"

// nbAlias is replaced by the total page count when the PDF is written.
const nbAlias = "{nb}"

// renderer holds the state of one Render call.
type renderer struct {
	f       *gofpdf.Fpdf
	inv     *domain.Invoice
	t       domain.Totals
	gen     string
	title   string // "Számla 2026-000123"
	inTable bool   // the line table is open: new pages repeat its header
}

// Render lays out inv on A4 pages and returns the PDF. The amounts are those
// of inv.Totals(); Render fails when Totals does (unknown VAT code or
// currency, bad exchange rate) or when the PDF cannot be produced. A document
// without a number (a draft) is rendered, marked as not issued.
//
// A seller logo that cannot be embedded does not stop the document: the logo
// is decoration, not invoice content, so Render first retries it re-encoded
// as a plain 8-bit PNG and then leaves it out (see addLogo).
func Render(inv *domain.Invoice, opts Options) ([]byte, error) {
	if inv == nil {
		return nil, errors.New("pdf: nincs bizonylat")
	}
	t, err := inv.Totals()
	if err != nil {
		return nil, err
	}
	r := &renderer{inv: inv, t: t, gen: opts.Generator}
	if r.gen == "" {
		r.gen = DefaultGenerator
	}
	r.title = inv.Type.Label()
	if inv.Number != "" {
		r.title += " " + inv.Number
	}
	r.f = r.newDocument()
	r.render()
	if r.f.Err() {
		return nil, fmt.Errorf("pdf: %w", r.f.Error())
	}
	var buf bytes.Buffer
	if err := r.f.Output(&buf); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return buf.Bytes(), nil
}

// newDocument sets up the page, fonts, metadata and footer.
func (r *renderer) newDocument() *gofpdf.Fpdf {
	f := gofpdf.New("P", "mm", "A4", "")
	// The alias must be known before the fonts are added: it makes the
	// font subsets keep the digits that replace it.
	f.AliasNbPages(nbAlias)
	f.AddUTF8FontFromBytes(fontFamily, "", assets.DejaVuSans)
	f.AddUTF8FontFromBytes(fontFamily, "B", assets.DejaVuSansBold)
	f.SetMargins(marginL, marginT, marginL)
	f.SetAutoPageBreak(false, 0) // pages are broken by ensureSpace
	f.SetCellMargin(1)
	f.SetCompression(true)
	f.SetCatalogSort(true)
	stamp := docTime(r.inv.IssueDate)
	f.SetCreationDate(stamp)
	f.SetModificationDate(stamp)
	f.SetTitle(r.title, true)
	f.SetAuthor(r.inv.Seller.Name, true)
	f.SetCreator(r.gen, true)
	f.SetSubject(r.inv.Type.Label(), true)
	f.SetFooterFunc(r.footer)
	return f
}

// docTime is the fixed creation date of the PDF: noon UTC of the issue date,
// or a constant for a draft without one, never the clock.
func docTime(d domain.Date) time.Time {
	if d.IsZero() {
		return time.Date(2000, 1, 1, 12, 0, 0, 0, time.UTC)
	}
	return d.Time().Add(12 * time.Hour)
}

// render draws the whole document.
func (r *renderer) render() {
	r.f.AddPage()
	r.header()
	r.parties()
	r.infoStrip()
	r.notices()
	r.lineTable()
	r.summaryAndTotals()
	r.notes()
}

// ensureSpace starts a new page unless h millimetres fit below the current
// position.
func (r *renderer) ensureSpace(h float64) {
	if r.f.GetY()+h > bottomY {
		r.newPage()
	}
}

// newPage starts a continuation page: a small running title and, inside the
// line table, the table header again.
func (r *renderer) newPage() {
	f := r.f
	f.AddPage()
	r.font("", 7.5)
	r.color(colMuted)
	f.SetXY(marginL, marginT-4)
	f.CellFormat(contentW, 4, r.title+" – folytatás", "", 1, "L", false, 0, "")
	f.SetY(marginT + 2)
	if r.inTable {
		r.lineTableHeader()
	}
}

// footer prints the generator, the document and "page/pages" on every page.
func (r *renderer) footer() {
	f := r.f
	r.drawColor(colRule)
	f.SetLineWidth(0.2)
	f.Line(marginL, footerY-1.5, marginL+contentW, footerY-1.5)
	r.font("", 7)
	r.color(colMuted)
	f.SetXY(marginL, footerY)
	f.CellFormat(contentW/2, 4, "Készült a(z) "+r.gen+" számlázó programmal.", "", 0, "L", false, 0, "")
	f.SetXY(marginL+contentW/2, footerY)
	// The alias is wider than the digits replacing it, so the page number
	// is left-aligned at a fixed place instead of right-aligned.
	page := fmt.Sprintf("%d/%s", f.PageNo(), nbAlias)
	pw := f.GetStringWidth(fmt.Sprintf("%d/%d", f.PageNo(), f.PageNo())) + 2
	f.CellFormat(contentW/2-pw-2, 4, r.title, "", 0, "R", false, 0, "")
	f.SetX(marginL + contentW - pw)
	f.CellFormat(pw, 4, page, "", 0, "L", false, 0, "")
}
