-- 095_post_attachment_files: the bytes of a post's attachments in a table of
-- their own, the blob its last column.  A video may be 500 MB (REQUIREMENTS
-- §3 media rules: Douyin, Kuaishou); it arrives in a temporary file and goes
-- into the database in pieces (db_blob_from_fd) into room reserved at the
-- insert, which SQLite reserves without building the row in memory only when
-- the blob is the row's last column (in post_attachments, data is followed by
-- created_at ... removed_by).  The bytes move here; post_attachments.data
-- keeps an empty value.  Archived like their attachment: never deleted.
CREATE TABLE post_attachment_files (
    attachment_id INTEGER PRIMARY KEY REFERENCES post_attachments(id),
    data          BLOB NOT NULL
);
INSERT INTO post_attachment_files(attachment_id, data) SELECT id, data FROM post_attachments;
UPDATE post_attachments SET data = substr(data, 1, 0);
CREATE TRIGGER post_attachment_files_no_delete BEFORE DELETE ON post_attachment_files
BEGIN SELECT RAISE(ABORT, 'post attachment files are archived, never deleted'); END;
