-- 016_activity_assessment: the update-frequency policy chosen for each
-- account (core/activity.h; no row = the national rule only) and the
-- assessment scheme of a unit for a year (core/assessment.h; no row = the
-- preset for the unit's kind).
CREATE TABLE account_activity_policies (
    account_id INTEGER PRIMARY KEY REFERENCES accounts(id),
    policy     TEXT NOT NULL CHECK (policy IN ('national','twice_weekly','every_3_days',
                                               'daily','weekly')),
    set_at     TEXT NOT NULL,
    set_by     TEXT NOT NULL
);

CREATE TABLE assessment_schemes (
    unit_id    INTEGER NOT NULL REFERENCES units(id),
    year       INTEGER NOT NULL,
    indicators TEXT NOT NULL,     -- JSON array [{code, weight, target?}]
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (unit_id, year)
);
