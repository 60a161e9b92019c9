-- report_tables: the statistics tables (二, 三, 四) in which each report of
-- the list $1 states at least one figure, as (report_id, table_id).
-- The BETWEEN on the list's least and greatest id lets DuckDB skip the row groups
-- outside them (zone maps): list_contains alone reads every row group of the table.
SELECT DISTINCT f.report_id, m.table_id
FROM store.figures f
JOIN store.texts t ON t.text_id = f.measure_id
JOIN store.measures m ON m.code = t.text
WHERE f.report_id BETWEEN list_min($1::BIGINT[]) AND list_max($1::BIGINT[]) AND list_contains($1, f.report_id) AND f.value IS NOT NULL AND NOT f.derived AND m.table_id <> 'narrative';
