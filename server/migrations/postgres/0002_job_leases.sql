-- Background jobs run on one instance at a time: the holder renews its lease each round, and
-- another instance takes over once a lease runs out (its holder stopped or died).
CREATE TABLE job_leases (
    name     TEXT PRIMARY KEY,
    holder   TEXT NOT NULL,
    until_ms BIGINT NOT NULL,
    runs     BIGINT NOT NULL DEFAULT 0
);
