-- cells_confirm: copies to store.figures_by_cell the figures of report $1,
-- which reports_make_current makes current in the same transaction, when it
-- is up to the copy's watermark and the copy does not hold them: a version
-- pending when its run was copied (cells_copy.sql copies current reports
-- only). One that store.figures_by_cell_stale lists is in the copy already
-- (copied by an older gongkai, 0108); cells_stale_confirm takes it off the
-- list after this. The rows are appended as one small run of their own, by
-- cell, as cells_copy orders them.
INSERT INTO store.figures_by_cell (report_id, measure_id, applicant_id, year, agency_id, unit_id, value, raw_id, at_id)
SELECT f.report_id, f.measure_id, f.applicant_id, r.year, r.agency_id, f.unit_id, f.value, f.raw_id, f.at_id
FROM store.figures f
JOIN store.reports r ON r.report_id = f.report_id
WHERE f.report_id = $1 AND r.report_id = $1
  AND $1 <= (SELECT watermark FROM store.figures_by_cell_state)
  AND $1 NOT IN (SELECT report_id FROM store.figures_by_cell_stale)
ORDER BY f.measure_id, f.applicant_id;
