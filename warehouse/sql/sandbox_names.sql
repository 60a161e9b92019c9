-- sandbox_names: what the SQL sandbox lets analysts name besides the built-in
-- functions of its allow-list: the views and macros of the warehouse's own
-- main schema (never store or any other schema), as (kind, name).
SELECT 'view' AS kind, view_name AS name
FROM duckdb_views()
WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
UNION ALL
SELECT DISTINCT function_type, function_name
FROM duckdb_functions()
WHERE database_name = current_database() AND schema_name = 'main'
  AND function_type IN ('macro', 'table_macro') AND NOT internal;
