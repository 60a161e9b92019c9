-- report_tables: the statistics tables (二, 三, 四) in which each report of
-- the list $1 states at least one figure, as (report_id, table_id).
SELECT DISTINCT f.report_id, m.table_id
FROM store.figures f
JOIN store.texts t ON t.text_id = f.measure_id
JOIN store.measures m ON m.code = t.text
WHERE list_contains($1, f.report_id) AND f.value IS NOT NULL AND NOT f.derived AND m.table_id <> 'narrative';
