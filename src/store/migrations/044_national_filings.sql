-- Filings of accounts' lifecycle events in the national 全国政务新媒体信息报送系统
-- (REQUIREMENTS §1): which events need one and when it is due is derived from
-- account_versions (core/national_filing.c); a row here records that the
-- event (the account's version) was filed there, on which day, under which
-- reference, by whom.  One filing per event.
CREATE TABLE national_filings (
    account_id  INTEGER NOT NULL REFERENCES accounts(id),
    version     INTEGER NOT NULL,          -- the account version of the event
    filed_on    TEXT NOT NULL,             -- YYYY-MM-DD, China day
    reference   TEXT NOT NULL DEFAULT '',  -- the national system's number, if any
    note        TEXT NOT NULL DEFAULT '',
    filed_by    TEXT NOT NULL,             -- login
    created_at  TEXT NOT NULL,
    PRIMARY KEY (account_id, version)
);
