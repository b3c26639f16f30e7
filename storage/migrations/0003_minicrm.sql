-- The MiniCRM connection settings: one row. The API key has no column here
-- on purpose: it lives only in the OS keyring (storage/secret). The CHECK on
-- base_url refuses a URL with "id:key@" credentials, so a pasted API URL can
-- never put the key into this file, whatever the code above does.
CREATE TABLE minicrm_settings (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    system_id        TEXT    NOT NULL,           -- digits, the Rendszer azonosító
    company          TEXT    NOT NULL DEFAULT '', -- digits or '', the Vállalat száma
    base_url         TEXT    NOT NULL CHECK (base_url NOT LIKE '%@%'),
    demo             INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
    allowed_ips      TEXT    NOT NULL DEFAULT '[]', -- JSON list of IPs and CIDR ranges
    customers_module INTEGER NOT NULL DEFAULT 0 CHECK (customers_module >= 0), -- 0: not chosen
    invoices_module  INTEGER NOT NULL DEFAULT 0 CHECK (invoices_module >= 0),  -- 0: none
    updated_at       TEXT    NOT NULL
) STRICT;
