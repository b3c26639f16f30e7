-- The owner account, the subscriptions (Előfizetések) and the messages
-- (Üzenetek) they produce.

-- One row. The password itself is never stored: the CHECK accepts only a
-- 60-character bcrypt hash ("$2a$11$…"), so no code path can write the
-- password here by mistake.
CREATE TABLE account (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    user_name     TEXT    NOT NULL CHECK (length(user_name) > 0),
    password_hash TEXT    NOT NULL CHECK (length(password_hash) = 60 AND password_hash GLOB '$2[abxy]$[0-9][0-9]$*'),
    ask_at_start  INTEGER NOT NULL DEFAULT 0 CHECK (ask_at_start IN (0, 1)),
    failures      INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0), -- wrong logins in a row
    locked_until  TEXT    NOT NULL DEFAULT '',                      -- '' when not locked
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
) STRICT;

-- One row per plan ever ordered, plus the base package. A plan without a
-- row is 'none'. Cancelling only changes the state: the plan's settings
-- (e.g. minicrm_settings) are kept, so ordering again brings them back.
CREATE TABLE subscriptions (
    plan       TEXT PRIMARY KEY,                   -- domain.PlanID
    state      TEXT NOT NULL CHECK (state IN ('none', 'ordered', 'active', 'cancelled')),
    since      TEXT NOT NULL,                      -- when the state began
    updated_at TEXT NOT NULL
) STRICT;

-- The base package (invoicing) is active from the first start: the day the
-- first migration ran, which for an upgraded database is its real first
-- start, not the day of this upgrade.
INSERT INTO subscriptions (plan, state, since, updated_at)
SELECT 'base', 'active', applied_at, applied_at FROM schema_migrations WHERE version = 1;

CREATE TABLE messages (
    id         INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    subject    TEXT NOT NULL CHECK (length(subject) > 0),
    body       TEXT NOT NULL,
    action     TEXT NOT NULL DEFAULT '',  -- domain.MessageAction, e.g. 'activate:minicrm'
    read_at    TEXT NOT NULL DEFAULT ''   -- '' while unread
) STRICT;

CREATE INDEX messages_unread ON messages (read_at) WHERE read_at = '';
