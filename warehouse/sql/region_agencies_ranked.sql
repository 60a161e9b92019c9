-- region_agencies_ranked: sql/region_agencies_in_bits.sql (same parameters,
-- columns and rows, but for the agency column, NULL here, whose names
-- warehouse.Query sets from those it keeps by id: see below) for a
-- warehouse whose agencies all have a name rank
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
-- The states come from the pattern each agency keeps (store.agencies.pattern,
-- 0073), which the writer sets in the transaction that writes the agency's
-- status row and Open holds to that row (agency_status_stale.sql: NULL
-- without one), and each pattern's bits (store.status_patterns, each
-- pattern once, held to its rows by the same check). So the selected
-- agencies meet the ~1,500 patterns in a hash join, where the form before
-- tested each agency's id against the agencies not reported (two MARK
-- joins, ~14 ms of the whole country's CPU in DuckDB's profile) and counted
-- the agencies and their status rows to find those without one (which
-- needed every status row and report to name an agency, checked once an
-- open by an anti-join of the 1M reports, ~0.4 s at the first /regions
-- request). An agency without a status row has no pattern and is later,
-- as before. Query runs this form only when store.agencies holds each id
-- once (agencyIDsUnique: the names are joined back by id). CPU a query,
-- the /regions page's 108 filters at 1M reports, interleaved under the
-- lock (TestScaleVariants, kept statements, 4 rounds, the same rows): all
-- 27.9 -> 24.2 ms, the whole country 33.4 -> 29.6, a province 31.2 ->
-- 27.2, a city 25.1 -> 22.5, a level 17.4 -> 13.5, a province and level
-- 14.4 -> 10.4.
--
-- The listed agencies' reports of the years come from store.year_reports
-- (0122), stored by year, instead of store.reports, in load order, whose
-- every row group a year's scan read. Same measure, a second run, the form
-- before both changes -> the states from the patterns -> and the reports
-- from store.year_reports: all 29.3 -> 25.7 -> 21.2 ms, the whole country
-- 35.3 -> 31.0 -> 25.6, a province 32.8 -> 29.2 -> 23.2, a city 26.2 ->
-- 23.5 -> 19.8, a level 18.1 -> 14.5 -> 13.3; at 100k 14.8 -> 12.3 -> 12.2.
-- The states counted without a GROUP BY (counted), same measure, two runs
-- at 1M: all 20.0 -> 19.1 and 20.4 -> 19.5 ms, the whole country 24.5 ->
-- 23.2 and 25.1 -> 23.8, a province 22.1 -> 20.9 and 22.5 -> 21.3, a city
-- 17.3 -> 17.2 and 17.8 -> 17.6; at 100k 10.4 -> 9.7.
--
-- The listed agencies' names are not read here (session 36): Query sets the
-- agency column from the names it keeps by id (warehouse/agency_names.go:
-- a name never changes while the file is open, so a kept one is never
-- out of date), reading only the ids it has not kept, and runs
-- region_agencies_in_bits when an id has no name. City and level, which
-- loads and SetAgencyRegion change, come from s, in this query's snapshot.
-- The join that read them back from store.agencies scanned the table
-- whatever the region (7.7-14.4 ms of CPU in DuckDB's profile, the whole
-- country and 浙江省). CPU a query at 1M reports, the /regions page's 108
-- filters, interleaved under the lock (TestScaleVariants, kept
-- statements, 3 rounds; the names left NULL, as Query receives them): all
-- 29.3 -> 25.1 ms, a province 31.2 -> 28.3, a city 23.5 -> 18.3; without
-- city and level too (not exact: they change) 17.4. Query's rows equal the
-- form's before at 1M and 100k (216 filters of /regions and
-- /regions?measure, two rounds, the second from kept names).
WITH pst AS (
    -- The state each pattern gives an agency. st orders the states as
    -- the page lists them: 1 missing, 2 reported, 3 later.
    SELECT p.pattern,
           CASE WHEN (p.reported & store.year_bits($year_from, $year_to)) <> 0 THEN 2
                WHEN p.first_year < $year_from THEN 1
                ELSE 3 END AS st
    FROM store.pattern_bits() p
), s AS MATERIALIZED (
    -- Each selected agency's state (as in region_agencies_in_bits.sql) and
    -- its rank; no name. The state comes from the pattern each agency
    -- keeps (store.agencies.pattern, 0073: its status row's, NULL without
    -- one), so the agencies meet the ~1,500 patterns, not their status
    -- rows. An agency without a status row is later, as nr's last branch
    -- made it in the form before.
    SELECT coalesce(p.st, 3) AS st, a.agency_id, a.name_rank, a.city, a.level
    FROM store.agencies a LEFT JOIN pst p ON p.pattern = a.pattern
    WHERE ($province IS NULL OR a.province = $province) AND ($city IS NULL OR a.city = $city)
      AND ($level IS NULL OR a.level = $level)
), counted AS (
    -- The missing and later agencies counted in one pass without a hash
    -- table (the reported ones are their reports, reports_counted): a
    -- GROUP BY of the selected agencies' states cost ~5 ms of the whole
    -- country's CPU in DuckDB's profile. A listed row's state is one of s,
    -- so its count is at least 1, as the join with the groups required.
    SELECT count(*) FILTER (WHERE s.st = 1) AS missing, count(*) FILTER (WHERE s.st = 3) AS later FROM s
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
    (SELECT s.st, s.agency_id, s.name_rank, s.city, s.level, NULL::BIGINT AS report_id, NULL::VARCHAR AS format, NULL::INTEGER AS errors
     FROM s WHERE s.st = 1 ORDER BY s.name_rank LIMIT greatest(coalesce($limit, 200), 0))
    UNION ALL
    -- Their current reports of the years, from store.year_reports (0122):
    -- stored by year, so that only the years' row groups are read.
    (SELECT f.st, f.agency_id, f.name_rank, f.city, f.level, r.report_id, r.format, r.errors
     FROM first_reported f JOIN store.year_reports r ON r.agency_id = f.agency_id
     WHERE ($year_from IS NULL OR r.year >= $year_from) AND ($year_to IS NULL OR r.year <= $year_to)
     ORDER BY f.name_rank, r.report_id LIMIT greatest(coalesce($limit, 200), 0))
    UNION ALL
    (SELECT s.st, s.agency_id, s.name_rank, s.city, s.level, NULL::BIGINT, NULL::VARCHAR, NULL::INTEGER
     FROM s WHERE s.st = 3 ORDER BY s.name_rank LIMIT greatest(coalesce($limit, 200), 1))
)
SELECT CASE l.st WHEN 1 THEN 'missing' WHEN 2 THEN 'reported' ELSE 'later' END AS status,
       l.agency_id, NULL::VARCHAR AS agency, l.city, l.level, l.report_id, l.format, l.errors,
       CASE l.st WHEN 2 THEN (SELECT rc.reports FROM reports_counted rc) WHEN 1 THEN c.missing ELSE c.later END AS agencies
FROM listed l
CROSS JOIN counted c
WHERE NOT EXISTS (SELECT 1 FROM store.agencies u WHERE u.name_rank IS NULL)
ORDER BY l.st, l.name_rank, l.report_id
