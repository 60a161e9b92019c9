-- status_rows_make: the store.agency_status rows (0020, cells 0063) of the
-- agencies in temp.main.status_ids (status_ids_create), all of them in
-- [$1, $2], made once a transaction into the connection-local table
-- status_rows, from which status_patterns_add and agency_status_add write
-- (each made them afresh through store.agency_status_rows before).
--
-- The rows of store.agency_status_rows(lo, hi, ids), the definition Open's
-- check (agency_status_stale) and agency_status_rebuild use, written out
-- with two differences that change no row: the agencies are joined from
-- the table instead of a list, and the cells are sorted by list_sort instead
-- of the aggregate's ORDER BY r.year, r.report_id. A list of structs sorts
-- by its fields in order (year, report_id, errors, warnings), and no two
-- current reports share a report_id, so the order is the same; DuckDB's
-- ordered aggregate sorted every agency's few cells apart, 2–3x the CPU of
-- the whole statement (13.9 -> 7.4 ms for 700 agencies, 65.0 -> 23.0 ms for
-- 4,250 on the 100k file, the same rows by hash). TestStatusRowsAsDefined
-- holds these rows, cells in order, to the macro's.
CREATE OR REPLACE TEMP TABLE status_rows AS
SELECT r.agency_id, min(r.year) AS first_year,
       bit_or(store.year_bit(r.year)) AS reported,
       coalesce(bit_or(store.year_bit(r.year)) FILTER (WHERE r.errors > 0), 0) AS errors,
       coalesce(bit_or(store.year_bit(r.year)) FILTER (WHERE r.errors = 0 AND r.warnings > 0), 0) AS warnings,
       list_sort(list({'year': r.year, 'report_id': r.report_id, 'errors': r.errors, 'warnings': r.warnings})) AS cells
FROM store.reports r
WHERE r.is_current AND r.agency_id BETWEEN $1 AND $2
  AND r.agency_id IN (SELECT agency_id FROM temp.main.status_ids)
  AND r.year BETWEEN 1990 AND 2100
GROUP BY r.agency_id;
