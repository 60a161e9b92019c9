-- summary_recount: copies the errors and warnings of the reports in list $1 after reports_recount.
-- The BETWEEN on the list's least and greatest id lets DuckDB skip the row groups
-- outside them (zone maps): list_contains alone reads every row group of the table.
UPDATE store.report_summary s SET errors = r.errors, warnings = r.warnings
FROM store.reports r
WHERE r.report_id = s.report_id AND list_contains($1, s.report_id)
  AND s.report_id BETWEEN list_min($1::BIGINT[]) AND list_max($1::BIGINT[])
  AND r.report_id BETWEEN list_min($1::BIGINT[]) AND list_max($1::BIGINT[]);
