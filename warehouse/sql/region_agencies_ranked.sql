-- region_agencies_ranked: sql/region_agencies_in_bits.sql (same parameters,
-- columns and rows) for a warehouse whose agencies all have a name rank
-- (store.agencies.name_rank, 0086): warehouse.Query runs it instead when
-- ranksComplete says so. The selected agencies carry their rank instead of
-- their name, city and level, each list is the first limit of its status
-- by rank, and only the listed agencies' names are read (at most three
-- lists of limit). At 1M reports (two provinces) a province selects
-- 77,868 or 92,200 agencies, 乡镇（街道） 165,500 and the whole country
-- 170,068, whose names the other form materialized and sorted for a page
-- of 200. CPU a query at 1M
-- reports, the /regions page's 108 filters, interleaved under the lock
-- (TestScaleVariants, 3 rounds, the same rows), in_bits -> ranked: 39.3
-- -> 34.4 ms (the whole country 52.3 -> 40.1, a province 42.5 -> 38.2, a
-- level 25.6 -> 23.2; a city 29.1 -> 31.5 and a province and level 18.7
-- -> 19.4, where few names were sorted and the last join reads the
-- agencies again).
--
-- An agency a load added after the last RankAgencies has no rank, and then
-- the rank does not order it among the others: the query returns no rows
-- unless every agency has one in its own snapshot (the final WHERE), and
-- Query then runs region_agencies_in_bits. Ranks given together order the
-- agencies as ORDER BY name, agency_id does (names never change, agencies
-- are never deleted), which Query checks once an open (ranksAgree).
-- TestRegionAgenciesRanked holds it to the named query after every write.
--
-- gap counts the agencies and their status rows without the fingerprints
-- of their ids (statusIDsSound, read once an open, makes the counts
-- enough): CPU a query, the /regions page's 108 filters, interleaved
-- under the lock (TestScaleVariants, kept statements, the same rows), two
-- runs at 1M reports: 40.1 -> 37.7 and 38.2 -> 36.0 ms (the whole country
-- 46.1 -> 43.3 and 44.7 -> 42.1, a level 29.1 -> 25.8 and 26.8 -> 23.4, a
-- city 36.9 -> 36.5 and 35.2 -> 34.7); at 100k 16.5 -> 15.8.
WITH pst AS (
    -- The state each pattern gives an agency. st orders the states as
    -- the page lists them: 1 missing, 2 reported, 3 later.
    SELECT p.pattern,
           CASE WHEN (p.reported & store.year_bits($year_from, $year_to)) <> 0 THEN 2
                WHEN p.first_year < $year_from THEN 1
                ELSE 3 END AS st
    FROM store.pattern_bits() p
), gap AS (
    -- True when some agency has no status row. Every status row's agency
    -- is in store.agencies and each table holds an agency once (Query runs
    -- this form only when statusIDsSound says so), so equal counts mean
    -- every agency has its row: the fingerprints of the ids that
    -- region_agencies_in_bits.sql compares too are not needed.
    SELECT (SELECT count(*) FROM store.agencies) <> (SELECT count(*) FROM store.agency_status) AS differ
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
    -- Each selected agency's state (as in region_agencies_in_bits.sql) and
    -- its rank; no name.
    SELECT CASE WHEN a.agency_id IN (SELECT nr.agency_id FROM nr WHERE nr.st = 1) THEN 1
                WHEN a.agency_id IN (SELECT nr.agency_id FROM nr WHERE nr.st = 3) THEN 3
                ELSE 2 END AS st,
           a.agency_id, a.name_rank
    FROM store.agencies a
    WHERE ($province IS NULL OR a.province = $province) AND ($city IS NULL OR a.city = $city)
      AND ($level IS NULL OR a.level = $level)
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
    SELECT * FROM s WHERE s.st = 2 ORDER BY s.name_rank LIMIT greatest(coalesce($limit, 200), 0)
), listed AS (
    (SELECT s.st, s.agency_id, s.name_rank, NULL::BIGINT AS report_id, NULL::VARCHAR AS format, NULL::INTEGER AS errors
     FROM s WHERE s.st = 1 ORDER BY s.name_rank LIMIT greatest(coalesce($limit, 200), 0))
    UNION ALL
    (SELECT f.st, f.agency_id, f.name_rank, r.report_id, r.format, r.errors
     FROM first_reported f JOIN store.reports r ON r.agency_id = f.agency_id
     WHERE r.is_current AND ($year_from IS NULL OR r.year >= $year_from) AND ($year_to IS NULL OR r.year <= $year_to)
     ORDER BY f.name_rank, r.report_id LIMIT greatest(coalesce($limit, 200), 0))
    UNION ALL
    (SELECT s.st, s.agency_id, s.name_rank, NULL::BIGINT, NULL::VARCHAR, NULL::INTEGER
     FROM s WHERE s.st = 3 ORDER BY s.name_rank LIMIT greatest(coalesce($limit, 200), 1))
)
SELECT CASE l.st WHEN 1 THEN 'missing' WHEN 2 THEN 'reported' ELSE 'later' END AS status,
       l.agency_id, a.name AS agency, a.city, a.level, l.report_id, l.format, l.errors,
       CASE WHEN l.st = 2 THEN (SELECT rc.reports FROM reports_counted rc) ELSE c.agencies END AS agencies
FROM listed l
JOIN counted c USING (st)
-- The names of the listed agencies only; the region's filters again, so
-- that DuckDB reads the names of the region's agencies alone.
JOIN store.agencies a ON a.agency_id = l.agency_id
    AND ($province IS NULL OR a.province = $province) AND ($city IS NULL OR a.city = $city)
    AND ($level IS NULL OR a.level = $level)
WHERE NOT EXISTS (SELECT 1 FROM store.agencies u WHERE u.name_rank IS NULL)
ORDER BY l.st, l.name_rank, l.report_id
