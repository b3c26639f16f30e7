-- The MiniCRM outbox: one row per event of a document to record in MiniCRM
-- (its issue, its payment, its cancellation), added in the transaction
-- that causes the event. A background worker sends them; the document
-- number is the key that makes the upload exactly-once (the card's
-- ReferenceId, and the start of the ToDo's text). The PDF is never sent:
-- MiniCRM only attaches files from a public URL.

CREATE TABLE minicrm_outbox (
    id              INTEGER PRIMARY KEY,
    document_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE RESTRICT,
    number          TEXT    NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('create', 'paid', 'cancelled')),
    contact_id      INTEGER NOT NULL CHECK (contact_id > 0),  -- the customer's MiniCRM id
    state           TEXT    NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'skipped', 'demo')),
    project_id      INTEGER NOT NULL DEFAULT 0,  -- create: the invoice card made
    card_tried      INTEGER NOT NULL DEFAULT 0 CHECK (card_tried IN (0, 1)),  -- a card create may have been applied
    todo_project_id INTEGER NOT NULL DEFAULT 0,  -- the card the ToDo went on
    todo_id         INTEGER NOT NULL DEFAULT 0,
    todo_tried      INTEGER NOT NULL DEFAULT 0 CHECK (todo_tried IN (0, 1)),  -- a ToDo create may have been applied
    todo_closed     INTEGER NOT NULL DEFAULT 0 CHECK (todo_closed IN (0, 1)),
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT    NOT NULL DEFAULT '',
    next_attempt_at TEXT    NOT NULL DEFAULT '',  -- '' = at once
    claimed_at      TEXT    NOT NULL DEFAULT '',  -- when a worker took it ('sending')
    sent_at         TEXT    NOT NULL DEFAULT '',
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    UNIQUE (number, kind)
) STRICT;

CREATE INDEX minicrm_outbox_by_state ON minicrm_outbox (state, next_attempt_at);

-- How a document is written into the Számlák module: which card field gets
-- which value, and the status for unpaid / paid / cancelled. One row;
-- before it exists the worker derives it from the module's schema.
CREATE TABLE minicrm_upload_mapping (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    module     INTEGER NOT NULL,              -- the Számlák module it was made for
    data       TEXT    NOT NULL,              -- JSON of domain.UploadMapping
    updated_at TEXT    NOT NULL
) STRICT;

-- The last loaded MiniCRM view of each linked customer (contact data, cards,
-- invoice cards), shown offline with its time.
CREATE TABLE minicrm_contact_views (
    contact_id INTEGER PRIMARY KEY,
    data       TEXT    NOT NULL,  -- JSON of domain.CRMContactView
    loaded_at  TEXT    NOT NULL
) STRICT;
