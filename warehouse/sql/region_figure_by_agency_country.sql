-- region_figure_by_agency_country: the CTEs of region_figure read by agency
-- for the whole country (no province, city or level) that differ from
-- region_figure_by_agency.sql's. This file is not a statement: warehouse
-- (byAgencySQL) makes the half from the whole text, each CTE here put in
-- place of the whole text's of the same name (replaceCTEs) and the other
-- shape's CTEs dropped (sel, region_ranked: dropCTEs), so that the rest is
-- one text. Each CTE runs from its name to the next line that starts with
-- ")" (their bodies are indented). Same parameters, columns and rows as
-- the whole text; another filter gets no rows, and Query runs the named
-- query. warehouse.Query runs a half, chosen in Go by whether the filter
-- names a region or level (regionFigureByAgency), instead of the whole
-- text, whose header argues why its rows are the named query's: DuckDB
-- binds and optimizes every CTE of a text on every run, also those the
-- filter's guards then fold away, and the whole text carries both shapes'
-- CTEs. CPU a query at 1M reports, one year, with the values as literals,
-- one thread, 8 runs interleaved (session 37): the whole country
-- (apps.unavailable.needs_creation, 2024) 77.0 -> 49.6 ms (least 43.6 ->
-- 33.7), 贵州省 (apps.withheld.enforcement_file/business, 2024) 57.2 ->
-- 39.1 (least 36.5 -> 33.1); same rows. TestRegionFigureByAgency holds
-- both halves to the whole text and the whole text to the named query.
WITH v AS MATERIALIZED (
    -- Guarded by the filter arguments alone (the whole country): another
    -- filter gets no rows, and Query runs the named query.
    SELECT c.report_id, c.agency_id, c.value, c.raw_id, c.at_id, NULL::BIGINT AS name_rank
    FROM store.figures_by_cell c
    WHERE $province IS NULL AND $city IS NULL AND $level IS NULL
      AND c.measure_id = $measure_id AND c.applicant_id = $applicant_id
      AND ($year_from IS NULL OR c.year >= $year_from) AND ($year_to IS NULL OR c.year <= $year_to)
      AND c.report_id NOT IN (SELECT report_id FROM gone)
), top AS MATERIALIZED (
    SELECT * FROM above
    UNION ALL
    SELECT * FROM few WHERE (SELECT count(*) FROM few) <= 16384
    UNION ALL
    SELECT * FROM ranked
)
