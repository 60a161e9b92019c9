-- export_view_has_year: whether the view $1 of the attached warehouse (the
-- current database of a Parquet export) has a column year to partition by.
SELECT count(*) FROM duckdb_columns()
WHERE database_name = current_database() AND schema_name = 'main' AND table_name = $1 AND column_name = 'year';
