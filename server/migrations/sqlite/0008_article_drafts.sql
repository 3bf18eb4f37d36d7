-- Article drafts made from resolved tickets (knowledge sedimentation, manual ch. 6); the
-- knowledge base's review workflow takes them from here.
CREATE TABLE article_drafts (
    id         INTEGER PRIMARY KEY,
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id) ON DELETE RESTRICT,
    locale     TEXT NOT NULL CHECK (locale IN ('zh', 'en')),
    title      TEXT NOT NULL,
    body_md    TEXT NOT NULL,
    author_id  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    author     TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX article_drafts_created_idx ON article_drafts (created_at);
