-- 014_posts: review before publish (先审后发, 分级审核, 授权发布, 存档备查).
-- Posts with every version and its compliance findings, every review step,
-- the units' review policies, per-account publishing grants and scheduled
-- publications.  Publications themselves are in 004 (publications).
-- The full-text index over title and body is SQLite-only and lives in the
-- store driver's search module (store/post_search_sqlite.c), not here.

CREATE TABLE posts (
    id             INTEGER PRIMARY KEY,
    unit_id        INTEGER NOT NULL REFERENCES units(id),
    author_id      INTEGER NOT NULL REFERENCES users(id),
    state          TEXT NOT NULL CHECK (state IN ('draft','in_review','returned','approved',
                                                  'published','withdrawn')),
    version        INTEGER NOT NULL,
    title          TEXT NOT NULL,
    body           TEXT NOT NULL,
    major          INTEGER NOT NULL DEFAULT 0 CHECK (major IN (0,1)),
    repost_source  TEXT,
    corrects       INTEGER REFERENCES posts(id),
    -- the review in progress: the chain fixed at submission, the level now
    policy         TEXT,                 -- JSON policy the post was submitted under
    chain          TEXT,                 -- JSON array of reviewer roles
    level          INTEGER NOT NULL DEFAULT 0,
    level_role     TEXT,                 -- chain[level-1] while in review
    level_since    TEXT,                 -- when the current level began (UTC)
    level_due      TEXT,                 -- China date the level is due (working days)
    reminded_level INTEGER NOT NULL DEFAULT 0,
    submitted_at   TEXT,
    approved_at    TEXT,
    published_at   TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX posts_unit_state ON posts(unit_id, state);
CREATE INDEX posts_author ON posts(author_id);
CREATE INDEX posts_corrects ON posts(corrects);
CREATE TRIGGER posts_no_delete BEFORE DELETE ON posts
BEGIN SELECT RAISE(ABORT, 'posts are archived, never deleted'); END;

CREATE TABLE post_accounts (
    post_id    INTEGER NOT NULL REFERENCES posts(id),
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    PRIMARY KEY (post_id, account_id)
);
CREATE INDEX post_accounts_account ON post_accounts(account_id);

-- Every version as written; findings are stored when the version is checked
-- at submission (JSON array, per platform).
CREATE TABLE post_versions (
    post_id       INTEGER NOT NULL REFERENCES posts(id),
    version       INTEGER NOT NULL,
    title         TEXT NOT NULL,
    body          TEXT NOT NULL,
    major         INTEGER NOT NULL,
    repost_source TEXT,
    account_ids   TEXT NOT NULL,         -- JSON array
    findings      TEXT,
    checked_at    TEXT,
    created_at    TEXT NOT NULL,
    created_by    INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (post_id, version)
);
CREATE TRIGGER post_versions_no_delete BEFORE DELETE ON post_versions
BEGIN SELECT RAISE(ABORT, 'post versions are archived, never deleted'); END;

-- Every step: who, under which role, when, at which level, with what.
CREATE TABLE post_steps (
    id              INTEGER PRIMARY KEY,
    post_id         INTEGER NOT NULL REFERENCES posts(id),
    version         INTEGER NOT NULL,
    action          TEXT NOT NULL,
    level           INTEGER,
    role            TEXT NOT NULL,
    user_id         INTEGER REFERENCES users(id),
    login           TEXT NOT NULL,
    note            TEXT,
    reason          TEXT,
    override_reason TEXT,
    confidentiality INTEGER,
    account_id      INTEGER REFERENCES accounts(id),
    detail          TEXT,                -- JSON: state change, publication, schedule
    at              TEXT NOT NULL
);
CREATE INDEX post_steps_post ON post_steps(post_id, id);
CREATE INDEX post_steps_user ON post_steps(user_id, action);
CREATE TRIGGER post_steps_no_update BEFORE UPDATE ON post_steps
BEGIN SELECT RAISE(ABORT, 'post steps are append-only'); END;
CREATE TRIGGER post_steps_no_delete BEFORE DELETE ON post_steps
BEGIN SELECT RAISE(ABORT, 'post steps are append-only'); END;

-- A unit's review policy (absent: the default preset).
CREATE TABLE review_policies (
    unit_id    INTEGER PRIMARY KEY REFERENCES units(id),
    policy     TEXT NOT NULL,            -- JSON {preset, levels, major_extra, overdue_days}
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

-- 授权发布: which operator may publish on which account.
CREATE TABLE publish_grants (
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    user_id    INTEGER NOT NULL REFERENCES users(id),
    granted_at TEXT NOT NULL,
    granted_by TEXT NOT NULL,
    PRIMARY KEY (account_id, user_id)
);

-- Scheduled publications, recorded by the posts.publish_scheduled job at `at`.
CREATE TABLE post_schedules (
    id               INTEGER PRIMARY KEY,
    post_id          INTEGER NOT NULL REFERENCES posts(id),
    version          INTEGER NOT NULL,
    account_id       INTEGER NOT NULL REFERENCES accounts(id),
    at               TEXT NOT NULL,
    mass_send        INTEGER NOT NULL DEFAULT 0,
    url              TEXT,
    platform_post_id TEXT,
    operator_id      INTEGER NOT NULL REFERENCES users(id),
    state            TEXT NOT NULL CHECK (state IN ('pending','done','failed','cancelled')),
    publication_id   INTEGER REFERENCES publications(id),
    error            TEXT,
    created_at       TEXT NOT NULL,
    done_at          TEXT
);
CREATE INDEX post_schedules_due ON post_schedules(state, at);
