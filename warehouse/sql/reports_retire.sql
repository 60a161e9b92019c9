-- reports_retire: newer versions of the same agency and year replace the reports in list $1.
-- The BETWEEN on the list's least and greatest id lets DuckDB skip the row groups
-- outside them (zone maps): list_contains alone reads every row group of the table.
-- The copy by cell's list of stale reports (store.figures_by_cell_stale,
-- 0108) follows in the same transaction: cells_stale_retire lists the
-- retired reports it holds.
UPDATE store.reports SET is_current = false WHERE report_id BETWEEN list_min($1::BIGINT[]) AND list_max($1::BIGINT[]) AND list_contains($1, report_id);
