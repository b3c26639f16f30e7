package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"konnyuszamla/domain"
)

// IssueDocument implements domain.InvoiceService.
func (db *DB) IssueDocument(ctx context.Context, draft *domain.Invoice) (*domain.Invoice, error) {
	if draft.Type == domain.DocStorno {
		return nil, domain.Errorf(domain.EInvalid, "Sztornó számla csak egy kiállított számla sztornózásával készülhet.")
	}
	return db.issue(ctx, db.prepareDraft(ctx, draft))
}

// prepareDraft completes a draft inside the issuing transaction: the buyer
// snapshot from the register, the current seller profile, the defaults.
func (db *DB) prepareDraft(ctx context.Context, draft *domain.Invoice) prepareFunc {
	return func(tx *sql.Tx, settings domain.InvoiceSettings) (*domain.Invoice, func(*sql.Tx, int64) error, error) {
		inv := *draft
		// Only CancelInvoice and ConvertProforma may set the references: a
		// draft naming them itself would print a false "Díjbekérő száma".
		inv.Number, inv.Status, inv.Cancels, inv.FromProforma, inv.Payments = "", "", "", "", nil
		c, err := customerInTx(ctx, tx, inv.CustomerID)
		if err != nil {
			return nil, nil, err
		}
		inv.Buyer = domain.BuyerFromCustomer(c)
		if err := db.attachSeller(ctx, tx, &inv); err != nil {
			return nil, nil, err
		}
		inv.ApplyDefaults(db.today(), settings.PaymentDays)
		return &inv, nil, nil
	}
}

// prepareFunc builds, inside the issuing transaction, the document to issue
// and optionally a step to run after it is stored (given its id).
type prepareFunc func(tx *sql.Tx, settings domain.InvoiceSettings) (*domain.Invoice, func(*sql.Tx, int64) error, error)

// issue stores a new document in one transaction: it validates it, takes the
// next number of its series, stores the frozen document and its payments,
// writes its PDF, and runs the caller's follow-up step. A failure anywhere
// rolls all of it back, so a number is never used twice nor skipped.
func (db *DB) issue(ctx context.Context, prepare prepareFunc) (*domain.Invoice, error) {
	var issued *domain.Invoice
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		issued, err = db.issueInTx(ctx, tx, prepare)
		return err
	})
	if err != nil {
		return nil, err
	}
	return issued, nil
}

func (db *DB) issueInTx(ctx context.Context, tx *sql.Tx, prepare prepareFunc) (*domain.Invoice, error) {
	settings, err := loadInvoiceSettings(ctx, tx)
	if err != nil {
		return nil, err
	}
	inv, after, err := prepare(tx, settings)
	if err != nil {
		return nil, err
	}
	inv.Normalize()
	if err := inv.Validate(); err != nil {
		return nil, err
	}
	if err := db.checkIssueDate(ctx, tx, inv); err != nil {
		return nil, err
	}
	totals, err := inv.Totals()
	if err != nil {
		return nil, err
	}
	format := settings.InvoiceFormat
	if inv.Type == domain.DocProforma {
		format = settings.ProformaFormat
	}
	year := inv.IssueDate.Year()
	counter, err := nextNumber(ctx, tx, format.SeriesKey(inv.Type, year))
	if err != nil {
		return nil, err
	}
	inv.Number = format.Format(counter, year)
	inv.Status = inv.IssuedStatus()
	id, err := db.insertDocument(ctx, tx, inv, totals)
	if err != nil {
		return nil, err
	}
	// The NAV report is queued with the document: an issued invoice or
	// sztornó is never left unreported (proformas are skipped).
	if err := enqueueNAVReport(ctx, tx, id, inv, db.Now()); err != nil {
		return nil, err
	}
	// So is its MiniCRM upload, for a customer linked to MiniCRM.
	if err := enqueueUpload(ctx, tx, id, inv, db.Now()); err != nil {
		return nil, err
	}
	if after != nil {
		if err := after(tx, id); err != nil {
			return nil, err
		}
	}
	if err := db.storePDF(ctx, tx, id, inv); err != nil {
		return nil, err
	}
	return inv, nil
}

