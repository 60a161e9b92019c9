-- schema_migrations: the migrations applied to this file, created before any runs.
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER   NOT NULL,
    name       VARCHAR   NOT NULL,
    applied_at TIMESTAMP NOT NULL
);
