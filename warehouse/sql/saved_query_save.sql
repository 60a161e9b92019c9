-- saved_query_save: stores a named query, or replaces the text of the one
-- saved under the same name when the saver owns it or is an admin; returns
-- no row when the name is another's. Parameters: $1 name, $2 sql, $3 saver's
-- account name ('' = unknown), $4 the saver's account id (NULL = unknown,
-- never an owner), $5 whether the saver is an admin, $6 the time (UTC, as
-- the accounts' and the audit log's: 0012's default was the server's
-- wall-clock time).
INSERT INTO store.saved_queries (name, sql, saved_by, owner, owner_id, saved_at)
VALUES ($1, $2, nullif($3, ''), nullif($3, ''), $4, timezone('UTC', $6::TIMESTAMPTZ))
ON CONFLICT (name) DO UPDATE SET sql = excluded.sql, saved_by = excluded.saved_by, saved_at = excluded.saved_at
WHERE store.saved_queries.owner_id = excluded.owner_id OR $5::BOOLEAN
RETURNING query_id;
