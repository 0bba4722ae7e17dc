-- 004_publications_notifications: what was published on which account
-- (through the review workflow or imported from outside), in-app
-- notifications, the units' group-robot webhooks and their durable outbox.
-- Times are UTC ISO-8601 text ("2026-11-23T13:08:30Z").

-- One row per publication of content on one account.  post_id is the
-- workflow's post (posts live in a later migration, hence a plain integer)
-- and NULL for publications imported from outside (`govmedia publication
-- import`).  reads/likes/comments are NULL when unknown.
CREATE TABLE publications (
    id               INTEGER PRIMARY KEY,
    account_id       INTEGER NOT NULL REFERENCES accounts(id),
    post_id          INTEGER,
    published_at     TEXT NOT NULL,
    title            TEXT NOT NULL,
    url              TEXT,
    platform_post_id TEXT,
    kind             TEXT NOT NULL CHECK (kind IN ('original','repost')),
    origin           TEXT NOT NULL CHECK (origin IN ('workflow','import')),
    mass_send        INTEGER NOT NULL DEFAULT 0 CHECK (mass_send IN (0,1)),
    reads            INTEGER,
    likes            INTEGER,
    comments         INTEGER,
    created_at       TEXT NOT NULL,
    created_by       INTEGER REFERENCES users(id)
);
CREATE INDEX publications_account_time ON publications(account_id, published_at);
CREATE INDEX publications_post ON publications(post_id);
CREATE UNIQUE INDEX publications_account_url ON publications(account_id, url)
    WHERE url IS NOT NULL;
CREATE UNIQUE INDEX publications_account_platform_id ON publications(account_id, platform_post_id)
    WHERE platform_post_id IS NOT NULL;

-- In-app notifications: one row per recipient.  unit_id is the unit the
-- matter belongs to (NULL when none); link is a console route ("/posts/12").
CREATE TABLE notifications (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    unit_id    INTEGER REFERENCES units(id),
    kind       TEXT NOT NULL,
    title      TEXT NOT NULL,
    body       TEXT NOT NULL,
    link       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    read_at    TEXT
);
CREATE INDEX notifications_user ON notifications(user_id, id);

-- A unit's group robots (企业微信 / 钉钉 群机器人).  url carries the robot's
-- key and is never shown whole by the API; secret is DingTalk's optional
-- signing secret (加签).
CREATE TABLE unit_webhooks (
    id         INTEGER PRIMARY KEY,
    unit_id    INTEGER NOT NULL REFERENCES units(id),
    kind       TEXT NOT NULL CHECK (kind IN ('wecom','dingtalk')),
    name       TEXT NOT NULL,
    url        TEXT NOT NULL,
    secret     TEXT,
    enabled    INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0,1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX unit_webhooks_unit ON unit_webhooks(unit_id);

-- The durable outbox: a message is written in the transaction of the step
-- that caused it and delivered later by the loop in `govmedia serve`.
-- lease_until keeps two delivering processes off the same row.
CREATE TABLE webhook_outbox (
    id              INTEGER PRIMARY KEY,
    webhook_id      INTEGER NOT NULL REFERENCES unit_webhooks(id),
    payload         TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('pending','sent','failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    lease_until     TEXT,
    last_error      TEXT,
    created_at      TEXT NOT NULL,
    sent_at         TEXT
);
CREATE INDEX webhook_outbox_due ON webhook_outbox(state, next_attempt_at);
CREATE INDEX webhook_outbox_hook ON webhook_outbox(webhook_id, id);
