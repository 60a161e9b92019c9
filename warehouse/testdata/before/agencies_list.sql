-- name: agencies_list
-- title: 机构列表
-- params: year_from, year_to, province, city, level, agency, limit, offset
-- columns: agency_id, agency, province, city, level, reports, first_year, last_year, agencies_total
-- Agencies by name with how many current reports they have in the selected
-- years; agencies_total counts all the filter selects, for paging.
SELECT a.agency_id, a.agency, a.province, a.city, a.level,
       count(r.report_id) AS reports, min(r.year) AS first_year, max(r.year) AS last_year,
       count(*) OVER () AS agencies_total
FROM selected_agencies($province, $city, $level, $agency) a
LEFT JOIN current_reports($year_from, $year_to, NULL, NULL, NULL, NULL) r USING (agency_id)
GROUP BY a.agency_id, a.agency, a.province, a.city, a.level
ORDER BY a.agency, a.agency_id
LIMIT coalesce($limit, 50) OFFSET coalesce($offset, 0)
