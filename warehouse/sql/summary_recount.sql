-- summary_recount: copies the errors and warnings of the reports in list $1 after reports_recount.
UPDATE store.report_summary s SET errors = r.errors, warnings = r.warnings
FROM store.reports r
WHERE r.report_id = s.report_id AND list_contains($1, s.report_id);
