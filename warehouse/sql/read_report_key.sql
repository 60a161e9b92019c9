-- read_report_key: the agency and year of report version $1; no row: no
-- such report. Report reads the versions of that agency and year with these
-- as constants (read_report_versions), which DuckDB filters in the scan:
-- joining store.reports to itself on them cost ~10 ms of CPU at 1M reports.
SELECT agency_id, year FROM store.reports WHERE report_id = $1;
