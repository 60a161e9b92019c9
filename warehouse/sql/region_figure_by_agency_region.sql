-- region_figure_by_agency_region: region_figure read by agency for a
-- province, city or level
-- (same parameters, columns and rows as region_figure_by_agency.sql, and
-- as the named query where it answers): warehouse.Query runs this half of
-- region_figure_by_agency.sql, chosen in Go by whether the filter names a
-- region or level (regionFigureByAgency), instead of the whole text, whose
-- header argues why its rows are the named query's. DuckDB binds and
-- optimizes every CTE of a text on every run, also those the filter's
-- guards then fold away, and the whole text carries both shapes' CTEs.
-- CPU a query at 1M reports, one year, with the values as literals, one
-- thread, 8 runs interleaved: the whole country (apps.unavailable.
-- needs_creation, 2024) 77.0 -> 49.6 ms (least 43.6 -> 33.7), 贵州省
-- (apps.withheld.enforcement_file/business, 2024) 57.2 -> 39.1 (least
-- 36.5 -> 33.1); same rows. Any change to the whole text is made in both
-- halves too: TestRegionFigureByAgency holds all three to the named query.
WITH sel AS (
    SELECT a.agency_id, a.name_rank FROM store.agencies a
    WHERE ($province IS NULL OR a.province = $province) AND ($city IS NULL OR a.city = $city)
      AND ($level IS NULL OR a.level = $level)
), gone AS (
    -- The reports the copy still holds that are not current (see the
    -- header): retired since the last compaction.
    SELECT s.report_id FROM store.figures_by_cell_stale s
), v AS MATERIALIZED (
    -- Guarded by the filter arguments alone (a region or level): the whole
    -- country gets no rows, and Query runs the named query.
    SELECT c.report_id, c.agency_id, c.value, c.raw_id, c.at_id, s.name_rank
    FROM store.figures_by_cell c JOIN sel s USING (agency_id)
    WHERE NOT ($province IS NULL AND $city IS NULL AND $level IS NULL)
      AND c.measure_id = $measure_id AND c.applicant_id = $applicant_id
      AND ($year_from IS NULL OR c.year >= $year_from) AND ($year_to IS NULL OR c.year <= $year_to)
      AND c.report_id NOT IN (SELECT report_id FROM gone)
), k AS MATERIALIZED (
    SELECT count(value) AS stated,
           (SELECT coalesce(sum(g.reports), 0)::BIGINT FROM store.summary_rollup g
            WHERE ($year_from IS NULL OR g.year >= $year_from) AND ($year_to IS NULL OR g.year <= $year_to)
              AND ($province IS NULL OR g.province = $province) AND ($city IS NULL OR g.city = $city)
              AND ($level IS NULL OR g.level = $level)) AS current
    FROM v
), present AS (
    -- The selected reports with a row, counted only when fewer than limit
    -- rows state a value (a count of distinct ids costs ~15 ms at 166k rows).
    SELECT count(DISTINCT v.report_id) AS reports FROM v
    WHERE (SELECT stated FROM k) < coalesce($limit, 500)
), cut AS (
    SELECT value FROM v ORDER BY value DESC NULLS LAST LIMIT 1 OFFSET coalesce($limit, 500) - 1
), above AS MATERIALIZED (
    -- The rows listed whatever their names: above the cut's value, or
    -- stating one when the cut is blank (fewer than limit rows state one).
    -- Fewer than limit rows: the LIMIT drops none (see the header).
    SELECT v.* FROM v
    WHERE coalesce(v.value > (SELECT value FROM cut), (SELECT value FROM cut) IS NULL AND v.value IS NOT NULL)
    LIMIT coalesce($limit, 500)
), tied AS (
    -- The rows whose names decide: the cut's value, or blank when it is.
    SELECT v.* FROM v
    WHERE v.value = (SELECT value FROM cut) OR (v.value IS NULL AND (SELECT value FROM cut) IS NULL)
), region_ranked AS MATERIALIZED (
    -- A region or level: every tied row carries its agency's rank (sel),
    -- so the first limit of them by rank come straight from v.
    SELECT t.report_id, t.agency_id, t.value, t.raw_id, t.at_id, t.name_rank FROM tied t
    WHERE NOT ($province IS NULL AND $city IS NULL AND $level IS NULL)
    ORDER BY t.name_rank, t.report_id
    LIMIT coalesce($limit, 500)
), top AS MATERIALIZED (
    SELECT * FROM above
    UNION ALL
    SELECT * FROM region_ranked
), listed AS (
    SELECT j.agency_id, a.name AS agency, a.city, a.level, j.report_id, j.value, j.raw_id, j.at_id
    FROM top j JOIN store.agencies a USING (agency_id)
    ORDER BY j.value DESC NULLS LAST, a.name, j.agency_id, j.report_id
    LIMIT coalesce($limit, 500)
), words AS (
    SELECT text_id, text FROM store.texts
    WHERE text_id IN (SELECT raw_id FROM listed UNION ALL SELECT at_id FROM listed)
)
SELECT l.agency_id, l.agency, l.city, l.level, l.report_id, l.value, raw.text AS raw, loc.text AS "at",
       (SELECT current FROM k) AS reports_total
FROM listed l
LEFT JOIN words raw ON raw.text_id = l.raw_id
LEFT JOIN words loc ON loc.text_id = l.at_id
-- The texts, the narrow choice and the tail are bound by warehouse.Query
-- for the named query and not read here: named only, as DuckDB refuses a
-- named parameter that the text does not use.
WHERE ($measure IS NULL OR $measure IS NOT NULL) AND ($applicant IS NULL OR $applicant IS NOT NULL)
  AND ($narrow IS NULL OR $narrow IS NOT NULL) AND ($tail IS NULL OR $tail IS NOT NULL)
  AND ((SELECT stated FROM k) >= coalesce($limit, 500) OR (SELECT reports FROM present) = (SELECT current FROM k))
  AND NOT EXISTS (SELECT 1 FROM store.reports r WHERE r.report_id > (SELECT watermark FROM store.figures_by_cell_state))
  -- Every agency ranked (the tied rows are ordered by rank).
  AND NOT EXISTS (SELECT 1 FROM store.agencies u WHERE u.name_rank IS NULL)
ORDER BY l.value DESC NULLS LAST, l.agency, l.agency_id, l.report_id
