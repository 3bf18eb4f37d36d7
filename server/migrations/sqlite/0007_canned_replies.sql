-- Answers agents reuse, per language.
CREATE TABLE canned_replies (
    id         INTEGER PRIMARY KEY,
    locale     TEXT NOT NULL CHECK (locale IN ('zh', 'en')),
    title      TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX canned_replies_locale_idx ON canned_replies (locale, title);
