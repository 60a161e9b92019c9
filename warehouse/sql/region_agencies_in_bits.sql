-- region_agencies_in_bits: queries/region_agencies.sql (same parameters,
-- columns and rows) for a warehouse none of whose reports has a year
-- outside 1990-2100, where every current report is in its agency's bit
-- sets of store.agency_status: warehouse.Query runs it instead of the named
-- query when reportsInBitYears says so. It is the named query without its
-- guard for such years (odd and o: a scan of store.reports for them, the
-- agencies' bit sets joined to it, and both inlined in each of nr's three
-- branches), which costs ~5-8 ms of CPU a run at 1M reports, about half of
-- it planning, although the loader refuses those years and no writer
-- changes a report's year: only a hand edit makes one. The guard for
-- agencies without a status row (gap) stays: a loaded report may leave its
-- new agency with none (pending). Any change here is made in the named
-- query too; TestRegionAgenciesForms holds the two to the same rows.
WITH pst AS (
    -- The state each pattern gives an agency. st orders the states as
    -- the page lists them: 1 missing, 2 reported, 3 later.
    SELECT p.pattern,
           CASE WHEN (p.reported & store.year_bits($year_from, $year_to)) <> 0 THEN 2
                WHEN p.first_year < $year_from THEN 1
                ELSE 3 END AS st
    FROM store.pattern_bits() p
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
    WHERE pst.st <> 2
    UNION ALL
    -- No status row: both sides empty unless gap says so.
    SELECT a.agency_id, 3 FROM store.agencies a
    WHERE (SELECT differ FROM gap)
      AND a.agency_id NOT IN (SELECT s.agency_id FROM store.agency_status s WHERE (SELECT differ FROM gap))
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
