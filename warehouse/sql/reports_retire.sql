-- reports_retire: newer versions of the same agency and year replace the reports in list $1.
-- The BETWEEN on the list's least and greatest id lets DuckDB skip the row groups
-- outside them (zone maps): list_contains alone reads every row group of the table.
UPDATE store.reports SET is_current = false WHERE report_id BETWEEN list_min($1::BIGINT[]) AND list_max($1::BIGINT[]) AND list_contains($1, report_id);
