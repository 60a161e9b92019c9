-- 0012_saved_queries: analysts' named queries for the SQL workbench. A name
-- is unique; saving under a name that exists replaces its text. The text is
-- run through the read-only sandbox like any other ad-hoc statement.
CREATE SEQUENCE store.saved_query_ids START 1;
CREATE TABLE store.saved_queries (
    query_id   BIGINT PRIMARY KEY DEFAULT nextval('store.saved_query_ids'),
    name       VARCHAR NOT NULL UNIQUE,
    sql        VARCHAR NOT NULL,
    saved_by   VARCHAR,
    saved_at   TIMESTAMP NOT NULL DEFAULT current_timestamp
);
