-- summary_retire: the reports in list $1 are no longer current (as reports_retire).
-- The BETWEEN on the list's least and greatest id lets DuckDB skip the row groups
-- outside them (zone maps): list_contains alone reads every row group of the table.
UPDATE store.report_summary SET is_current = false WHERE report_id BETWEEN list_min($1::BIGINT[]) AND list_max($1::BIGINT[]) AND list_contains($1, report_id);
