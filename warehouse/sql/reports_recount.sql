-- reports_recount: recounts the errors and warnings of the reports in list $1 from their findings.
UPDATE store.reports SET
    errors = (SELECT count(*) FROM store.findings f WHERE f.report_id = reports.report_id AND f.severity = 'error'),
    warnings = (SELECT count(*) FROM store.findings f WHERE f.report_id = reports.report_id AND f.severity = 'warning')
WHERE list_contains($1, report_id);
