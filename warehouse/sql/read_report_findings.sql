-- read_report_findings: the findings of report version $1, in the order they
-- were stored (errors and warnings mixed, as the rules ran).
SELECT rule, severity, coalesce("at", ''), coalesce(row_label, ''), coalesce(column_label, ''),
       coalesce(measure, ''), coalesce(applicant, ''), message, expected, actual
FROM store.findings
WHERE report_id = $1
ORDER BY seq;
