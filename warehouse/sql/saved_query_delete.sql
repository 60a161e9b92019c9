-- saved_query_delete: removes saved query $1 (its id) when account $2 owns it
-- ('' = unknown, never an owner) or $3 (an admin); returns the id removed,
-- no row when there is none or it is another's.
DELETE FROM store.saved_queries
WHERE query_id = $1 AND (owner = nullif($2, '') OR $3::BOOLEAN)
RETURNING query_id;
