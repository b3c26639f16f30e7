-- NAV Online Számla reporting: the connection settings (one row; the
-- technical user's password and keys live only in the OS keyring) and the
-- durable report queue: one row per issued invoice and sztornó, added in
-- the transaction that issues the document. Proformas are never reported.

CREATE TABLE nav_settings (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    login      TEXT    NOT NULL,
    tax_number TEXT    NOT NULL,
    production INTEGER NOT NULL DEFAULT 0 CHECK (production IN (0, 1)),  -- 0: NAV's test system
    updated_at TEXT    NOT NULL
) STRICT;

CREATE TABLE nav_reports (
    id                 INTEGER PRIMARY KEY,
    document_id        INTEGER NOT NULL UNIQUE REFERENCES documents (id) ON DELETE RESTRICT,
    number             TEXT    NOT NULL UNIQUE,
    operation          TEXT    NOT NULL CHECK (operation IN ('CREATE', 'STORNO')),
    original           TEXT,              -- a sztornó's invoice number
    modification_index INTEGER,           -- a sztornó's index in its invoice's chain, from 1
    state              TEXT    NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'sending', 'unknown', 'received', 'processing', 'done', 'aborted')),
    batch_key          TEXT    NOT NULL DEFAULT '',  -- the send attempt
    batch_index        INTEGER NOT NULL DEFAULT 0,   -- index in that manageInvoice request
    transaction_id     TEXT    NOT NULL DEFAULT '',
    payload            TEXT    NOT NULL DEFAULT '',  -- base64 invoice data as last sent
    submitted_at       TEXT    NOT NULL DEFAULT '',
    next_attempt_at    TEXT    NOT NULL DEFAULT '',  -- '' = at once
    attempts           INTEGER NOT NULL DEFAULT 0,
    messages           TEXT    NOT NULL DEFAULT '[]',  -- JSON of []domain.NAVMessage
    last_error         TEXT    NOT NULL DEFAULT '',
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    -- A modification index never repeats within an invoice's chain.
    UNIQUE (original, modification_index),
    CHECK ((operation = 'STORNO') = (original IS NOT NULL AND modification_index >= 1))
) STRICT;

CREATE INDEX nav_reports_by_state ON nav_reports (state, next_attempt_at);

CREATE TRIGGER nav_reports_are_kept BEFORE DELETE ON nav_reports
BEGIN
    SELECT RAISE(ABORT, 'nav reports cannot be deleted');
END;

CREATE TRIGGER nav_reports_identity_is_frozen BEFORE UPDATE ON nav_reports
WHEN NEW.document_id IS NOT OLD.document_id OR NEW.number IS NOT OLD.number OR NEW.operation IS NOT OLD.operation
  OR NEW.original IS NOT OLD.original OR NEW.modification_index IS NOT OLD.modification_index
  OR NEW.created_at IS NOT OLD.created_at
BEGIN
    SELECT RAISE(ABORT, 'nav reports cannot be changed');
END;

-- An accepted report is final: nothing may send it again.
CREATE TRIGGER nav_reports_done_is_final BEFORE UPDATE OF state ON nav_reports
WHEN OLD.state = 'done' AND NEW.state <> 'done'
BEGIN
    SELECT RAISE(ABORT, 'an accepted nav report is final');
END;

-- Documents issued before reporting existed are reported too (the law asks
-- for every invoice); nothing is sent until the settings are given.
INSERT INTO nav_reports (document_id, number, operation, original, modification_index, created_at, updated_at)
SELECT id, number,
       CASE type WHEN 'storno' THEN 'STORNO' ELSE 'CREATE' END,
       CASE type WHEN 'storno' THEN cancels END,
       CASE type WHEN 'storno' THEN 1 END,
       strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM documents WHERE type IN ('invoice', 'storno') ORDER BY id;
