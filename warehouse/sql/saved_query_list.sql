-- saved_query_list: the analysts' saved queries, by name. No parameters.
-- Columns match SavedQuery in schema.go.
SELECT query_id, name, sql, coalesce(saved_by, ''), coalesce(owner, ''), saved_at
FROM store.saved_queries
ORDER BY name;
