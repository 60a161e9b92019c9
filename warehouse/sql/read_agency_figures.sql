-- read_agency_figures: the figures of the current reports of agency $1 for
-- the years $2 to $3 (0 leaves that end open), by the ids of their texts,
-- each with its report's id: the figures of the reports read_agency_reports
-- lists, read in the same transaction. One statement for all of them:
-- DuckDB filters the scan of store.figures by the reports' ids, which
-- skips the row groups of every other report, where one read a report cost
-- ~10 ms of CPU for an agency's six reports at 1M against ~3 so. In the
-- order they are stored, as each report's own read gave them.
SELECT f.report_id, f.measure_id, f.applicant_id, f.value, f.unit_id, f.raw_id, f.at_id, coalesce(f.from_narrative, false)
FROM store.figures f
WHERE f.report_id IN (
    SELECT r.report_id
    FROM store.reports r
    WHERE r.agency_id = $1 AND r.is_current
      AND ($2 = 0 OR r.year >= $2) AND ($3 = 0 OR r.year <= $3)
)
ORDER BY f.rowid;
