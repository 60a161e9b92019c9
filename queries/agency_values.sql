-- name: agency_values
-- title: 机构各项指标（历年）
-- params: agency_id, year_from, year_to
-- columns: measure, year, value
-- Every figure (applicant 总计) of the agency's current reports; the
-- dashboard pivots it into measure × year.
SELECT measure, year, value
FROM report_values
WHERE agency_id = $agency_id AND applicant = 'total' AND ($year_from IS NULL OR year >= $year_from) AND ($year_to IS NULL OR year <= $year_to)
ORDER BY measure, year
