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
--
-- The agencies' states are found per pattern (store.agency_status.pattern,
-- numbered in store.status_patterns, 0046: 1,485 at 1M reports) rather than
-- from every agency's 128-bit set: nr lists only the agencies that are not
-- reported (a few thousand of 170,000 at 1M reports), and every selected
-- agency it does not list is reported. So the selected agencies meet a
-- small table, not a join of 170,000 rows to 170,000 status rows. An agency
-- with no status row (no current report in 1990-2100: made by hand, or all
-- its reports pending) is not reported unless odd says so; those agencies
-- are looked for only when store.agencies and store.agency_status differ
-- in their count or the fingerprint of their ids (gap), as the anti-join
-- of the two tables cost ~10 ms of CPU at 1M reports. CPU per query at 1M
-- reports, random filters, one year, limit 200, four turns under the
-- lock: p50 21.0-21.9 -> 17.6-19.5 ms, CPU 31.3-32.2 -> 27.4-30.5 ms.
--
-- Where it stands (session 28, 1M reports, two provinces, the /regions
-- page's 108 filters, sql/region_agencies_in_bits.sql, forms interleaved
-- under the lock with TestScaleVariants): CPU 36.7-47.6 ms a query (the
-- whole country 54-74), 14.0 of it planning. Parts taken out (not exact,
-- to weigh them): the listed agencies' reports (the join to store.reports
-- decodes format and errors for the year's 166k current reports) ~9.5 ms,
-- 15 for the country; ordering the reported agencies by name for the
-- first limit ~12 ms, 22 for the country; gap ~4 ms. Tried, not kept: s
-- without its names (the lists read the names again, three scans) 49.0
-- against 45.2 ms; the listed reports found by agency first, then read by
-- report id, 44.0 against 36.8; gap as one row compared with one, no
-- change; nr's last branch as an ANTI JOIN under gap's guard 68.5 against
-- 44.6 (DuckDB runs the join before the guard); that branch dropped and
-- gap returned for a fallback 36.2 against 37.2, noise; SET
-- dynamic_or_filter_threshold or late_materialization_max_rows = 1000, no
-- change.
--
-- Planning, measured with perf (session 29: call stacks of 100 runs at 1M
-- reports, 2024, 浙江省 and the whole country, the in_bits form): parsing,
-- binding, optimizing and planning with the values take 7.7-8.5 % of the
-- query's CPU (~5-6 ms), DuckDB's physical planner 0.3-0.4 % (~0.2 ms).
-- The 14.0 ms above timed EXPLAIN, which also renders the plan, and the
-- profile's 18.5 ms of physical planning was its wall clock on a loaded
-- machine. Setting up the pipelines (each scan's first pass over the zone
-- maps) costs about as much as planning, 4.5-5 %.
WITH odd AS (
    SELECT r.agency_id, min(r.year) AS first_year,
           bool_or(($year_from IS NULL OR r.year >= $year_from) AND ($year_to IS NULL OR r.year <= $year_to)) AS hit
    FROM store.reports r
    WHERE r.is_current AND (r.year < 1990 OR r.year > 2100)
    GROUP BY r.agency_id
), pst AS (
    -- The state each pattern gives an agency without odd reports. st
    -- orders the states as the page lists them: 1 missing, 2 reported, 3
    -- later.
    SELECT p.pattern,
           CASE WHEN (p.reported & store.year_bits($year_from, $year_to)) <> 0 THEN 2
                WHEN p.first_year < $year_from THEN 1
                ELSE 3 END AS st
    FROM store.pattern_bits() p
), o AS (
    -- The agencies with odd reports, their state from both (as the first
    -- form: a NULL hit or first year is no hit, no year).
    SELECT odd.agency_id,
           CASE WHEN (b.reported & store.year_bits($year_from, $year_to)) <> 0 OR odd.hit THEN 2
                WHEN least(b.first_year, odd.first_year) < $year_from THEN 1
                ELSE 3 END AS st
    FROM odd LEFT JOIN store.agency_bits() b USING (agency_id)
), gap AS (
    -- True when some agency may have no status row. Every status row's
    -- agency is in store.agencies (a report's agency is; agencies are never
    -- deleted) and each table holds an agency once, so equal counts and
    -- fingerprints of the ids mean every agency has its row.
    SELECT (SELECT count(*) FROM store.agencies) <> (SELECT count(*) FROM store.agency_status)
        OR (SELECT bit_xor(hash(agency_id)) FROM store.agencies)
           IS DISTINCT FROM (SELECT bit_xor(hash(agency_id)) FROM store.agency_status) AS differ
), nr AS MATERIALIZED (
    -- Every agency that is not reported, once, with its state.
    SELECT s.agency_id, pst.st
    FROM store.agency_status s JOIN pst USING (pattern)
    WHERE pst.st <> 2 AND s.agency_id NOT IN (SELECT o.agency_id FROM o)
    UNION ALL
    SELECT o.agency_id, o.st FROM o WHERE o.st <> 2
    UNION ALL
    -- No status row: both sides empty unless gap says so.
    SELECT a.agency_id, 3 FROM store.agencies a
    WHERE (SELECT differ FROM gap)
      AND a.agency_id NOT IN (SELECT s.agency_id FROM store.agency_status s WHERE (SELECT differ FROM gap))
      AND a.agency_id NOT IN (SELECT o.agency_id FROM o)
), s AS MATERIALIZED (
    -- Each selected agency's state from two mark joins, whose hash tables
    -- are nr's few thousand ids (agency ids are NOT NULL, so IN is never
    -- NULL): as a left join, DuckDB built its table on the selected
    -- agencies, names and all, when a level selected most of them
    -- (乡镇（街道）, 165,500 of 170,068 agencies at 1M reports).
    SELECT CASE WHEN a.agency_id IN (SELECT nr.agency_id FROM nr WHERE nr.st = 1) THEN 1
                WHEN a.agency_id IN (SELECT nr.agency_id FROM nr WHERE nr.st = 3) THEN 3
                ELSE 2 END AS st,
           a.agency_id, a.agency, a.city, a.level
    FROM selected_agencies($province, $city, $level, NULL) a
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
