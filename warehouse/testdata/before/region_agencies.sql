-- name: region_agencies
-- title: 地区汇总：机构报送情况
-- params: year_from, year_to, province, city, level, limit
-- columns: status, agency_id, agency, city, level, report_id, format, errors, agencies
-- The agencies the region and level select, by their state in the year
-- (year_from = year_to): reported (a current report, in the sum), missing
-- (none, although the agency reported for an earlier year: the rule of
-- 报送与质量) or later (its first report is for a later year: not expected
-- yet). agencies counts the agencies in each status; the rows list the
-- missing and reported ones, at most limit of each (by name), for the page.
WITH ag AS (
    SELECT a.agency_id, a.agency, a.city, a.level FROM selected_agencies($province, $city, $level, NULL) a
), cur AS (
    SELECT agency_id, report_id, format, errors
    FROM current_reports($year_from, $year_to, $province, $city, $level, NULL)
), first AS (
    SELECT r.agency_id, min(r.year) AS first_year
    FROM current_reports(NULL, NULL, $province, $city, $level, NULL) r
    GROUP BY r.agency_id
), s AS (
    SELECT CASE WHEN cur.report_id IS NOT NULL THEN 'reported'
                WHEN first.first_year < $year_from THEN 'missing'
                ELSE 'later' END AS status,
           ag.agency_id, ag.agency, ag.city, ag.level, cur.report_id, cur.format, cur.errors
    FROM ag
    LEFT JOIN cur USING (agency_id)
    LEFT JOIN first USING (agency_id)
), ranked AS (
    SELECT s.*, count(*) OVER (PARTITION BY status) AS agencies,
           row_number() OVER (PARTITION BY status ORDER BY agency, agency_id, report_id) AS n
    FROM s
)
SELECT status, agency_id, agency, city, level, report_id, format, errors, agencies
FROM ranked
WHERE n <= coalesce($limit, 200) OR status = 'later' AND n = 1
ORDER BY CASE status WHEN 'missing' THEN 1 WHEN 'reported' THEN 2 ELSE 3 END, agency, agency_id, report_id
