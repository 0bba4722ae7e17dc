-- 001_spine: units, users and their roles, sessions, the audit chain.
-- Times are UTC ISO-8601 text ("2026-11-23T13:08:30Z").

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- The unit tree. path is "/1/4/9/" (ids from the root down, ending in the
-- unit's own id), so "everything below unit 4" is path LIKE '/1/4/%'.
CREATE TABLE units (
    id         INTEGER PRIMARY KEY,
    parent_id  INTEGER REFERENCES units(id),
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('province','city','county','township',
                                             'department','internal','organisation')),
    path       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    UNIQUE (parent_id, name)
);
CREATE INDEX units_path ON units(path);
-- UNIQUE(parent_id,name) lets NULLs repeat: root names need their own index.
CREATE UNIQUE INDEX units_root_name ON units(name) WHERE parent_id IS NULL;

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    login         TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    pw_hash       TEXT NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until  TEXT,
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL
);

CREATE TABLE user_roles (
    user_id INTEGER NOT NULL REFERENCES users(id),
    unit_id INTEGER NOT NULL REFERENCES units(id),
    role    TEXT NOT NULL CHECK (role IN ('contributor','department_head','leader','principal',
                                          'operator','supervisor','admin','observer')),
    PRIMARY KEY (user_id, unit_id, role)
);

-- Only a hash of the session token is stored: a copy of the database does
-- not hand out live sessions.
CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    csrf        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    client_addr TEXT
);
CREATE INDEX sessions_user ON sessions(user_id);

-- Append-only, hash-chained: hash = SHA-256(prev_hash + every field).
CREATE TABLE audit (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    user_id     INTEGER,
    login       TEXT NOT NULL,
    role        TEXT NOT NULL,
    unit_id     INTEGER,
    action      TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id   TEXT NOT NULL,
    before      TEXT NOT NULL,
    after       TEXT NOT NULL,
    client_addr TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
