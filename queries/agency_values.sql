-- name: agency_values
-- title: 机构各项指标（历年）
-- params: agency_id, year_from, year_to
-- columns: measure, year, value
-- Every figure (applicant 总计) of the agency's current reports; the
-- dashboard pivots it into measure × year. The agency's reports are picked
-- first so that the scan of the figures can skip the rest of the warehouse.
SELECT measure, year, value
FROM report_values
WHERE report_id IN (SELECT report_id FROM reports WHERE is_current AND agency_id = $agency_id AND ($year_from IS NULL OR year >= $year_from) AND ($year_to IS NULL OR year <= $year_to))
  AND applicant = 'total'
ORDER BY measure, year
