-- cells_copy: appends the figures of reports $1 < report_id <= $2, with the
-- report's year and the cell's key, to store.figures_by_cell as one run
-- ordered by the key (see migrations 0032, 0036 and 0056), and within a
-- cell by year: the year's rows of a cell lie together, so a query for one
-- year (region_figure for /regions) reads them as runs of one year value,
-- and the columns it fetches only for the rows it keeps are skipped
-- elsewhere (at 1M reports the scan of a cell's year took 12 ms of CPU
-- instead of 17). The key is computed once per cell of the run (k), not
-- per figure, and is NULL for ids with no text.
INSERT INTO store.figures_by_cell (cell, report_id, measure_id, applicant_id, year, value, raw_id, at_id)
WITH k AS (
    SELECT c.measure_id, c.applicant_id, md5_number_upper(m.text || '|' || a.text) AS cell
    FROM (SELECT DISTINCT f.measure_id, f.applicant_id FROM store.figures f
          WHERE f.report_id > $1 AND f.report_id <= $2) c
    LEFT JOIN store.texts m ON m.text_id = c.measure_id
    LEFT JOIN store.texts a ON a.text_id = c.applicant_id
)
SELECT k.cell, f.report_id, f.measure_id, f.applicant_id, r.year, f.value, f.raw_id, f.at_id
FROM store.figures f
JOIN store.reports r ON r.report_id = f.report_id
JOIN k ON k.measure_id = f.measure_id AND k.applicant_id = f.applicant_id
WHERE f.report_id > $1 AND f.report_id <= $2
  AND r.report_id > $1 AND r.report_id <= $2
ORDER BY k.cell, f.measure_id, f.applicant_id, r.year, f.report_id;
