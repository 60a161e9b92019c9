-- name: agency_values
-- title: 机构各项指标（历年）
-- params: agency_id, year_from, year_to
-- columns: measure, year, value
-- Every figure (applicant 总计) of the agency's current reports; the
-- dashboard pivots it into measure × year. The agency's reports are picked
-- first so that the scan of the figures can skip the rest of the warehouse.
-- Reads store.report_summary (one row per report version, its figures
-- pivoted at load) instead of pivoting store.figures per query.
WITH r AS (
    SELECT report_id, year
    FROM store.report_summary
    WHERE is_current AND agency_id = $agency_id AND ($year_from IS NULL OR year >= $year_from) AND ($year_to IS NULL OR year <= $year_to)
)
SELECT m.text AS measure, r.year, f.value
FROM store.figures f
JOIN r ON r.report_id = f.report_id
JOIN store.texts m ON m.text_id = f.measure_id
JOIN store.texts ap ON ap.text_id = f.applicant_id
WHERE ap.text = 'total'
ORDER BY measure, r.year
