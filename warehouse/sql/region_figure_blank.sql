-- region_figure_blank: queries/region_figure.sql (same parameters, columns
-- and rows) for a cell the copy by cell (store.figures_by_cell) holds no
-- row of in the years asked, as for a cell the years' formats lack
-- (licensing.items_prev in a 2021-form year): every selected current report
-- is then a row with a blank value, raw and place, and the rows are the
-- first limit of them by name. warehouse.Query runs it instead of the form
-- read by agency where cellStated found no row of the cell in the years;
-- it returns no rows when it cannot answer, and Query then runs the named
-- query.
--
-- Why the rows are the named query's:
-- - The copy holds every figure of every current report up to its
--   watermark (a report's year never changes; a run copies the reports up
--   to the new watermark in the transaction that moves it): with no report
--   after the watermark and no row of the cell in the years, both checked
--   in this query's own snapshot (the final WHERE), no selected report has
--   the cell, and the named query's j is its current reports with blank
--   values. Either check failing (a load or a copy after Query's look)
--   returns no rows.
-- - The selected current reports are current_reports' (the same joins and
--   filters, with the agency's rank carried), read from store.year_reports
--   (0122: every current report, kept by the writer in the transaction of
--   every change of the current reports and held to them by Open); the
--   names' join drops none, as every report's agency is in store.agencies.
-- - Ranks order the agencies as ORDER BY name, agency_id does when every
--   agency has one (checked here: a NULL rank would sort last) and they
--   agree with the names (Query runs this form only when ranksComplete
--   says so), so the first limit by rank, then report id, are the named
--   query's first limit by name, agency id, report id.
-- - reports_total counts the selected current reports as the named query
--   does, in store.summary_rollup.
--
-- Why it is faster: the named query joins the selection's reports to the
-- cell (none), then every one of them (166k for the whole country's year
-- at 1M reports) to the agencies' names, ties them all at the blank cut and
-- sorts them by name; this one sorts them by an integer rank and reads 500
-- names.
WITH top AS MATERIALIZED (
    -- The years' current reports from store.year_reports (0122), stored by
    -- year: the other years' row groups are skipped.
    SELECT r.report_id, r.agency_id
    FROM store.year_reports r JOIN store.agencies a USING (agency_id)
    WHERE ($year_from IS NULL OR r.year >= $year_from) AND ($year_to IS NULL OR r.year <= $year_to)
      AND ($province IS NULL OR a.province = $province) AND ($city IS NULL OR a.city = $city)
      AND ($level IS NULL OR a.level = $level)
    ORDER BY a.name_rank, r.report_id
    LIMIT coalesce($limit, 500)
)
SELECT t.agency_id, a.name AS agency, a.city, a.level, t.report_id,
       NULL::DOUBLE AS value, NULL::VARCHAR AS raw, NULL::VARCHAR AS "at",
       (SELECT coalesce(sum(g.reports), 0)::BIGINT FROM store.summary_rollup g
        WHERE ($year_from IS NULL OR g.year >= $year_from) AND ($year_to IS NULL OR g.year <= $year_to)
          AND ($province IS NULL OR g.province = $province) AND ($city IS NULL OR g.city = $city)
          AND ($level IS NULL OR g.level = $level)) AS reports_total
FROM top t JOIN store.agencies a USING (agency_id)
-- The texts, the narrow choice and the tail are bound by warehouse.Query
-- for the named query and not read here: named only, as DuckDB refuses a
-- named parameter that the text does not use.
WHERE ($measure IS NULL OR $measure IS NOT NULL) AND ($applicant IS NULL OR $applicant IS NOT NULL)
  AND ($narrow IS NULL OR $narrow IS NOT NULL) AND ($tail IS NULL OR $tail IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM store.figures_by_cell c
                  WHERE c.measure_id = $measure_id AND c.applicant_id = $applicant_id
                    AND ($year_from IS NULL OR c.year >= $year_from) AND ($year_to IS NULL OR c.year <= $year_to))
  AND NOT EXISTS (SELECT 1 FROM store.reports r WHERE r.report_id > (SELECT watermark FROM store.figures_by_cell_state))
  AND NOT EXISTS (SELECT 1 FROM store.agencies u WHERE u.name_rank IS NULL)
ORDER BY a.name, t.agency_id, t.report_id
