-- 005_messages: public messages (留言、评论、私信) with their deadlines,
-- routing rules and import column mappings; reply-deadline policies per
-- unit; opinion incidents (舆情) with the escalation chain of each unit's
-- response plan; the holiday duty roster; meetings and training.
-- Times are UTC ISO-8601 text; days chosen by people are "YYYY-MM-DD".

-- Reply-deadline policy of a unit (a unit without a row uses the nearest
-- ancestor's, else the "standard" preset).
CREATE TABLE message_policies (
    unit_id                 INTEGER PRIMARY KEY REFERENCES units(id),
    preset                  TEXT NOT NULL,
    first_response_minutes  INTEGER NOT NULL,
    first_response_same_day INTEGER NOT NULL,
    answer_working_days     INTEGER NOT NULL,
    answer_max_working_days INTEGER NOT NULL,
    work_hours              TEXT NOT NULL,
    updated_at              TEXT NOT NULL
);

-- One row per message; never deleted (hiding keeps the text and the reason).
-- dedup_key makes a re-import of the same export add nothing twice.
CREATE TABLE messages (
    id                  INTEGER PRIMARY KEY,
    account_id          INTEGER NOT NULL REFERENCES accounts(id),
    unit_id             INTEGER NOT NULL REFERENCES units(id),   -- responsible department
    kind                TEXT NOT NULL,
    channel             TEXT NOT NULL,
    sender              TEXT NOT NULL,
    text                TEXT NOT NULL,
    received_at         TEXT NOT NULL,
    external_id         TEXT,
    dedup_key           TEXT NOT NULL,
    source              TEXT NOT NULL,                           -- manual | import
    state               TEXT NOT NULL,
    routed_by_rule      INTEGER,
    first_response_due  TEXT NOT NULL,
    answer_due          TEXT NOT NULL,
    answer_max          TEXT NOT NULL,
    work_hours          TEXT NOT NULL,                           -- of the policy at receipt
    acknowledged_at     TEXT,
    ack_text            TEXT,
    promised_at         TEXT,
    answered_at         TEXT,
    answer_text         TEXT,
    result              TEXT,
    extended_until      TEXT,
    extension_reason    TEXT,
    hidden_at           TEXT,
    hidden_reason       TEXT,
    first_response_hours REAL,                                   -- working hours, set on ack/answer
    answer_hours        REAL,
    escalated_due       TEXT,                                    -- the due time last escalated
    created_at          TEXT NOT NULL
);
CREATE UNIQUE INDEX messages_dedup ON messages(account_id, dedup_key);
CREATE INDEX messages_account ON messages(account_id, received_at);
CREATE INDEX messages_unit ON messages(unit_id, state);
CREATE TRIGGER messages_no_delete BEFORE DELETE ON messages
BEGIN SELECT RAISE(ABORT, 'messages are hidden, never deleted'); END;

-- What happened to a message, in order (assign, ack, answer, extend, hide,
-- escalate), for its timeline; the audit chain holds the same facts.
CREATE TABLE message_events (
    id         INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES messages(id),
    at         TEXT NOT NULL,
    event      TEXT NOT NULL,
    login      TEXT NOT NULL,
    detail     TEXT NOT NULL
);
CREATE INDEX message_events_message ON message_events(message_id, id);

-- Routing rules, editable by the supervisor of scope_unit_id: messages of
-- accounts below that unit whose kind (NULL: any) and text (keyword NULL:
-- any) match go to target_unit_id; lowest priority first.
CREATE TABLE message_rules (
    id             INTEGER PRIMARY KEY,
    scope_unit_id  INTEGER NOT NULL REFERENCES units(id),
    priority       INTEGER NOT NULL,
    keyword        TEXT,
    kind           TEXT,
    target_unit_id INTEGER NOT NULL REFERENCES units(id),
    created_at     TEXT NOT NULL
);

-- Column mapping of a platform's export (mapped once per platform): JSON
-- object field -> column header.
CREATE TABLE message_mappings (
    platform   TEXT PRIMARY KEY,
    columns    TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Opinion incidents (舆情).
CREATE TABLE incidents (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER NOT NULL REFERENCES units(id),
    message_id  INTEGER REFERENCES messages(id),
    title       TEXT NOT NULL,
    level       INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
    state       TEXT NOT NULL,                 -- open | closed
    summary     TEXT,
    opened_at   TEXT NOT NULL,
    opened_by   TEXT NOT NULL,
    closed_at   TEXT
);
CREATE TRIGGER incidents_no_delete BEFORE DELETE ON incidents
BEGIN SELECT RAISE(ABORT, 'incidents are closed, never deleted'); END;

-- The escalation chain of a unit's response plan (应急预案).
CREATE TABLE incident_chain (
    unit_id     INTEGER NOT NULL REFERENCES units(id),
    step_no     INTEGER NOT NULL,
    name        TEXT NOT NULL,
    user_id     INTEGER REFERENCES users(id),
    min_level   INTEGER NOT NULL,
    ack_minutes INTEGER NOT NULL,
    PRIMARY KEY (unit_id, step_no)
);

-- Who was notified of an incident, when, until when they had to
-- acknowledge, and whether they did; escalated_at marks a late step.
CREATE TABLE incident_notices (
    id           INTEGER PRIMARY KEY,
    incident_id  INTEGER NOT NULL REFERENCES incidents(id),
    step_no      INTEGER NOT NULL,              -- 0: the supervising unit
    name         TEXT NOT NULL,
    user_id      INTEGER REFERENCES users(id),
    ack_minutes  INTEGER NOT NULL,
    notified_at  TEXT NOT NULL,
    ack_due      TEXT NOT NULL,
    acked_at     TEXT,
    acked_by     TEXT,
    escalated_at TEXT,
    UNIQUE (incident_id, step_no)
);

-- The timeline: actions, statements, level changes, escalations, closing.
CREATE TABLE incident_events (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents(id),
    at          TEXT NOT NULL,
    event       TEXT NOT NULL,
    login       TEXT NOT NULL,
    text        TEXT NOT NULL
);
CREATE INDEX incident_events_incident ON incident_events(incident_id, id);

-- The duty roster (值班): who is on duty on a day, and whether they lead it.
CREATE TABLE duty_shifts (
    id         INTEGER PRIMARY KEY,
    unit_id    INTEGER NOT NULL REFERENCES units(id),
    day        TEXT NOT NULL,
    person     TEXT NOT NULL,
    leader     INTEGER NOT NULL DEFAULT 0,
    phone      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    UNIQUE (unit_id, day, person)
);

-- Meetings and training (例会、培训).
CREATE TABLE meetings (
    id         INTEGER PRIMARY KEY,
    unit_id    INTEGER NOT NULL REFERENCES units(id),
    held_on    TEXT NOT NULL,
    kind       TEXT NOT NULL,
    title      TEXT NOT NULL,
    attendees  TEXT NOT NULL,                  -- JSON array of names
    minutes    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE INDEX meetings_unit ON meetings(unit_id, held_on);

CREATE TABLE meeting_attachments (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    name       TEXT NOT NULL,
    mime       TEXT NOT NULL,
    data       BLOB NOT NULL,
    created_at TEXT NOT NULL
);
