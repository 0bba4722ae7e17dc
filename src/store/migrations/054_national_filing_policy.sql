-- 054_national_filing_policy: the deadline of filings in the national
-- 全国政务新媒体信息报送系统 is a unit's policy setting (core/national_filing.h:
-- 湖北 5 working days, 东莞 3 days), inherited by the units below; a unit
-- without a row up its path uses the preset "hubei".  A filing keeps the due
-- day it was judged by when recorded, so a later change of the policy does
-- not turn a filing made in time into a late one (or back).
CREATE TABLE national_filing_policies (
    unit_id     INTEGER PRIMARY KEY REFERENCES units(id),
    preset      TEXT,                                    -- the preset chosen, NULL: custom
    days        INTEGER NOT NULL CHECK (days BETWEEN 1 AND 60),
    working     INTEGER NOT NULL CHECK (working IN (0, 1)),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL                            -- login
);
ALTER TABLE national_filings ADD COLUMN due_on TEXT;    -- YYYY-MM-DD; NULL: filed before 054
