-- 006_jobs: the scheduler's durable state (src/jobs/).  One row per job
-- the program knows; a lease (owner + expiry) so that several servers on
-- one database never run a job twice; one row per run in job_runs.
-- Times are UTC ISO-8601 text, compared as text.
CREATE TABLE jobs (
    name         TEXT PRIMARY KEY,
    schedule     TEXT NOT NULL,           -- see core/schedule.h, Beijing time
    next_run_at  TEXT NOT NULL,
    lease_owner  TEXT,                    -- "host:pid:random" of the runner holding it
    lease_until  TEXT,                    -- the lease is free once this has passed
    attempts     INTEGER NOT NULL DEFAULT 0,  -- consecutive failures of the current slot
    last_run_at  TEXT,
    last_status  TEXT CHECK (last_status IN ('ok','failed')),
    last_message TEXT
);

CREATE TABLE job_runs (
    id          INTEGER PRIMARY KEY,
    job         TEXT NOT NULL REFERENCES jobs(name),
    owner       TEXT NOT NULL,
    manual      INTEGER NOT NULL DEFAULT 0,   -- started by `govmedia jobs run`
    attempt     INTEGER NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    status      TEXT NOT NULL CHECK (status IN ('running','ok','failed')),
    message     TEXT
);
CREATE INDEX job_runs_job ON job_runs(job, id);
