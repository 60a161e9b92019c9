-- reports_recount: recounts the errors and warnings of the reports in list $1 from their findings.
-- The BETWEEN on the list's least and greatest id lets DuckDB skip the row groups
-- outside them (zone maps): list_contains alone reads every row group of the table.
UPDATE store.reports SET
    errors = (SELECT count(*) FROM store.findings f WHERE f.report_id = reports.report_id AND f.severity = 'error'
                  AND f.report_id BETWEEN list_min($1::BIGINT[]) AND list_max($1::BIGINT[])),
    warnings = (SELECT count(*) FROM store.findings f WHERE f.report_id = reports.report_id AND f.severity = 'warning'
                    AND f.report_id BETWEEN list_min($1::BIGINT[]) AND list_max($1::BIGINT[]))
WHERE report_id BETWEEN list_min($1::BIGINT[]) AND list_max($1::BIGINT[]) AND list_contains($1, report_id);
