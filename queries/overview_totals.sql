-- name: overview_totals
-- title: 总体情况：报告数、机构数、覆盖年度
-- params: year_from, year_to, province, city, level, agency
-- columns: reports, agencies, year_min, year_max, reports_with_errors, reports_with_warnings
-- One row over the current versions of the reports the filter selects.
-- Without a region, level or piece of a name (the first branch; the other
-- is empty, and each keeps its one row only when it applies: the
-- parameters are known when DuckDB plans the query) the reports are read
-- without their agencies, and the agencies are counted from
-- store.agency_status (0020, 0046: one row per agency with a current
-- report, kept by the writer), per pattern of years reported: an agency
-- counts when it has a current report in the selected years. Before, every
-- current report was joined to its agency and the agencies counted
-- distinct over all of them (~30-60 ms of CPU at 1M reports). With a
-- region, level or piece of a name the reports are joined to the selected
-- agencies, as before (a semi-join of the reports to their ids, and the
-- agencies counted from their status rows, cost more there).
WITH agencies AS (
    SELECT coalesce(sum(s.n), 0)::BIGINT AS n
    FROM (SELECT s.pattern, count(*) AS n FROM store.agency_status s GROUP BY s.pattern) s
    JOIN store.pattern_bits() p USING (pattern)
    WHERE (p.reported & store.year_bits($year_from, $year_to)) <> 0
      AND $province IS NULL AND $city IS NULL AND $level IS NULL AND $agency IS NULL
)
SELECT count(*) AS reports,
       (SELECT n FROM agencies) AS agencies,
       min(r.year) AS year_min,
       max(r.year) AS year_max,
       count(*) FILTER (WHERE r.errors > 0) AS reports_with_errors,
       count(*) FILTER (WHERE r.warnings > 0) AS reports_with_warnings
FROM store.reports r
WHERE r.is_current
  AND ($year_from IS NULL OR r.year >= $year_from) AND ($year_to IS NULL OR r.year <= $year_to)
  AND $province IS NULL AND $city IS NULL AND $level IS NULL AND $agency IS NULL
HAVING $province IS NULL AND $city IS NULL AND $level IS NULL AND $agency IS NULL
UNION ALL
SELECT count(*) AS reports,
       count(DISTINCT agency_id) AS agencies,
       min(year) AS year_min,
       max(year) AS year_max,
       count(*) FILTER (WHERE errors > 0) AS reports_with_errors,
       count(*) FILTER (WHERE warnings > 0) AS reports_with_warnings
FROM current_reports($year_from, $year_to, $province, $city, $level, $agency)
WHERE NOT ($province IS NULL AND $city IS NULL AND $level IS NULL AND $agency IS NULL)
HAVING NOT ($province IS NULL AND $city IS NULL AND $level IS NULL AND $agency IS NULL)
