-- schema_columns: the columns of the analyst views of the main schema, in
-- their order, for the SQL workbench's schema browser. No parameters.
-- Columns: view_name, column_name, data_type.
SELECT c.table_name, c.column_name, c.data_type
FROM duckdb_columns() c
JOIN duckdb_views() v ON v.view_name = c.table_name AND v.schema_name = c.schema_name
WHERE c.schema_name = 'main' AND NOT v.internal
ORDER BY c.table_name, c.column_index;
