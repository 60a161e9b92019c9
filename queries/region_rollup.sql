-- name: region_rollup
-- title: 地区汇总：各项数字之和（官方表格口径）
-- params: year_from, year_to, province, city, level
-- columns: measure, applicant, value, stated
-- Every figure of the official tables (each measure of the catalogue, each
-- applicant column) summed over the current reports of the agencies the
-- region and level select, for the year (year_from = year_to). stated counts
-- the reports that state the figure; a report that leaves it blank, or
-- whose format has no such cell, adds nothing to value and is not counted,
-- so that value is NULL when no report states it. Measures and applicants
-- are resolved in store.texts first, so that the scan of store.figures
-- reads only the figures of the catalogue.
WITH cur AS (
    SELECT report_id FROM current_reports($year_from, $year_to, $province, $city, $level, NULL)
), m AS (
    SELECT t.text_id, t.text FROM store.texts t WHERE t.text IN (SELECT code FROM store.measures)
), ap AS (
    SELECT t.text_id, t.text FROM store.texts t
    WHERE t.text IN ('natural', 'business', 'research', 'ngo', 'legal_services', 'other', 'total')
)
SELECT m.text AS measure, ap.text AS applicant, sum(f.value) AS value, count(f.value) AS stated
FROM store.figures f
JOIN cur ON cur.report_id = f.report_id
JOIN m ON m.text_id = f.measure_id
JOIN ap ON ap.text_id = f.applicant_id
GROUP BY m.text, ap.text
ORDER BY m.text, ap.text
