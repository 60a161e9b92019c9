-- rollup_current_of: the current reports of the agencies in list $1.
SELECT report_id FROM store.reports WHERE is_current AND list_contains($1, agency_id) ORDER BY report_id;
