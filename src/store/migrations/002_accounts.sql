-- 002_accounts: the account registry, its record versions, QR codes, the
-- annual review rounds and the working calendars loaded by admins.
-- Dates chosen by people (opening, change, closing) are "YYYY-MM-DD";
-- times the system records are UTC ISO-8601 text.

-- One row per account.  record is the current version of the account's
-- record as JSON (the application form, opening, filing, people, closing);
-- every version ever written is also in account_versions.  Rows are never
-- deleted: closing and merging only change state.
CREATE TABLE accounts (
    id               INTEGER PRIMARY KEY,
    unit_id          INTEGER NOT NULL REFERENCES units(id),
    platform         TEXT NOT NULL,
    name             TEXT NOT NULL,
    state            TEXT NOT NULL,
    version          INTEGER NOT NULL,
    record           TEXT NOT NULL,
    exception_reason TEXT,
    filing_due       TEXT,          -- opening + 3 days, set when opened
    refiling_due     TEXT,          -- change + 5 working days, set on a change after filing
    merged_into      INTEGER REFERENCES accounts(id),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX accounts_unit ON accounts(unit_id, platform);
CREATE TRIGGER accounts_no_delete BEFORE DELETE ON accounts
BEGIN SELECT RAISE(ABORT, 'accounts are closed, never deleted'); END;

CREATE TABLE account_versions (
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    version    INTEGER NOT NULL,
    event      TEXT NOT NULL,
    state      TEXT NOT NULL,
    record     TEXT NOT NULL,
    at         TEXT NOT NULL,
    login      TEXT NOT NULL,
    PRIMARY KEY (account_id, version)
);
CREATE TRIGGER account_versions_no_update BEFORE UPDATE ON account_versions
BEGIN SELECT RAISE(ABORT, 'account versions are append-only'); END;
CREATE TRIGGER account_versions_no_delete BEFORE DELETE ON account_versions
BEGIN SELECT RAISE(ABORT, 'account versions are append-only'); END;

-- The QR-code image of the filing form; the record keeps its hash and type.
CREATE TABLE account_qr (
    account_id  INTEGER PRIMARY KEY REFERENCES accounts(id),
    mime        TEXT NOT NULL,
    data        BLOB NOT NULL,
    uploaded_at TEXT NOT NULL
);

-- Annual review rounds (年审): one per year and supervising unit; the
-- round covers every account at or below unit_id.
CREATE TABLE review_rounds (
    id         INTEGER PRIMARY KEY,
    year       INTEGER NOT NULL,
    month      INTEGER NOT NULL,
    unit_id    INTEGER NOT NULL REFERENCES units(id),
    state      TEXT NOT NULL CHECK (state IN ('open','closed')),
    opened_at  TEXT NOT NULL,
    closed_at  TEXT,
    UNIQUE (year, unit_id)
);

CREATE TABLE review_reports (
    round_id        INTEGER NOT NULL REFERENCES review_rounds(id),
    account_id      INTEGER NOT NULL REFERENCES accounts(id),
    state           TEXT NOT NULL CHECK (state IN ('submitted','passed','failed')),
    text            TEXT NOT NULL,
    attachment_name TEXT,
    attachment      BLOB,
    decision_reason TEXT,
    submitted_at    TEXT NOT NULL,
    decided_at      TEXT,
    PRIMARY KEY (round_id, account_id)
);

-- The must-close list as it stood when the round closed.
CREATE TABLE review_must_close (
    round_id   INTEGER NOT NULL REFERENCES review_rounds(id),
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    review     TEXT NOT NULL,          -- none | failed
    reason     TEXT NOT NULL,
    PRIMARY KEY (round_id, account_id)
);

-- Working-calendar year files loaded by admins; they override the files
-- shipped in data/calendars/.
CREATE TABLE calendar_years (
    year      INTEGER PRIMARY KEY,
    text      TEXT NOT NULL,
    loaded_at TEXT NOT NULL,
    login     TEXT NOT NULL
);
