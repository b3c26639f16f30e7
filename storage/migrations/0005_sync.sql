-- The customer sync with MiniCRM (domain/sync_service.go) and the customer
-- history (Előzmények). JSON columns hold domain types as encoding/json
-- writes them.

-- Every version of a customer that an update overwrote: by the form or the
-- customers edit command ('edit'), by MiniCRM's data ('sync'), or by
-- undoing a weak match ('separate').
CREATE TABLE customer_history (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    version     TEXT    NOT NULL, -- domain.Customer
    reason      TEXT    NOT NULL CHECK (reason IN ('edit', 'sync', 'separate')),
    created_at  TEXT    NOT NULL
) STRICT;
CREATE INDEX customer_history_by_customer ON customer_history (customer_id, id);

-- What the sync knows about a customer linked to MiniCRM (customers.minicrm_id):
-- the version both sides agreed on at the last sync (the base of the
-- three-way merge), the MiniCRM ids of its addresses, and whether it changed
-- locally since.
CREATE TABLE sync_links (
    customer_id        INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
    base               TEXT    NOT NULL DEFAULT '', -- domain.Customer; '' when none
    billing_address_id INTEGER NOT NULL DEFAULT 0,
    mailing_address_id INTEGER NOT NULL DEFAULT 0,
    dirty              INTEGER NOT NULL DEFAULT 0 CHECK (dirty IN (0, 1)),
    rule               TEXT    NOT NULL DEFAULT '', -- domain.MatchRule of the link
    prelink_version    INTEGER, -- customer_history.id of the version before a weak match, for its undo
    synced_at          TEXT    NOT NULL
) STRICT;
CREATE INDEX sync_links_dirty ON sync_links (customer_id) WHERE dirty = 1;

-- Any update of a linked customer (form, command, archive) marks it for
-- pass 2, whatever code path made it; the sync clears the mark in the same
-- transaction as its own writes.
CREATE TRIGGER customers_sync_dirty AFTER UPDATE ON customers
WHEN NEW.minicrm_id IS NOT NULL
BEGIN
    UPDATE sync_links SET dirty = 1 WHERE customer_id = NEW.id;
END;

-- MiniCRM customers fetched but not yet applied (pass 1 applies and deletes
-- them one transaction each). Rows of an earlier run are conflicts waiting
-- for a decision or leftovers of a cancelled apply.
CREATE TABLE sync_staging (
    remote_id  INTEGER PRIMARY KEY,
    run_id     INTEGER NOT NULL,
    data       TEXT    NOT NULL, -- domain.RemoteCustomer
    fetched_at TEXT    NOT NULL
) STRICT;

-- Pass 2's creates in MiniCRM: saved before every create and after every
-- answer, so that an unknown outcome is resolved by searching first.
CREATE TABLE sync_intents (
    customer_id        INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
    contact_id         INTEGER NOT NULL DEFAULT 0,
    billing_address_id INTEGER NOT NULL DEFAULT 0,
    mailing_address_id INTEGER NOT NULL DEFAULT 0,
    project_id         INTEGER NOT NULL DEFAULT 0,
    need_card          INTEGER NOT NULL DEFAULT 0 CHECK (need_card IN (0, 1)),
    in_flight          TEXT    NOT NULL DEFAULT '' CHECK (in_flight IN ('', 'contact', 'billing', 'mailing', 'card')),
    reference          TEXT    NOT NULL DEFAULT '',
    found              INTEGER NOT NULL DEFAULT 0 CHECK (found IN (0, 1)),
    last_error         TEXT    NOT NULL DEFAULT '',
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL
) STRICT;

-- The watermark and the unfinished run (one row).
CREATE TABLE sync_state (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    watermark        TEXT    NOT NULL DEFAULT '', -- '' before the first run
    run_id           INTEGER NOT NULL DEFAULT 0,  -- 0: no unfinished run
    last_run_id      INTEGER NOT NULL DEFAULT 0,
    run_since        TEXT    NOT NULL DEFAULT '',
    run_first_start  TEXT    NOT NULL DEFAULT '',
    card_status_id   INTEGER NOT NULL DEFAULT 0 CHECK (card_status_id >= 0),
    success_statuses TEXT    NOT NULL DEFAULT '{}', -- status id → times seen on Success cards
    lock_token       TEXT    NOT NULL DEFAULT '',   -- the run holding the sync, '' none
    lock_until       TEXT    NOT NULL DEFAULT ''    -- when its lease ends (a crashed run's lock expires)
) STRICT;
INSERT INTO sync_state (id) VALUES (1);

-- The Szinkronizációs napló.
CREATE TABLE sync_log (
    id          INTEGER PRIMARY KEY,
    status      TEXT    NOT NULL,
    started_at  TEXT    NOT NULL,
    finished_at TEXT    NOT NULL DEFAULT '',
    requests    INTEGER NOT NULL DEFAULT 0,
    report      TEXT    NOT NULL -- domain.SyncReport
) STRICT;
