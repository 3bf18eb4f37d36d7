-- Images editors upload for articles. They are public once linked from a published article,
-- so they are served from their display copy: re-encoded, at most 1600 px, without metadata.
CREATE TABLE kb_images (
    id          INTEGER PRIMARY KEY,
    storage_key TEXT NOT NULL,
    display_key TEXT NOT NULL,
    name        TEXT NOT NULL,
    size        INTEGER NOT NULL,
    uploaded_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at  INTEGER NOT NULL
);
