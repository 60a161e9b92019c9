-- read_report_totals: the figures of report $1 in the applicant column 总计.
-- The report's figures are read first and only the texts they name are
-- looked up (see read_report_values): the agency page reads this once per
-- report.
WITH f AS (
    SELECT measure_id, applicant_id, value FROM store.figures WHERE report_id = $1
), t AS MATERIALIZED (
    SELECT text_id, text FROM store.texts
    WHERE text_id IN (SELECT measure_id FROM f UNION ALL SELECT applicant_id FROM f)
)
SELECT m.text AS measure, f.value
FROM f
JOIN t m ON m.text_id = f.measure_id
JOIN t ap ON ap.text_id = f.applicant_id
WHERE ap.text = 'total'
ORDER BY measure;
