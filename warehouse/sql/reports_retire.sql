-- reports_retire: newer versions of the same agency and year replace the reports in list $1.
UPDATE store.reports SET is_current = false WHERE list_contains($1, report_id);
