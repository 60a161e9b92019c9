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
    SELECT r.agency_id, r.report_id, r.format, r.errors
    FROM store.reports r
    WHERE r.is_current AND ($year_from IS NULL OR r.year >= $year_from) AND ($year_to IS NULL OR r.year <= $year_to)
), first AS (
    -- The first year of every agency's current reports, kept at load
    -- (store.agency_status, 0020): grouping the million current reports
    -- per agency on every request was most of the query at 1M reports.
    SELECT st.agency_id, st.first_year FROM store.agency_status st
), s AS MATERIALIZED (
    SELECT CASE WHEN cur.report_id IS NOT NULL THEN 'reported'
                WHEN first.first_year < $year_from THEN 'missing'
                ELSE 'later' END AS status,
           ag.agency_id, ag.agency, ag.city, ag.level, cur.report_id, cur.format, cur.errors
    FROM ag
    LEFT JOIN cur USING (agency_id)
    LEFT JOIN first USING (agency_id)
), counted AS (
    SELECT status, count(*) AS agencies FROM s GROUP BY status
), listed AS (
    -- The first rows of each status by name, as top-Ns: numbering every
    -- agency of the country (170,000) by name was most of the query.
    (SELECT * FROM s WHERE status = 'missing' ORDER BY agency, agency_id, report_id LIMIT greatest(coalesce($limit, 200), 0))
    UNION ALL
    (SELECT * FROM s WHERE status = 'reported' ORDER BY agency, agency_id, report_id LIMIT greatest(coalesce($limit, 200), 0))
    UNION ALL
    (SELECT * FROM s WHERE status = 'later' ORDER BY agency, agency_id, report_id LIMIT greatest(coalesce($limit, 200), 1))
)
SELECT l.status, l.agency_id, l.agency, l.city, l.level, l.report_id, l.format, l.errors, c.agencies
FROM listed l JOIN counted c USING (status)
ORDER BY CASE l.status WHEN 'missing' THEN 1 WHEN 'reported' THEN 2 ELSE 3 END, l.agency, l.agency_id, l.report_id
