-- name: region_figure
-- title: 地区汇总：一个数字的构成（按机构）
-- params: year_from, year_to, province, city, level, measure, applicant, measure_id, applicant_id, narrow, tail, limit
-- columns: agency_id, agency, city, level, report_id, value, raw, at, reports_total
-- The agencies behind one figure of the roll-up: every current report of
-- the year the region and level select, with what it states for the
-- measure and applicant (NULL when it leaves the cell blank or has no such
-- cell), largest first, blanks last; at most limit rows (default 500; a
-- province has thousands), reports_total counting the reports (a report
-- stating the cell twice, which only an older file holds, lists twice and
-- counts once).
--
-- The cell's figures are read from the copy by cell (store.figures_by_cell,
-- migration 0032) for the reports up to its watermark, and from
-- store.figures for those after it, by the cell's ids alone: DuckDB turns
-- the ids and the watermark into filters of the scans, so the zone maps
-- skip every row group of the copy but the cell's, and every row group of
-- store.figures (in load order, report ids ascending) before the watermark.
-- The copy carries the report's year (migration 0036), so only the years
-- asked for meet the current reports in the join (one year of six for
-- /regions), and each run stores a cell's rows by year (cells_copy.sql);
-- the tail after the watermark is joined whole.
--
-- The selected reports are joined as ids; names are read only for the rows
-- that can be listed: those whose value is at least the limit-th value
-- (cut), or all when that value is blank or there are fewer rows, since
-- ties (most reports state 0 for most cells) are ordered by name. The
-- printed text and place are looked up for the listed rows only.
-- At 1M reports, random filters, one year and limit 500 as /regions asks:
-- p50/p95 76/124 ms before 0036 (testdata/before is the first form, a scan
-- of every figure), 32/38 ms so. The ids of the measure and applicant are
-- found in one scan of the texts (165,000 at 1M reports) instead of two.
-- Choosing the listed rows before the names are joined (top) and leaving
-- store.agencies out of cur when no region or level is asked: CPU, least
-- of 7 runs, one year, 1M reports, 57 -> 49 ms for the whole country, 57 ->
-- 51 for a province, 43 -> 39 for a city, 66 -> 49 for a cell stated 0 by
-- most (ties by name). The cell's ids bound as constants (measure_id and
-- applicant_id, found by warehouse.Query) instead of met in a semi-join:
-- CPU for 2024, the whole country, apps.new, 1M reports, two turns each
-- under the lock: 49.1, 46.7 -> 41.3, 41.2 ms; the cell's rows alone 9.1,
-- 8.9 -> 3.6, 2.9 ms.
--
-- Where it stands (session 28, 1M reports, two provinces, the page's 108
-- filters, forms interleaved under the lock with TestScaleVariants): CPU
-- 40.9-46.5 ms a query, 10.4 of it planning (EXPLAIN alone); the whole
-- country on a cell most reports state 0, in DuckDB's detailed profile:
-- the LEFT join j 17.8 ms, the names' scan, join and top-N of the 166k
-- tied rows 27.3. Tried, not kept: this text without its two semi-join
-- branches (Go choosing it when the ids are bound): -0.7 ms at 100k,
-- noise. A form without j for cells most
-- reports state 0 (the positive rows joined to the selection, then the
-- first 2 x limit selected agencies by name and their zero rows, falling
-- back when those are fewer than the rows left): the same rows where it
-- is complete, but 86.0 against 46.5 ms (country 90.4 against 66.5):
-- DuckDB joined the year's 166k reports to the cell before meeting the
-- 1,000 agencies, and reports_total needs count(DISTINCT report_id) of the
-- cell (~6 ms), since the loader does not refuse a report that states one
-- cell twice, so count(cur) may fall short of count(j). SET
-- late_materialization_max_rows = 1000: 40.4 against 40.9 ms.
-- Planning, measured with perf (session 29: call stacks of 100 runs at 1M
-- reports, 2024, apps.new, 浙江省 and the whole country): parsing,
-- binding, optimizing and planning with the values take 5.8-6 % of the
-- query's CPU (~4 ms), DuckDB's physical planner 0.1-0.2 %; the 10.4 ms
-- above timed EXPLAIN, which also renders the plan. Setting up the
-- pipelines costs more (6-7 %): each scan's first pass over the zone maps
-- of its table, which the tail's scan makes over all of store.figures
-- (see v's $tail).
WITH cur AS (
    -- Two forms, each guarded by the filter arguments alone, which DuckDB
    -- folds when it plans the query (as selected_summary, 0037): with no
    -- region or level, the year's current reports without the join to
    -- store.agencies that only filters (every report's agency is there:
    -- agencies are never deleted, a report's agency never changes); with
    -- one, current_reports. At 1M reports the join cost ~5 ms of CPU.
    SELECT r.report_id, r.agency_id
    FROM store.reports r
    WHERE $province IS NULL AND $city IS NULL AND $level IS NULL
      AND r.is_current
      AND ($year_from IS NULL OR r.year >= $year_from)
      AND ($year_to IS NULL OR r.year <= $year_to)
    UNION ALL
    SELECT c.report_id, c.agency_id
    FROM current_reports($year_from, $year_to, $province, $city, $level, NULL) c
    WHERE NOT ($province IS NULL AND $city IS NULL AND $level IS NULL)
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
