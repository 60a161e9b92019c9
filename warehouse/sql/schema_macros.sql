-- schema_macros: the table macros analysts may call (the selection macros of
-- migration 0003), with their parameter names, for the schema browser.
-- No parameters. Columns: function_name, parameters (a list of names).
SELECT function_name, parameters
FROM duckdb_functions()
WHERE schema_name = 'main' AND function_type = 'table_macro' AND NOT internal
ORDER BY function_name;
