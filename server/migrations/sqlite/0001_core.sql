-- Core schema of the portal. Portable SQL: the PostgreSQL migrations mirror it type for type.
-- Times are INTEGER milliseconds since the Unix epoch (UTC), which both backends store alike.

-- People: customers and staff. Passwords and sessions arrive with the accounts issue.
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL,
    display_name  TEXT NOT NULL,
    password_hash TEXT,
    locale        TEXT NOT NULL DEFAULT 'zh' CHECK (locale IN ('zh', 'en')),
    created_at    INTEGER NOT NULL,
    CONSTRAINT users_email_key UNIQUE (email)
);

-- A person may hold several staff roles.
CREATE TABLE user_roles (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role    TEXT NOT NULL CHECK (role IN ('agent', 'editor', 'admin')),
    PRIMARY KEY (user_id, role)
);

-- Knowledge-base categories form a tree; names live in per-language rows.
CREATE TABLE kb_categories (
    id        INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES kb_categories (id) ON DELETE RESTRICT,
    slug      TEXT NOT NULL,
    position  INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT kb_categories_slug_key UNIQUE (slug)
);

CREATE TABLE kb_category_translations (
    category_id INTEGER NOT NULL REFERENCES kb_categories (id) ON DELETE CASCADE,
    locale      TEXT NOT NULL CHECK (locale IN ('zh', 'en')),
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (category_id, locale)
);

-- An article is one subject; its text exists per language (linked translations).
CREATE TABLE articles (
    id          INTEGER PRIMARY KEY,
    category_id INTEGER NOT NULL REFERENCES kb_categories (id) ON DELETE RESTRICT,
    slug        TEXT NOT NULL,
    internal    INTEGER NOT NULL DEFAULT 0 CHECK (internal IN (0, 1)),
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    CONSTRAINT articles_slug_key UNIQUE (slug)
);

-- The published text of each language. body_html is rendered and sanitised when written.
CREATE TABLE article_translations (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    locale     TEXT NOT NULL CHECK (locale IN ('zh', 'en')),
    title      TEXT NOT NULL,
    summary    TEXT NOT NULL DEFAULT '',
    body_md    TEXT NOT NULL,
    body_html  TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (article_id, locale)
);

-- Every version ever written, drafts and reviews included; published rows are never changed.
CREATE TABLE article_versions (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    locale     TEXT NOT NULL CHECK (locale IN ('zh', 'en')),
    version    INTEGER NOT NULL,
    title      TEXT NOT NULL,
    body_md    TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('draft', 'in_review', 'published', 'rejected')),
    author_id  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    CONSTRAINT article_versions_key UNIQUE (article_id, locale, version)
);

-- Guided self-diagnosis flows; each published version is an immutable graph (JSON).
CREATE TABLE flows (
    id         INTEGER PRIMARY KEY,
    slug       TEXT NOT NULL,
    category   TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    CONSTRAINT flows_slug_key UNIQUE (slug)
);

CREATE TABLE flow_versions (
    id           INTEGER PRIMARY KEY,
    flow_id      INTEGER NOT NULL REFERENCES flows (id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    graph_json   TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
    created_at   INTEGER NOT NULL,
    published_at INTEGER,
    CONSTRAINT flow_versions_key UNIQUE (flow_id, version)
);

-- One row per year hands out ticket sequence numbers inside the creating transaction.
CREATE TABLE ticket_counters (
    year       INTEGER PRIMARY KEY,
    next_value INTEGER NOT NULL
);

-- The service record (PRODUCT.md step 1): who, what, impact, classification and SLA due times.
CREATE TABLE tickets (
    id                 INTEGER PRIMARY KEY,
    number             TEXT NOT NULL,
    requester_id       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    contact_name       TEXT NOT NULL,
    contact_email      TEXT NOT NULL,
    contact_phone      TEXT,
    organisation       TEXT,
    subject            TEXT NOT NULL,
    description        TEXT NOT NULL,
    started            TEXT,
    device             TEXT,
    software_version   TEXT,
    category           TEXT NOT NULL CHECK (category IN ('hardware', 'software', 'network', 'system', 'security', 'consultation')),
    priority           TEXT NOT NULL CHECK (priority IN ('urgent', 'important', 'normal')),
    impact             TEXT NOT NULL CHECK (impact IN ('local', 'global')),
    status             TEXT NOT NULL CHECK (status IN ('new', 'acknowledged', 'in_progress', 'waiting_on_customer', 'resolved', 'closed')),
    locale             TEXT NOT NULL CHECK (locale IN ('zh', 'en')),
    access_hash        TEXT NOT NULL,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    first_response_due INTEGER NOT NULL,
    resolve_due        INTEGER NOT NULL,
    first_responded_at INTEGER,
    resolved_at        INTEGER,
    CONSTRAINT tickets_number_key UNIQUE (number)
);
CREATE INDEX tickets_requester_idx ON tickets (requester_id);
CREATE INDEX tickets_email_idx ON tickets (contact_email);
CREATE INDEX tickets_status_due_idx ON tickets (status, first_response_due);

-- The ticket's timeline: append-only (the triggers below refuse edits and deletions).
CREATE TABLE ticket_events (
    id         INTEGER PRIMARY KEY,
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id) ON DELETE RESTRICT,
    kind       TEXT NOT NULL,
    actor_id   INTEGER REFERENCES users (id) ON DELETE RESTRICT,
    actor_name TEXT NOT NULL,
    public     INTEGER NOT NULL DEFAULT 1 CHECK (public IN (0, 1)),
    body       TEXT NOT NULL DEFAULT '',
    data_json  TEXT NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL
);
CREATE INDEX ticket_events_ticket_idx ON ticket_events (ticket_id, id);

CREATE TRIGGER ticket_events_no_update BEFORE UPDATE ON ticket_events
BEGIN
    SELECT RAISE(ABORT, 'ticket events are append-only');
END;

CREATE TRIGGER ticket_events_no_delete BEFORE DELETE ON ticket_events
BEGIN
    SELECT RAISE(ABORT, 'ticket events are append-only');
END;

-- Files attached to a ticket message; the bytes live outside the web root under storage_key.
CREATE TABLE attachments (
    id           INTEGER PRIMARY KEY,
    ticket_id    INTEGER NOT NULL REFERENCES tickets (id) ON DELETE RESTRICT,
    event_id     INTEGER REFERENCES ticket_events (id) ON DELETE RESTRICT,
    filename     TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes   INTEGER NOT NULL CHECK (size_bytes >= 0),
    sha256       TEXT NOT NULL,
    storage_key  TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    CONSTRAINT attachments_storage_key UNIQUE (storage_key)
);

-- The customer's rating after resolution (000 §8.3): overall plus speed, effect and attitude.
CREATE TABLE ratings (
    ticket_id  INTEGER PRIMARY KEY REFERENCES tickets (id) ON DELETE RESTRICT,
    overall    INTEGER NOT NULL CHECK (overall BETWEEN 1 AND 5),
    speed      INTEGER CHECK (speed BETWEEN 1 AND 5),
    effect     INTEGER CHECK (effect BETWEEN 1 AND 5),
    attitude   INTEGER CHECK (attitude BETWEEN 1 AND 5),
    comment    TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);

-- Rejected forms kept for an hour so browsers without JavaScript get back what they typed.
CREATE TABLE form_drafts (
    id         TEXT PRIMARY KEY,
    data_json  TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX form_drafts_expiry_idx ON form_drafts (expires_at);
