-- name: agencies_list
-- title: 机构列表
-- params: year_from, year_to, province, city, level, agency, limit, offset
-- columns: agency_id, agency, province, city, level, reports, first_year, last_year, agencies_total
-- Agencies by name with how many current reports they have in the selected
-- years; agencies_total counts all the filter selects, for paging.
-- The page of agencies is taken first (a top-N by name) and only its
-- agencies' reports are counted: counting the reports of every selected
-- agency, a million at national scale, was most of the query.
-- agencies_total is counted apart from the page: a count over the window
-- of every selected agency carried 170,000 names and regions into one
-- buffer before the top-N at national scale (a third of the query at 1M).
WITH page AS (
    SELECT a.agency_id, a.agency, a.province, a.city, a.level
    FROM selected_agencies($province, $city, $level, $agency) a
    ORDER BY a.agency, a.agency_id
    LIMIT coalesce($limit, 50) OFFSET coalesce($offset, 0)
), total AS (
    SELECT count(*) AS agencies_total
    FROM selected_agencies($province, $city, $level, $agency) a
), r AS (
    SELECT r.agency_id, count(*) AS reports, min(r.year) AS first_year, max(r.year) AS last_year
    FROM store.reports r
    WHERE r.is_current AND r.agency_id IN (SELECT agency_id FROM page)
      AND ($year_from IS NULL OR r.year >= $year_from) AND ($year_to IS NULL OR r.year <= $year_to)
    GROUP BY r.agency_id
)
SELECT p.agency_id, p.agency, p.province, p.city, p.level,
       coalesce(r.reports, 0) AS reports, r.first_year, r.last_year,
       t.agencies_total
FROM page p
CROSS JOIN total t
LEFT JOIN r USING (agency_id)
ORDER BY p.agency, p.agency_id
