-- saved_query_delete: removes saved query $1 (its id) when the account of id
-- $2 (NULL = unknown, never an owner) owns it or $3 (an admin); returns the
-- id removed, no row when there is none or it is another's.
DELETE FROM store.saved_queries
WHERE query_id = $1 AND (owner_id = $2 OR $3::BOOLEAN)
RETURNING query_id;
