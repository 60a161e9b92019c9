-- summary_retire: the reports in list $1 are no longer current (as reports_retire).
UPDATE store.report_summary SET is_current = false WHERE list_contains($1, report_id);
