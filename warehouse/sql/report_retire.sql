-- report_retire: a newer version of the same agency and year replaces report $1.
UPDATE store.reports SET is_current = false WHERE report_id = $1;
