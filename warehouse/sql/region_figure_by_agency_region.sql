-- region_figure_by_agency_region: the CTEs of region_figure read by agency
-- for a province, city or level that differ from
-- region_figure_by_agency.sql's. This file is not a statement: warehouse
-- (byAgencySQL) makes the half from the whole text, each CTE here put in
-- place of the whole text's of the same name (replaceCTEs) and the other
-- shape's CTEs dropped (few, many, early, candidates, ranked: dropCTEs),
-- so that the rest is one text. Each CTE runs from its name to the next
-- line that starts with ")" (their bodies are indented). Same parameters,
-- columns and rows as the whole text; the whole country gets no rows, and
-- Query runs the named query. Why a half runs rather than the whole text,
-- and what it saves: region_figure_by_agency_country.sql's header.
WITH v AS MATERIALIZED (
    -- Guarded by the filter arguments alone (a region or level): the whole
    -- country gets no rows, and Query runs the named query.
    SELECT c.report_id, c.agency_id, c.value, c.raw_id, c.at_id, s.name_rank
    FROM store.figures_by_cell c JOIN sel s USING (agency_id)
    WHERE NOT ($province IS NULL AND $city IS NULL AND $level IS NULL)
      AND c.measure_id = $measure_id AND c.applicant_id = $applicant_id
      AND ($year_from IS NULL OR c.year >= $year_from) AND ($year_to IS NULL OR c.year <= $year_to)
      AND c.report_id NOT IN (SELECT report_id FROM gone)
), top AS MATERIALIZED (
    SELECT * FROM above
    UNION ALL
    SELECT * FROM region_ranked
), holds AS (
    -- Every agency ranked (the tied rows are ordered by rank).
    SELECT NOT EXISTS (SELECT 1 FROM store.agencies u WHERE u.name_rank IS NULL) AS ok
)
