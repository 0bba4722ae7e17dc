-- 003_access: login failures counted per (login name, client address).
-- Names that do not exist are counted exactly like real ones, so a lock
-- (423) says nothing about whether a login exists; keying on the address
-- means a flood from one address locks that address out, not the user
-- everywhere.  Rows are pruned a day after their last change.
CREATE TABLE login_failures (
    login        TEXT NOT NULL,
    client_addr  TEXT NOT NULL,
    failures     INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (login, client_addr)
);
CREATE INDEX login_failures_updated ON login_failures(updated_at);
