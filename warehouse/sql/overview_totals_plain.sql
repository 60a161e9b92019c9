-- overview_totals_plain: queries/overview_totals.sql for a filter without a piece of an
-- agency's name, on a warehouse whose reports all have a year in the bit
-- sets' 1990-2100 (Query chooses it in Go: overviewTotalsForm). The same
-- row, read from the kept tables the writer keeps in the transaction of
-- every change and Open holds to their definitions, instead of the
-- million current reports (for the country) or their join to the
-- selected agencies (for a region or level):
-- - reports, year_min and year_max from summary_groups (store.summary_rollup,
--   0021: the current reports counted per year, region and level; a group
--   left with no report gives no year);
-- - reports_with_errors and reports_with_warnings from store.finding_reports
--   (0114: every current report with a finding, of any year), joined to the
--   selected agencies only for a region or level (a branch each, the other
--   empty: an OR of the guard and the join kept the join for the country);
-- - agencies from store.agencies.pattern (0073) and store.status_patterns
--   (0046): an agency counts when its years with a current report meet the
--   selected ones. The bit sets hold 1990-2100 only, so this equals the
--   named query's count of distinct agencies over the reports only when no
--   report has another year; and the roll-up counts the reports of the
--   agencies it joins. Query checks both once an open (bitsHoldReports).
-- TestSumsPlainForms and TestOverviewTotalsAfterEditsByHand hold it to the
-- named query's row and types.
WITH g AS (
    SELECT coalesce(sum(g.reports), 0)::BIGINT AS reports,
           min(g.year) FILTER (WHERE g.reports > 0) AS year_min,
           max(g.year) FILTER (WHERE g.reports > 0) AS year_max
    FROM summary_groups($year_from, $year_to, $province, $city, $level, $agency) g
), fr AS (
    SELECT f.errors, f.warnings
    FROM store.finding_reports f
    WHERE ($year_from IS NULL OR f.year >= $year_from) AND ($year_to IS NULL OR f.year <= $year_to)
      AND $province IS NULL AND $city IS NULL AND $level IS NULL
    UNION ALL
    SELECT f.errors, f.warnings
    FROM store.finding_reports f
    JOIN selected_agencies($province, $city, $level, NULL) a ON a.agency_id = f.agency_id
    WHERE ($year_from IS NULL OR f.year >= $year_from) AND ($year_to IS NULL OR f.year <= $year_to)
      AND NOT ($province IS NULL AND $city IS NULL AND $level IS NULL)
), f AS (
    SELECT count(*) FILTER (WHERE fr.errors > 0) AS reports_with_errors,
           count(*) FILTER (WHERE fr.warnings > 0) AS reports_with_warnings
    FROM fr
), n AS (
    SELECT count(*) AS agencies
    FROM store.agencies a
    JOIN store.pattern_bits() p ON p.pattern = a.pattern
    WHERE ($province IS NULL OR a.province = $province)
      AND ($city IS NULL OR a.city = $city)
      AND ($level IS NULL OR a.level = $level)
      AND (p.reported & store.year_bits($year_from, $year_to)) <> 0
)
SELECT g.reports, n.agencies, g.year_min, g.year_max, f.reports_with_errors, f.reports_with_warnings
FROM g, n, f
