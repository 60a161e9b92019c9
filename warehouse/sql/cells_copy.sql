-- cells_copy: appends the figures of reports $1 < report_id <= $2 to
-- store.figures_by_cell as one run ordered by cell (see migration 0032).
INSERT INTO store.figures_by_cell
SELECT report_id, measure_id, applicant_id, value, raw_id, at_id
FROM store.figures
WHERE report_id > $1 AND report_id <= $2
ORDER BY measure_id, applicant_id, report_id;
