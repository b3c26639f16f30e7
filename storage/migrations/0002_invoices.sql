-- Invoicing: the seller profile, settings, number series, documents and
-- payments. An issued document is frozen: document_data holds the whole
-- document as issued (buyer and seller snapshots included) and triggers
-- refuse any change to it except the status, the paid total and the one-time
-- recording of its PDF; documents and payments can never be deleted.

CREATE TABLE seller (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    data       TEXT NOT NULL,          -- JSON of domain.Seller
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL               -- JSON
) STRICT;

-- One row per number series (domain.NumberFormat.SeriesKey): the last
-- counter used. It is advanced in the transaction that stores the document,
-- so a number is consumed only together with its document.
CREATE TABLE number_series (
    series TEXT PRIMARY KEY,
    last   INTEGER NOT NULL CHECK (last > 0)
) STRICT;

CREATE TABLE documents (
    id              INTEGER PRIMARY KEY,
    number          TEXT    NOT NULL UNIQUE,
    type            TEXT    NOT NULL CHECK (type IN ('invoice', 'proforma', 'storno')),
    status          TEXT    NOT NULL CHECK (status IN ('issued', 'paid', 'cancelled', 'withdrawn')),
    customer_id     INTEGER NOT NULL REFERENCES customers (id) ON DELETE RESTRICT,
    buyer_name      TEXT    NOT NULL,
    search_key      TEXT    NOT NULL,  -- folded number and buyer name
    issue_date      TEXT    NOT NULL,  -- YYYY-MM-DD
    fulfilment_date TEXT    NOT NULL,
    due_date        TEXT    NOT NULL,
    currency        TEXT    NOT NULL,
    gross_minor     INTEGER NOT NULL,
    payable_minor   INTEGER NOT NULL,
    paid_minor      INTEGER NOT NULL DEFAULT 0,
    cancels         TEXT    UNIQUE REFERENCES documents (number),  -- a sztornó's invoice: one sztornó each
    from_proforma   TEXT    UNIQUE REFERENCES documents (number),  -- one invoice per proforma
    pdf_path        TEXT    NOT NULL DEFAULT '',  -- relative to the data folder
    pdf_sha256      TEXT    NOT NULL DEFAULT '',
    created_at      TEXT    NOT NULL
) STRICT;

-- The frozen document lives in its own table: the list reads only the
-- narrow documents rows, which a 2-3 KB JSON column would spread over one
-- page each (50 000 documents: ~250 ms instead of ~60 ms to list).
CREATE TABLE document_data (
    document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE RESTRICT,
    data        TEXT    NOT NULL       -- JSON of the issued domain.Invoice, without status and payments
) STRICT;

CREATE TRIGGER document_data_is_frozen BEFORE UPDATE ON document_data
BEGIN
    SELECT RAISE(ABORT, 'issued documents cannot be changed');
END;

CREATE TRIGGER document_data_is_kept BEFORE DELETE ON document_data
BEGIN
    SELECT RAISE(ABORT, 'issued documents cannot be deleted');
END;

CREATE INDEX documents_by_issue_date ON documents (issue_date DESC, id DESC);
CREATE INDEX documents_by_customer ON documents (customer_id);

CREATE TABLE payments (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE RESTRICT,
    date        TEXT    NOT NULL,
    amount      TEXT    NOT NULL,      -- decimal string in the document currency
    method      TEXT    NOT NULL,
    created_at  TEXT    NOT NULL
) STRICT;

CREATE INDEX payments_by_document ON payments (document_id);

CREATE TRIGGER documents_are_frozen BEFORE UPDATE ON documents
WHEN NEW.number IS NOT OLD.number OR NEW.type IS NOT OLD.type OR NEW.customer_id IS NOT OLD.customer_id
  OR NEW.buyer_name IS NOT OLD.buyer_name OR NEW.search_key IS NOT OLD.search_key
  OR NEW.issue_date IS NOT OLD.issue_date OR NEW.fulfilment_date IS NOT OLD.fulfilment_date
  OR NEW.due_date IS NOT OLD.due_date OR NEW.currency IS NOT OLD.currency
  OR NEW.gross_minor IS NOT OLD.gross_minor OR NEW.payable_minor IS NOT OLD.payable_minor
  OR NEW.cancels IS NOT OLD.cancels OR NEW.from_proforma IS NOT OLD.from_proforma
  OR NEW.created_at IS NOT OLD.created_at
  OR (OLD.pdf_sha256 <> '' AND (NEW.pdf_sha256 IS NOT OLD.pdf_sha256 OR NEW.pdf_path IS NOT OLD.pdf_path))
BEGIN
    SELECT RAISE(ABORT, 'issued documents cannot be changed');
END;

CREATE TRIGGER documents_status_moves_forward BEFORE UPDATE OF status ON documents
WHEN NEW.status IS NOT OLD.status AND NOT (
       (OLD.status = 'issued' AND NEW.status IN ('paid', 'cancelled', 'withdrawn'))
    OR (OLD.status = 'paid' AND NEW.status = 'cancelled'))
BEGIN
    SELECT RAISE(ABORT, 'issued documents cannot be changed');
END;

CREATE TRIGGER documents_are_kept BEFORE DELETE ON documents
BEGIN
    SELECT RAISE(ABORT, 'issued documents cannot be deleted');
END;

CREATE TRIGGER payments_are_kept_update BEFORE UPDATE ON payments
BEGIN
    SELECT RAISE(ABORT, 'payments cannot be changed');
END;

CREATE TRIGGER payments_are_kept_delete BEFORE DELETE ON payments
BEGIN
    SELECT RAISE(ABORT, 'payments cannot be deleted');
END;
