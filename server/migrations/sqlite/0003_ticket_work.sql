-- Working tickets: optimistic-concurrency revision, assignment, clock stops, milestones and
-- breach flags kept for reports; admin-editable service settings; teams for assignment.

CREATE TABLE teams (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    CONSTRAINT teams_name_key UNIQUE (name)
);

-- Agents in a team; only available ones take round-robin assignments.
CREATE TABLE team_members (
    team_id   INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    available INTEGER NOT NULL DEFAULT 1 CHECK (available IN (0, 1)),
    last_assigned_at INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (team_id, user_id)
);

-- Which team takes new tickets of a category.
CREATE TABLE category_teams (
    category TEXT PRIMARY KEY CHECK (category IN ('hardware', 'software', 'network', 'system', 'security', 'consultation')),
    team_id  INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE
);

ALTER TABLE tickets ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE tickets ADD COLUMN assignee_id INTEGER REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE tickets ADD COLUMN team_id INTEGER REFERENCES teams (id) ON DELETE SET NULL;
ALTER TABLE tickets ADD COLUMN paused_at INTEGER;
ALTER TABLE tickets ADD COLUMN closed_at INTEGER;
-- The targets in force when the ticket was opened, in minutes of service time.
ALTER TABLE tickets ADD COLUMN respond_minutes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN resolve_minutes INTEGER NOT NULL DEFAULT 0;
-- Set once and never cleared, so reports count breaches even after the ticket is fixed.
ALTER TABLE tickets ADD COLUMN response_breached INTEGER NOT NULL DEFAULT 0 CHECK (response_breached IN (0, 1));
ALTER TABLE tickets ADD COLUMN resolve_breached INTEGER NOT NULL DEFAULT 0 CHECK (resolve_breached IN (0, 1));

CREATE INDEX tickets_assignee_idx ON tickets (assignee_id, status);
CREATE INDEX tickets_resolve_due_idx ON tickets (status, resolve_due);
CREATE INDEX tickets_created_idx ON tickets (created_at, id);

-- Settings admins edit (SLA targets, service calendar, lifecycle windows), one JSON per key.
CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value_json TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);
