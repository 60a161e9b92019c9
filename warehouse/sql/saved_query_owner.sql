-- saved_query_owner: whether a saved query with name $1 or id $2 exists, and
-- its owner, for the message when a change is refused: the owner's id (0
-- when unknown), the account's name now ('' when the account is gone) and
-- the name it had when saving.
SELECT coalesce(q.owner_id, 0), coalesce(u.name, ''), coalesce(q.owner, '')
FROM store.saved_queries AS q
LEFT JOIN auth.users AS u ON u.user_id = q.owner_id
WHERE q.name = $1 OR q.query_id = $2;
