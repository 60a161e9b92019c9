-- summary_make_current: report $1 is current (as reports_make_current).
UPDATE store.report_summary SET is_current = true WHERE report_id = $1;
