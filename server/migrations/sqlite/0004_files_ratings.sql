-- Attachments judged by content, with a downscaled copy for display; files the picker staged
-- before their message was sent; complaints opened by low ratings.

ALTER TABLE attachments ADD COLUMN kind TEXT NOT NULL DEFAULT 'text';
-- A downscaled JPEG of an image (orientation applied, camera metadata dropped).
ALTER TABLE attachments ADD COLUMN display_key TEXT;
CREATE INDEX attachments_ticket_idx ON attachments (ticket_id, event_id);

-- Uploaded by the picker, waiting for the reply or ticket they belong to; the sweep removes
-- those never sent. Only the hash of the token given to the uploader is kept.
CREATE TABLE staged_files (
    token_hash   TEXT PRIMARY KEY,
    filename     TEXT NOT NULL,
    kind         TEXT NOT NULL,
    size_bytes   INTEGER NOT NULL CHECK (size_bytes >= 0),
    sha256       TEXT NOT NULL,
    storage_key  TEXT NOT NULL,
    display_key  TEXT,
    created_at   INTEGER NOT NULL,
    CONSTRAINT staged_files_storage_key UNIQUE (storage_key)
);
CREATE INDEX staged_files_created_idx ON staged_files (created_at);

-- A rating of 2 or less goes to the support lead (000 §8.3) with a deadline; the outcome is
-- recorded and shown to the customer.
CREATE TABLE complaints (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER NOT NULL REFERENCES tickets (id) ON DELETE RESTRICT,
    opened_at   INTEGER NOT NULL,
    due_at      INTEGER NOT NULL,
    outcome     TEXT NOT NULL DEFAULT '',
    handled_by  TEXT NOT NULL DEFAULT '',
    closed_at   INTEGER,
    CONSTRAINT complaints_ticket_key UNIQUE (ticket_id)
);
CREATE INDEX complaints_open_idx ON complaints (closed_at, due_at);
