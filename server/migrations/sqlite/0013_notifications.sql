-- Notifications (issue 7). Every event that may tell someone something is written to the
-- outbox in the transaction that caused it; a worker fans it out to deliveries (one per
-- recipient and channel, unique by idempotency key) and sends them with retries. The outbox's
-- ids are also the ids of the live event stream, so a reconnecting browser resumes from them.
CREATE TABLE outbox_events (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    kind            TEXT NOT NULL,
    ticket_id       INTEGER REFERENCES tickets (id) ON DELETE CASCADE,
    actor_id        INTEGER REFERENCES users (id) ON DELETE SET NULL,
    -- Whether the ticket's customer may see it (internal notes and hand-overs may not).
    public          INTEGER NOT NULL DEFAULT 1 CHECK (public IN (0, 1)),
    -- Facts for the message: a reply's text, a status change, an incident, a link.
    data_json       TEXT NOT NULL DEFAULT '{}',
    created_at      INTEGER NOT NULL,
    -- Set once deliveries were written; then secrets in data_json are blanked.
    dispatched      INTEGER NOT NULL DEFAULT 0 CHECK (dispatched IN (0, 1))
);
CREATE INDEX outbox_events_undispatched ON outbox_events (dispatched, id);
CREATE INDEX outbox_events_ticket ON outbox_events (ticket_id, id);
CREATE INDEX outbox_events_created ON outbox_events (created_at);

CREATE TABLE webhooks (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    url         TEXT NOT NULL,
    secret      TEXT NOT NULL,
    -- The notice kinds it wants, as a JSON array; empty means all.
    events_json TEXT NOT NULL DEFAULT '[]',
    format      TEXT NOT NULL CHECK (format IN ('json', 'slack')),
    enabled     INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    created_at  INTEGER NOT NULL
);

CREATE TABLE deliveries (
    id           INTEGER PRIMARY KEY,
    event_id     INTEGER NOT NULL REFERENCES outbox_events (id) ON DELETE CASCADE,
    channel      TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
    -- An e-mail address, or the webhook's name, for the log.
    recipient    TEXT NOT NULL,
    webhook_id   INTEGER REFERENCES webhooks (id) ON DELETE CASCADE,
    idem_key     TEXT NOT NULL,
    summary      TEXT NOT NULL,
    -- The rendered message, so every retry sends the same bytes.
    payload      TEXT NOT NULL,
    -- The payload holds a private link; it is blanked once sent.
    secret       INTEGER NOT NULL DEFAULT 0 CHECK (secret IN (0, 1)),
    status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    next_at      INTEGER NOT NULL,
    -- A sender holds a delivery until then; a crashed sender's lease simply runs out.
    leased_until INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL,
    sent_at      INTEGER,
    CONSTRAINT deliveries_idem_key UNIQUE (idem_key)
);
CREATE INDEX deliveries_due ON deliveries (status, next_at);
CREATE INDEX deliveries_recent ON deliveries (created_at);

-- The e-mail notices a person turned off, as a JSON array of kinds.
CREATE TABLE notification_prefs (
    user_id    INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    muted_json TEXT NOT NULL DEFAULT '[]'
);

-- Major incidents: a known problem shown on every page until resolved.
CREATE TABLE incidents (
    id          INTEGER PRIMARY KEY,
    title_zh    TEXT NOT NULL,
    title_en    TEXT NOT NULL,
    services_zh TEXT NOT NULL,
    services_en TEXT NOT NULL,
    declared_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    declared_at INTEGER NOT NULL,
    resolved_at INTEGER
);
CREATE INDEX incidents_open ON incidents (resolved_at, declared_at);

CREATE TABLE incident_tickets (
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    ticket_id   INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    linked_at   INTEGER NOT NULL,
    PRIMARY KEY (incident_id, ticket_id)
);

-- SLA warnings (75 % of a target used) are sent once per clock.
ALTER TABLE tickets ADD COLUMN response_warned INTEGER NOT NULL DEFAULT 0 CHECK (response_warned IN (0, 1));
ALTER TABLE tickets ADD COLUMN resolve_warned INTEGER NOT NULL DEFAULT 0 CHECK (resolve_warned IN (0, 1));
