-- name: agencies_list
-- title: 机构列表
-- params: year_from, year_to, province, city, level, agency, limit, offset
-- columns: agency_id, agency, province, city, level, reports, first_year, last_year, agencies_total
-- Agencies by name with how many current reports they have in the selected
-- years; agencies_total counts all the filter selects, for paging.
-- The reports are counted per agency id first and the names joined to the
-- counts: grouping a million reports by name and region was most of the
-- query at national scale.
WITH a AS (
    SELECT * FROM selected_agencies($province, $city, $level, $agency)
), r AS (
    SELECT r.agency_id, count(*) AS reports, min(r.year) AS first_year, max(r.year) AS last_year
    FROM store.reports r
    JOIN a ON a.agency_id = r.agency_id
    WHERE r.is_current AND ($year_from IS NULL OR r.year >= $year_from) AND ($year_to IS NULL OR r.year <= $year_to)
    GROUP BY r.agency_id
)
SELECT a.agency_id, a.agency, a.province, a.city, a.level,
       coalesce(r.reports, 0) AS reports, r.first_year, r.last_year,
       count(*) OVER () AS agencies_total
FROM a
LEFT JOIN r USING (agency_id)
ORDER BY a.agency, a.agency_id
LIMIT coalesce($limit, 50) OFFSET coalesce($offset, 0)
