-- name: agencies_list
-- title: 机构列表
-- params: year_from, year_to, province, city, level, agency, limit, offset
-- columns: agency_id, agency, province, city, level, reports, first_year, last_year, agencies_total
-- Agencies by name with how many current reports they have in the selected
-- years; agencies_total counts all the filter selects, for paging.
SELECT a.agency_id, a.name AS agency, a.province, a.city, a.level,
       count(r.report_id) AS reports, min(r.year) AS first_year, max(r.year) AS last_year,
       count(*) OVER () AS agencies_total
FROM agencies a
LEFT JOIN (SELECT agency_id, report_id, year FROM reports WHERE is_current AND ($year_from IS NULL OR year >= $year_from) AND ($year_to IS NULL OR year <= $year_to)) r USING (agency_id)
WHERE ($province IS NULL OR a.province = $province)
      AND ($city IS NULL OR a.city = $city)
      AND ($level IS NULL OR a.level = $level)
      AND ($agency IS NULL OR contains(a.name, $agency))
GROUP BY a.agency_id, a.name, a.province, a.city, a.level
ORDER BY a.name, a.agency_id
LIMIT coalesce($limit, 50) OFFSET coalesce($offset, 0)