// checkIssueDate refuses an issue date in the future, and one earlier than
// the newest document of the same numbering family: numbers must follow
// the dates, and a back-dated document could reopen a past year's series.
func (db *DB) checkIssueDate(ctx context.Context, tx *sql.Tx, inv *domain.Invoice) error {
	if today := db.today(); inv.IssueDate.After(today) {
		return domain.Errorf(domain.EInvalid, "A kiállítás dátuma (%s) nem lehet későbbi a mai napnál (%s).",
			inv.IssueDate.FormatHU(), today.FormatHU())
	}
	family := `type IN ('invoice', 'storno')`
	if inv.Type == domain.DocProforma {
		family = `type = 'proforma'`
	}
	var latest, number sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT issue_date, number FROM documents WHERE `+family+
		` ORDER BY issue_date DESC, id DESC LIMIT 1`).Scan(&latest, &number)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("latest issue date: %w", err)
	}
	if latest.Valid && inv.IssueDate.String() < latest.String {
		last, _ := domain.ParseDate(latest.String)
		return domain.Errorf(domain.EInvalid, "A kiállítás dátuma (%s) nem lehet korábbi a legutóbbi bizonylaténál (%s, %s): a sorszámoknak követniük kell a dátumokat.",
			inv.IssueDate.FormatHU(), number.String, last.FormatHU())
	}
	return nil
}

// nextNumber advances a number series and returns its new last counter.
func nextNumber(ctx context.Context, tx *sql.Tx, series string) (int64, error) {
	var last int64
	err := tx.QueryRowContext(ctx, `INSERT INTO number_series (series, last) VALUES (?, 1)
		ON CONFLICT (series) DO UPDATE SET last = last + 1 RETURNING last`, series).Scan(&last)
	if err != nil {
		return 0, fmt.Errorf("next number of %s: %w", series, err)
	}
	return last, nil
}

func (db *DB) insertDocument(ctx context.Context, tx *sql.Tx, inv *domain.Invoice, totals domain.Totals) (int64, error) {
	frozen := *inv
	frozen.Status, frozen.Payments = "", nil
	// The logo is printed into the PDF stored with the document; keeping a
	// copy of up to 1 MB in every document row would only bloat the file.
	frozen.Seller.Logo = nil
	data, err := json.Marshal(&frozen)
	if err != nil {
		return 0, fmt.Errorf("encode document: %w", err)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO documents (number, type, status, customer_id, buyer_name, search_key,
		issue_date, fulfilment_date, due_date, currency, gross_minor, payable_minor, cancels, from_proforma, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		inv.Number, string(inv.Type), string(inv.Status), inv.CustomerID, inv.Buyer.Name,
		domain.Fold(inv.Number+" "+inv.Buyer.Name),
		inv.IssueDate.String(), inv.FulfilmentDate.String(), inv.DueDate.String(), string(inv.Currency),
		totals.Gross.Minor, totals.Payable.Minor, nullString(inv.Cancels), nullString(inv.FromProforma),
		formatTime(db.Now()))
	if err != nil {
		return 0, documentWriteError(inv, err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO document_data (document_id, data) VALUES (?, ?)`, id, string(data)); err != nil {
		return 0, fmt.Errorf("store document %s: %w", inv.Number, err)
	}
	for _, p := range inv.Payments {
		if err := insertPayment(ctx, tx, id, p, db.Now()); err != nil {
			return 0, err
		}
	}
	if len(inv.Payments) > 0 {
		return id, updatePaid(ctx, tx, id, inv)
	}
	return id, nil
}

// documentWriteError explains the constraint a new document broke.
func documentWriteError(inv *domain.Invoice, err error) error {
	msg := err.Error()
	switch {
	case contains(msg, "documents.cancels"):
		return &domain.Error{Code: domain.EConflict, Err: err, Message: "A(z) " + inv.Cancels + " számlát már sztornózták."}
	case contains(msg, "documents.from_proforma"):
		return &domain.Error{Code: domain.EConflict, Err: err, Message: "A(z) " + inv.FromProforma + " díjbekérőből már készült számla."}
	case contains(msg, "documents.number"):
		return &domain.Error{Code: domain.EConflict, Err: err,
			Message: "A(z) " + inv.Number + " sorszám már foglalt. Ellenőrizze a sorszámformátumot a számlázási beállításokban."}
	}
	return fmt.Errorf("store document %s: %w", inv.Number, formatError(err))
}

// attachSeller copies the current seller profile into the document, and
// refuses to issue while the profile is incomplete.
func (db *DB) attachSeller(ctx context.Context, tx *sql.Tx, inv *domain.Invoice) error {
	seller, err := loadSeller(ctx, tx)
	if err != nil {
		return err
	}
	if err := seller.Validate(); err != nil {
		e := &domain.Error{Code: domain.EInvalid, Err: err, Fields: domain.FieldErrors(err),
			Message: "Bizonylat csak a saját cégadatok (Számlák → Saját cégadatok) kitöltése után állítható ki."}
		return e
	}
	inv.Seller = *seller
	return nil
}

func customerInTx(ctx context.Context, tx *sql.Tx, id int64) (*domain.Customer, error) {
	if id == 0 {
		return nil, &domain.Error{Code: domain.EInvalid, Message: "A bizonylat adatai hibásak.",
			Fields: []domain.FieldError{{Field: "customerId", Label: "Vevő", Message: "válasszon vevőt"}}}
	}
	c, err := loadCustomer(ctx, tx, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, customerNotFound(id)
	}
	if err != nil {
		return nil, fmt.Errorf("read customer %d: %w", id, err)
	}
	if c.Archived {
		return nil, domain.Errorf(domain.EInvalid, "%s archivált vevő: előbb állítsa vissza a Vevők lapon.", c.Name)
	}
	return c, nil
}

func (db *DB) today() domain.Date { return domain.DateOf(db.Now()) }

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}
