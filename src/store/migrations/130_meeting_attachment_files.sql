-- 130_meeting_attachment_files: the bytes of a meeting's attachments (up to
-- 10 MB: minutes, sign-in sheets, training slides) in a table of their own,
-- the blob its last column, as 095 did for posts.  An upload goes to a
-- temporary file as it arrives and into the database in pieces
-- (db_blob_from_fd) into room reserved at the insert; a download leaves it in
-- pieces (db_blob_to_fd): neither is ever whole in memory.  meeting_attachments
-- keeps the name, the type and now the size (bytes, which length(data) gave);
-- its data keeps an empty value.
CREATE TABLE meeting_attachment_files (
    attachment_id INTEGER PRIMARY KEY REFERENCES meeting_attachments(id),
    data          BLOB NOT NULL
);
INSERT INTO meeting_attachment_files(attachment_id, data) SELECT id, data FROM meeting_attachments;
ALTER TABLE meeting_attachments ADD COLUMN bytes INTEGER NOT NULL DEFAULT 0;
UPDATE meeting_attachments SET bytes = length(data), data = substr(data, 1, 0);
