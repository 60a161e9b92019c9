-- export_view_partitions: the columns of the view $1 of the attached
-- warehouse (the current database of a Parquet export) that its Parquet
-- folder is partitioned by: year and province, in that order, where it has
-- them.
SELECT column_name FROM duckdb_columns()
WHERE database_name = current_database() AND schema_name = 'main' AND table_name = $1
  AND column_name IN ('year', 'province')
ORDER BY column_name = 'province';
