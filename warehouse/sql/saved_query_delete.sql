-- saved_query_delete: removes saved query $1 (its id). Deleting one that is
-- not there changes nothing.
DELETE FROM store.saved_queries WHERE query_id = $1;
