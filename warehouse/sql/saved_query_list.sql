-- saved_query_list: the analysts' saved queries, by name, with the owner's
-- account as it is now ('' when the account is gone or unknown) and the
-- name it had when saving. No parameters. Columns match SavedQuery in
-- schema.go.
SELECT q.query_id, q.name, q.sql, coalesce(q.saved_by, ''), coalesce(u.name, ''),
       coalesce(q.owner_id, 0), coalesce(q.owner, ''), q.saved_at
FROM store.saved_queries AS q
LEFT JOIN auth.users AS u ON u.user_id = q.owner_id
ORDER BY q.name;
