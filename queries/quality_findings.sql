-- name: quality_findings
-- title: 问题清单
-- params: year_from, year_to, province, city, level, agency, status, report_id, limit, offset
-- columns: report_id, agency_id, agency, year, rule, severity, at, row_label, column_label, message, expected, actual, findings_total
-- The findings of current reports, errors first; findings_total counts all
-- the filter selects, for paging. $status errors keeps the errors only,
-- warnings the warnings only; other statuses keep all. $report_id keeps
-- one report's findings (the report page's download).
-- At national scale the filter selects ~400,000 findings of a million
-- current reports. The findings per year and severity, the first keys of
-- the order, are counted from the reports' own counts (store.reports.errors
-- and warnings, which the writer keeps equal to the report's findings of
-- each severity: at load, and recounted when a rule across reports adds or
-- drops findings): the total is their sum. Only the reports of the groups
-- the page reaches that have a finding of the group's severity are then
-- joined to the findings, named and sorted (a top-N: offset + limit rows),
-- and the page's findings alone are read whole. Before, every selected
-- finding was joined to the million current reports to be counted (most
-- of the query's 60-150 ms at 1M reports). Without a region, level or
-- piece of a name the agencies are not read at all (a join of the million
-- reports to them for nothing).
WITH cur AS NOT MATERIALIZED (
    -- The current reports the filters select: one branch or the other is
    -- empty (the parameters are known when DuckDB plans the query).
    SELECT r.report_id, r.agency_id, r.year, r.errors, r.warnings
    FROM store.reports r
    WHERE r.is_current
      AND ($year_from IS NULL OR r.year >= $year_from) AND ($year_to IS NULL OR r.year <= $year_to)
      AND ($report_id IS NULL OR r.report_id = $report_id)
      AND $province IS NULL AND $city IS NULL AND $level IS NULL AND $agency IS NULL
    UNION ALL
    SELECT r.report_id, r.agency_id, r.year, r.errors, r.warnings
    FROM store.reports r
    WHERE r.is_current
      AND r.agency_id IN (SELECT agency_id FROM selected_agencies($province, $city, $level, $agency))
      AND ($year_from IS NULL OR r.year >= $year_from) AND ($year_to IS NULL OR r.year <= $year_to)
      AND ($report_id IS NULL OR r.report_id = $report_id)
      AND NOT ($province IS NULL AND $city IS NULL AND $level IS NULL AND $agency IS NULL)
), counts AS (
    SELECT c.year, sum(c.errors) AS e, sum(c.warnings) AS w
    FROM cur c
    GROUP BY c.year
), groups AS (
    -- Per year and severity, in the order's sequence: how many findings
    -- come before the group (ahead) and in all (total).
    SELECT g.year, g.is_error, g.n,
           coalesce(sum(g.n) OVER (ORDER BY g.year DESC, g.is_error DESC
                                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS ahead,
           sum(g.n) OVER () AS total
    FROM (
        SELECT year, true AS is_error, e AS n FROM counts WHERE $status IS DISTINCT FROM 'warnings'
        UNION ALL
        SELECT year, false AS is_error, w AS n FROM counts WHERE $status IS DISTINCT FROM 'errors'
    ) g
    WHERE g.n > 0
), wanted AS MATERIALIZED (
    -- The groups that hold a finding of the page [offset, offset + limit).
    SELECT year, is_error, ahead, total FROM groups
    WHERE ahead < coalesce($offset, 0) + coalesce($limit, 50) AND ahead + n > coalesce($offset, 0)
), reps AS (
    -- Their reports with a finding of the group's severity.
    SELECT c.report_id, c.agency_id, c.year, w.is_error, w.total
    FROM cur c JOIN wanted w ON w.year = c.year
    WHERE (c.errors > 0 OR c.warnings > 0) AND CASE WHEN w.is_error THEN c.errors > 0 ELSE c.warnings > 0 END
), sel AS (
    SELECT f.report_id, f.seq, s.agency_id, s.year, s.is_error, f.rule, f."at", s.total
    FROM store.findings f
    JOIN reps s ON s.report_id = f.report_id AND s.is_error = (f.severity = 'error')
    WHERE ($report_id IS NULL OR f.report_id = $report_id)
), top AS (
    -- The first offset + limit findings of those groups in the page's
    -- order (the page is among them: the groups before count as ahead).
    SELECT s.report_id, s.seq, s.agency_id, a.name AS agency, s.year, s.is_error, s.rule, s."at", s.total
    FROM sel s
    JOIN store.agencies a ON a.agency_id = s.agency_id
    ORDER BY s.year DESC, s.is_error DESC, a.name, s.report_id, s.rule, s."at"
    LIMIT coalesce($offset, 0) + coalesce($limit, 50)
), page AS (
    -- The page within those groups: the offset less the findings of the
    -- groups before them.
    SELECT t.*, row_number() OVER (ORDER BY t.year DESC, t.is_error DESC, t.agency, t.report_id, t.rule, t."at") AS ord
    FROM top t
    QUALIFY ord > coalesce($offset, 0) - (SELECT coalesce(min(ahead), 0) FROM wanted)
        AND ord <= coalesce($offset, 0) - (SELECT coalesce(min(ahead), 0) FROM wanted) + coalesce($limit, 50)
)
-- The page's findings read whole: the errors and the others apart, each
-- scan filtered by severity, so that it reads the texts of those rows only
-- (an error page: the 70,000 errors, not all 400,000 findings, at 1M
-- reports), and the scan of a kind the page lacks stops at once.
SELECT p.report_id, p.agency_id, p.agency, p.year, f.rule, f.severity, f."at",
       f.row_label, f.column_label, f.message, f.expected, f.actual, p.total AS findings_total
FROM page p
JOIN (
    SELECT f.* FROM store.findings f
    WHERE f.severity = 'error' AND f.report_id IN (SELECT report_id FROM page WHERE is_error)
    UNION ALL
    SELECT f.* FROM store.findings f
    WHERE f.severity <> 'error' AND f.report_id IN (SELECT report_id FROM page WHERE NOT is_error)
) f ON f.report_id = p.report_id AND f.seq = p.seq
ORDER BY p.ord
