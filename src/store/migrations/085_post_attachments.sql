-- 085_post_attachments: the images and videos attached to a post (REQUIREMENTS
-- §3 media rules, checked with the post against each target platform's media
-- preset when it is submitted).  The real type is read from the bytes when
-- the file comes (libmagic), never from its name.  Attachments are archived
-- with the post: one taken off a draft keeps its row (removed_at), and no
-- row is ever deleted.
CREATE TABLE post_attachments (
    id         INTEGER PRIMARY KEY,
    post_id    INTEGER NOT NULL REFERENCES posts(id),
    name       TEXT NOT NULL,
    mime       TEXT NOT NULL,
    bytes      INTEGER NOT NULL,
    data       BLOB NOT NULL,
    created_at TEXT NOT NULL,
    created_by INTEGER NOT NULL REFERENCES users(id),
    removed_at TEXT,
    removed_by INTEGER REFERENCES users(id)
);
CREATE INDEX post_attachments_post ON post_attachments(post_id, id);
CREATE TRIGGER post_attachments_no_delete BEFORE DELETE ON post_attachments
BEGIN SELECT RAISE(ABORT, 'post attachments are archived, never deleted'); END;
