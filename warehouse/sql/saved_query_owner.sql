-- saved_query_owner: whether a saved query with name $1 or id $2 exists, and
-- its owner ('' when unknown), for the message when a change is refused.
SELECT coalesce(owner, '') FROM store.saved_queries WHERE name = $1 OR query_id = $2;
