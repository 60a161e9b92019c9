-- region_figure_year_reports: queries/region_figure.sql (same parameters,
-- columns and rows) with the years' current reports (cur) read from
-- store.year_reports (0122) instead of store.reports: warehouse.Query runs
-- it instead of the named query (see regionFigureForm), whose text stays
-- for readers of the Parquet lake, which has no store.year_reports.
--
-- Why the rows are the named query's: store.year_reports holds every
-- current report's year, agency and id (the writer keeps it in the
-- transaction of every change of the current reports, Open holds it to
-- them and rebuilds it, a read-only open refuses a file where it differs:
-- see the migration), so cur selects the same reports; every other line
-- is the named query's.
--
-- Why it is faster: store.reports holds the reports in load order, and a
-- load of many years (the demo's, a backfill) mixes the years in every row
-- group, so that cur read all the reports (1M at 1M reports) for one year's
-- 166k; store.year_reports is stored by year (written again in that order
-- by gongkai compact when loads have mixed it), and DuckDB's zone maps skip
-- the other years' row groups. CPU a query, /regions?measure's 108 filters
-- at 1M reports (TestScaleVariants, kept statements, 4 rounds interleaved
-- under the lock, the same rows), named -> this: all 38.4 -> 34.7 ms, a
-- city 37.7 -> 32.6, the whole country 55.8 -> 49.5 and a province 52.4 ->
-- 46.4 (where the form by agency answers first at 1M), a level and a
-- province and level within the noise (21.9 -> 21.2, 15.2 -> 15.5); at
-- 100k 14.8 -> 14.3.
--
-- Any change here is made in the named query too: TestRegionFigureForms and
-- TestFlowsMatchTheirFirstForm hold the two to the same rows.
WITH cur AS (
    -- The years' current reports from store.year_reports (0122), stored
    -- by year, in two forms guarded by the filter arguments alone, which
    -- DuckDB folds when it plans: without a region or level no join with
    -- store.agencies, which only filters (every report's agency is there:
    -- agencies are never deleted, a report's agency never changes); with
    -- one, the join that current_reports makes.
    SELECT r.report_id, r.agency_id
    FROM store.year_reports r
    WHERE $province IS NULL AND $city IS NULL AND $level IS NULL
      AND ($year_from IS NULL OR r.year >= $year_from)
      AND ($year_to IS NULL OR r.year <= $year_to)
    UNION ALL
    SELECT r.report_id, r.agency_id
    FROM store.year_reports r JOIN store.agencies a USING (agency_id)
    WHERE NOT ($province IS NULL AND $city IS NULL AND $level IS NULL)
      AND ($year_from IS NULL OR r.year >= $year_from)
      AND ($year_to IS NULL OR r.year <= $year_to)
      AND ($province IS NULL OR a.province = $province)
      AND ($city IS NULL OR a.city = $city)
      AND ($level IS NULL OR a.level = $level)
), cell AS (
    -- One scan of the texts (165,000 at 1M reports) finds both ids; a NULL
    -- id (no such text) matches no figure.
    SELECT max(t.text_id) FILTER (WHERE t.text = $measure) AS measure_id,
           max(t.text_id) FILTER (WHERE t.text = coalesce($applicant, 'total')) AS applicant_id
    FROM store.texts t
    WHERE t.text IN ($measure, coalesce($applicant, 'total'))
), v AS (
    -- Two forms, guarded by the arguments alone (as cur). With the cell's
    -- ids bound (warehouse.Query finds them in store.texts from measure
    -- and applicant) they are constants of the plan: the scans filter on
    -- them and skip row groups by them from the start. Without, the ids
    -- found in cell meet the rows in a semi-join, which at 1M reports cost
    -- ~6 ms of CPU more for one cell's year (166,752 rows).
    --
    -- The copy holds no report after its watermark (a run copies and moves
    -- the watermark in one transaction, a reset empties it and sets 0), so
    -- its filter on the watermark only steers DuckDB's plan: as a join with
    -- a subquery it makes DuckDB expect few rows of the cell, and build the
    -- join's hash table on them. That suits the whole country or a province
    -- (as many selected reports as rows), but for a small selection DuckDB
    -- then hashed the cell's 166,752 rows of a year to probe them with a few
    -- thousand reports. Without the filter it hashes the selected reports
    -- and reads only the row groups of the copy their ids span. $narrow
    -- chooses (bound by warehouse.Query, folded as above): true when the
    -- region and level select at most a quarter of the years' current
    -- reports (store.summary_rollup); NULL or false keeps the filter. Either
    -- form gives the same rows. Process CPU a query at 1M reports, one year,
    -- under the lock, with the filter-based choice before (a city, or a
    -- province with a level): 浙江省 县级政府 27.2, 26.8 -> 18.9, 19.7, 18.4
    -- ms; a city within the noise. Chosen by the count (CPU with the count's
    -- query, 2024, 3 rounds): a level alone 28-35 -> 21-27 ms (县级政府 35.2
    -- -> 22.4), 浙江省 乡镇（街道） (74,269 reports) 83.9 -> 55.5 ms, 乡镇（街道）
    -- alone unchanged (the filter kept: 162,268 reports; without it, 57 ->
    -- 128 ms); the page's random filters unchanged within the noise.
    --
    -- $tail false leaves out the two branches read from store.figures.
    -- warehouse.Query binds it when, at its last look (cells_state.sql,
    -- kept until the next write or run of the copy), no report came after
    -- the watermark: the state after gongkai compact or a finished copy.
    -- Even when it finds nothing, a scan of store.figures filtered on the
    -- watermark checks the zone maps of every row group (207M figures,
    -- ~1,700 row groups at 1M reports) as it starts. A load may commit
    -- between that look and this query, so the query then returns no rows
    -- (the final WHERE, in its own snapshot) and Query runs it again with
    -- the tail (NULL: both branches, as for any other caller). CPU a query
    -- at 1M reports, the page's 108 filters, interleaved under the lock
    -- (TestScaleVariants), three runs: the branches left out 40.7 -> 37.9,
    -- 51.4 -> 46.7, 49.0 -> 45.1 ms; with the final WHERE 49.0 -> 45.6 ms
    -- (its max(report_id) form 46.0); the tail read through a semi-join
    -- with the reports after the watermark instead, 51.4 -> 58.1.
    SELECT c.report_id, c.value, c.raw_id, c.at_id
    FROM store.figures_by_cell c
    WHERE $measure_id IS NOT NULL AND $applicant_id IS NOT NULL
      AND c.measure_id = $measure_id AND c.applicant_id = $applicant_id
      AND (coalesce($narrow, false)
           OR c.report_id <= (SELECT watermark FROM store.figures_by_cell_state))
      AND ($year_from IS NULL OR c.year >= $year_from)
      AND ($year_to IS NULL OR c.year <= $year_to)
    UNION ALL
    SELECT f.report_id, f.value, f.raw_id, f.at_id
    FROM store.figures f
    WHERE $measure_id IS NOT NULL AND $applicant_id IS NOT NULL AND coalesce($tail, true)
      AND f.measure_id = $measure_id AND f.applicant_id = $applicant_id
      AND f.report_id > (SELECT watermark FROM store.figures_by_cell_state)
    UNION ALL
    SELECT c.report_id, c.value, c.raw_id, c.at_id
    FROM store.figures_by_cell c
    WHERE ($measure_id IS NULL OR $applicant_id IS NULL)
      AND (c.measure_id, c.applicant_id) IN (SELECT measure_id, applicant_id FROM cell)
      AND (coalesce($narrow, false)
           OR c.report_id <= (SELECT watermark FROM store.figures_by_cell_state))
      AND ($year_from IS NULL OR c.year >= $year_from)
      AND ($year_to IS NULL OR c.year <= $year_to)
    UNION ALL
    SELECT f.report_id, f.value, f.raw_id, f.at_id
    FROM store.figures f
    WHERE ($measure_id IS NULL OR $applicant_id IS NULL) AND coalesce($tail, true)
      AND (f.measure_id, f.applicant_id) IN (SELECT measure_id, applicant_id FROM cell)
      AND f.report_id > (SELECT watermark FROM store.figures_by_cell_state)
), j AS MATERIALIZED (
    SELECT cur.report_id, cur.agency_id, v.value, v.raw_id, v.at_id
    FROM cur LEFT JOIN v USING (report_id)
), cut AS (
    SELECT value FROM j ORDER BY value DESC NULLS LAST LIMIT 1 OFFSET coalesce($limit, 500) - 1
), top AS MATERIALIZED (
    -- The rows that can be listed, chosen before the names are joined:
    -- with the cut in the join's WHERE, DuckDB joined every selected
    -- report to store.agencies (166,000 at 1M reports, one year) and
    -- filtered after.
    SELECT j.* FROM j
    WHERE coalesce(j.value >= (SELECT value FROM cut), (SELECT value FROM cut) IS NULL)
), listed AS (
    SELECT j.agency_id, a.name AS agency, a.city, a.level, j.report_id, j.value, j.raw_id, j.at_id
    FROM top j JOIN store.agencies a USING (agency_id)
    -- For a narrow selection (see v), the region's filters again: DuckDB
    -- then reads the names of the region's agencies only, not all of them.
    WHERE NOT coalesce($narrow, false)
       OR (($province IS NULL OR a.province = $province) AND ($city IS NULL OR a.city = $city)
           AND ($level IS NULL OR a.level = $level))
    ORDER BY j.value DESC NULLS LAST, a.name, j.agency_id, j.report_id
    LIMIT coalesce($limit, 500)
), counted AS (
    -- The selected current reports, counted in store.summary_rollup (kept by
    -- the writer with every change of the current reports or the agencies'
    -- regions): no second pass over j, and a report that states the cell
    -- twice (the loader refuses one now; an older file) counts once.
    SELECT coalesce(sum(g.reports), 0)::BIGINT AS reports FROM store.summary_rollup g
    WHERE ($year_from IS NULL OR g.year >= $year_from) AND ($year_to IS NULL OR g.year <= $year_to)
      AND ($province IS NULL OR g.province = $province) AND ($city IS NULL OR g.city = $city)
      AND ($level IS NULL OR g.level = $level)
), words AS (
    SELECT text_id, text FROM store.texts
    WHERE text_id IN (SELECT raw_id FROM listed UNION ALL SELECT at_id FROM listed)
)
SELECT l.agency_id, l.agency, l.city, l.level, l.report_id, l.value, raw.text AS raw, loc.text AS "at",
       rc.reports AS reports_total
FROM listed l
CROSS JOIN counted rc
LEFT JOIN words raw ON raw.text_id = l.raw_id
LEFT JOIN words loc ON loc.text_id = l.at_id
-- Without the tail (see v), no rows unless no report comes after the
-- watermark, in this query's own snapshot: Query then runs it with the tail.
WHERE coalesce($tail, true)
   OR NOT EXISTS (SELECT 1 FROM store.reports r WHERE r.report_id > (SELECT watermark FROM store.figures_by_cell_state))
ORDER BY l.value DESC NULLS LAST, l.agency, l.agency_id, l.report_id
