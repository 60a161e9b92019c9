-- saved_query_save: stores a named query, replacing the text of one saved
-- under the same name. Parameters: $1 name, $2 sql, $3 saved_by ('' = unknown).
INSERT INTO store.saved_queries (name, sql, saved_by)
VALUES ($1, $2, nullif($3, ''))
ON CONFLICT (name) DO UPDATE SET sql = excluded.sql, saved_by = excluded.saved_by, saved_at = get_current_timestamp()
RETURNING query_id;
