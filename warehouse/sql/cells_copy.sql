-- cells_copy: appends the figures of the current reports $1 < report_id <= $2,
-- with the report's year and agency and the figure's unit, to store.figures_by_cell
-- as one run ordered by cell (see migrations 0032, 0036 and 0093), and
-- within a cell by year: the year's rows of
-- a cell lie together, so a query for one year (region_figure for
-- /regions) reads them as runs of one year value, and the columns it
-- fetches only for the rows it keeps are skipped elsewhere (at 1M reports
-- the scan of a cell's year took 12 ms of CPU instead of 17). Runs copied
-- before are ordered by report id within a cell; either order holds the
-- same rows. Retired and pending versions are left out (0108): the copy
-- holds the current reports and those store.figures_by_cell_stale lists,
-- and a pending version confirmed later is copied then (cells_confirm.sql).
INSERT INTO store.figures_by_cell (report_id, measure_id, applicant_id, year, agency_id, unit_id, value, raw_id, at_id)
SELECT f.report_id, f.measure_id, f.applicant_id, r.year, r.agency_id, f.unit_id, f.value, f.raw_id, f.at_id
FROM store.figures f
JOIN store.reports r ON r.report_id = f.report_id
WHERE f.report_id > $1 AND f.report_id <= $2
  AND r.report_id > $1 AND r.report_id <= $2 AND r.is_current
ORDER BY f.measure_id, f.applicant_id, r.year, f.report_id;
