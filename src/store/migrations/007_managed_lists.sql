-- 007_managed_lists: lists that admins maintain in the product (lexicon
-- terms, the allow list, enforcement context words, approved repost
-- sources, and lists of other features such as official names), with
-- every version kept: who changed it, when, and the diff.
-- A list with no managed_lists row has never been edited: the shipped
-- default under data/ applies.  The first edit copies the default in.
-- Times are UTC ISO-8601 text.

CREATE TABLE managed_lists (
    name       TEXT PRIMARY KEY,    -- stable id of the list, e.g. 'lexicon'
    version    INTEGER NOT NULL,    -- newest version (1 = first edit)
    updated_at TEXT NOT NULL,
    login      TEXT NOT NULL
);

-- The current entries, in list order (seq).  entry is a JSON object; key
-- is the value of the list's key field (e.g. the term), unique per list.
CREATE TABLE managed_list_entries (
    list  TEXT NOT NULL REFERENCES managed_lists(name),
    seq   INTEGER NOT NULL,
    key   TEXT NOT NULL,
    entry TEXT NOT NULL,
    PRIMARY KEY (list, key)
);
CREATE INDEX managed_list_entries_seq ON managed_list_entries(list, seq);

-- One row per version: diff is {"added":[entry…],"removed":[entry…],
-- "changed":[{"before":entry,"after":entry}…]} against the version before.
CREATE TABLE managed_list_versions (
    list    TEXT NOT NULL REFERENCES managed_lists(name),
    version INTEGER NOT NULL,
    at      TEXT NOT NULL,
    login   TEXT NOT NULL,
    action  TEXT NOT NULL,          -- 'edit' | 'import'
    note    TEXT NOT NULL,
    diff    TEXT NOT NULL,
    PRIMARY KEY (list, version)
);
CREATE TRIGGER managed_list_versions_no_update BEFORE UPDATE ON managed_list_versions
BEGIN SELECT RAISE(ABORT, 'list versions are append-only'); END;
CREATE TRIGGER managed_list_versions_no_delete BEFORE DELETE ON managed_list_versions
BEGIN SELECT RAISE(ABORT, 'list versions are append-only'); END;
