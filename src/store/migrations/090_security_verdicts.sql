-- 090_security_verdicts: the verdict of the 安全问题 veto's re-check of each
-- workflow publication (REQUIREMENTS §5 veto_security: 严重表述错误, 泄密),
-- kept with what it was judged by, so a yearly assessment re-checks only
-- the publications that are new, whose text changed, or that were judged by
-- another engine or older lists.  A cache: rows are replaced when judged
-- again; none is the record of anything (the assessment's export is).
CREATE TABLE security_verdicts (
    publication_id INTEGER PRIMARY KEY REFERENCES publications(id),
    judged_by      TEXT NOT NULL,   -- the engine's origin: "engine=<digest>;lists=lexicon:3,allow:0,…"
    text_digest    TEXT NOT NULL,   -- digest of what was judged (title, body, platform, source, day)
    kind           TEXT,            -- NULL: no security problem; else 严重表述错误 | 涉密内容
    term           TEXT,            -- what was found, as written
    judged_at      TEXT NOT NULL    -- UTC ISO-8601
);
