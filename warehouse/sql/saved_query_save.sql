-- saved_query_save: stores a named query, or replaces the text of the one
-- saved under the same name when the saver owns it or is an admin; returns
-- no row when the name is another's. Parameters: $1 name, $2 sql, $3 saver's
-- account ('' = unknown, never an owner), $4 whether the saver is an admin.
INSERT INTO store.saved_queries (name, sql, saved_by, owner)
VALUES ($1, $2, nullif($3, ''), nullif($3, ''))
ON CONFLICT (name) DO UPDATE SET sql = excluded.sql, saved_by = excluded.saved_by, saved_at = get_current_timestamp()
WHERE store.saved_queries.owner = excluded.owner OR $4::BOOLEAN
RETURNING query_id;
