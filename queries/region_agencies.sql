-- name: region_agencies
-- title: 地区汇总：机构报送情况
-- params: year_from, year_to, province, city, level, limit
-- columns: status, agency_id, agency, city, level, report_id, format, errors, agencies
-- The agencies the region and level select, by their state in the year
-- (year_from = year_to): reported (a current report, in the sum), missing
-- (none, although the agency reported for an earlier year: the rule of
-- 报送与质量) or later (its first report is for a later year: not expected
-- yet). agencies counts the agencies in each status (for reported, their
-- current reports in the years); the rows list the missing and reported
-- ones, at most limit of each (by name), for the page.
--
-- At national scale the agencies' states come from their bit sets of years
-- (store.agency_status, 0020) and the count of reports from
-- store.summary_rollup (0021), so that only the listed agencies' reports
-- are read: joining every selected agency to its current reports in the
-- years (a million rows without a year, 170,000 for one) and ordering them
-- by name was most of the query. The bit sets hold the years 1990-2100
-- only; a current report whose year was set by hand outside them is read
-- from store.reports (odd), as the first form read every report.
WITH odd AS (
    SELECT r.agency_id, min(r.year) AS first_year,
           bool_or(($year_from IS NULL OR r.year >= $year_from) AND ($year_to IS NULL OR r.year <= $year_to)) AS hit
    FROM store.reports r
    WHERE r.is_current AND (r.year < 1990 OR r.year > 2100)
    GROUP BY r.agency_id
), bits AS (
    SELECT b.agency_id, b.first_year, (b.reported & store.year_bits($year_from, $year_to)) <> 0 AS hit
    FROM store.agency_bits() b
), s AS MATERIALIZED (
    -- st orders the statuses as the page lists them: 1 missing, 2
    -- reported, 3 later.
    SELECT CASE WHEN bits.hit OR odd.hit THEN 2
                WHEN least(bits.first_year, odd.first_year) < $year_from THEN 1
                ELSE 3 END AS st,
           a.agency_id, a.agency, a.city, a.level
    FROM selected_agencies($province, $city, $level, NULL) a
    LEFT JOIN bits USING (agency_id)
    LEFT JOIN odd USING (agency_id)
), counted AS (
    -- Unfiltered, so that DuckDB does not push the lists' filters on st
    -- into s, where they evaluated the CASE once per status.
    SELECT s.st, count(*) AS agencies FROM s GROUP BY s.st
), reports_counted AS (
    SELECT sum(g.reports)::BIGINT AS reports FROM store.summary_rollup g
    WHERE ($year_from IS NULL OR g.year >= $year_from) AND ($year_to IS NULL OR g.year <= $year_to)
      AND ($province IS NULL OR g.province = $province) AND ($city IS NULL OR g.city = $city)
      AND ($level IS NULL OR g.level = $level)
), first_reported AS (
    -- The first limit rows by name come from the first limit agencies by
    -- name: only their reports are read.
    SELECT * FROM s WHERE s.st = 2 ORDER BY s.agency, s.agency_id LIMIT greatest(coalesce($limit, 200), 0)
), listed AS (
    (SELECT s.st, s.agency_id, s.agency, s.city, s.level, NULL::BIGINT AS report_id, NULL::VARCHAR AS format, NULL::INTEGER AS errors
     FROM s WHERE s.st = 1 ORDER BY s.agency, s.agency_id LIMIT greatest(coalesce($limit, 200), 0))
    UNION ALL
    (SELECT f.st, f.agency_id, f.agency, f.city, f.level, r.report_id, r.format, r.errors
     FROM first_reported f JOIN store.reports r ON r.agency_id = f.agency_id
     WHERE r.is_current AND ($year_from IS NULL OR r.year >= $year_from) AND ($year_to IS NULL OR r.year <= $year_to)
     ORDER BY f.agency, f.agency_id, r.report_id LIMIT greatest(coalesce($limit, 200), 0))
    UNION ALL
    (SELECT s.st, s.agency_id, s.agency, s.city, s.level, NULL::BIGINT, NULL::VARCHAR, NULL::INTEGER
     FROM s WHERE s.st = 3 ORDER BY s.agency, s.agency_id LIMIT greatest(coalesce($limit, 200), 1))
)
SELECT CASE l.st WHEN 1 THEN 'missing' WHEN 2 THEN 'reported' ELSE 'later' END AS status,
       l.agency_id, l.agency, l.city, l.level, l.report_id, l.format, l.errors,
       CASE WHEN l.st = 2 THEN (SELECT rc.reports FROM reports_counted rc) ELSE c.agencies END AS agencies
FROM listed l JOIN counted c USING (st)
ORDER BY l.st, l.agency, l.agency_id, l.report_id
