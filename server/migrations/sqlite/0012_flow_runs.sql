-- Diagnosis flows (issue 5). A flow's draft is its version 0; published versions are numbered
-- from 1 and never change. Runs are pinned to the version they started on.
ALTER TABLE flow_versions ADD COLUMN created_by INTEGER REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE flow_versions ADD COLUMN restored_from INTEGER;

CREATE INDEX flow_versions_live ON flow_versions (flow_id, status);

-- One customer's walk through one version. The link's token is kept only as a hash.
CREATE TABLE flow_runs (
    id           INTEGER PRIMARY KEY,
    token_hash   TEXT NOT NULL,
    version_id   INTEGER NOT NULL REFERENCES flow_versions (id) ON DELETE CASCADE,
    user_id      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    -- Staff trying a draft: never counted in analytics.
    preview      INTEGER NOT NULL DEFAULT 0,
    status       TEXT NOT NULL CHECK (status IN ('active', 'solved', 'escalated')),
    current_node TEXT NOT NULL,
    path_json    TEXT NOT NULL,
    started_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    CONSTRAINT flow_runs_token_key UNIQUE (token_hash)
);

CREATE INDEX flow_runs_by_version ON flow_runs (version_id, started_at);

-- Each node a run has reached, once: the base of drop-off per node.
CREATE TABLE flow_run_visits (
    run_id  INTEGER NOT NULL REFERENCES flow_runs (id) ON DELETE CASCADE,
    node_id TEXT NOT NULL,
    CONSTRAINT flow_run_visits_key PRIMARY KEY (run_id, node_id)
);
