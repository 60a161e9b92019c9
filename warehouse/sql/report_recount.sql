-- report_recount: recounts the errors and warnings of report $1 from its findings.
UPDATE store.reports SET
    errors = (SELECT count(*) FROM store.findings f WHERE f.report_id = $1 AND f.severity = 'error'),
    warnings = (SELECT count(*) FROM store.findings f WHERE f.report_id = $1 AND f.severity = 'warning')
WHERE report_id = $1;
