-- export_store_tables: the tables of schema store in the attached warehouse
-- (the current database of a Parquet export). A file opened read-only is
-- not migrated, so an older one may lack some of the lake's tables.
SELECT table_name FROM duckdb_tables()
WHERE database_name = current_database() AND schema_name = 'store';
