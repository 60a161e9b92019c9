-- name: quality_findings
-- title: 问题清单
-- params: year_from, year_to, province, city, level, agency, status, report_id, limit, offset
-- columns: report_id, agency_id, agency, year, rule, severity, at, row_label, column_label, message, expected, actual, findings_total
-- The findings of current reports, errors first; findings_total counts all
-- the filter selects, for paging. $status errors keeps the errors only,
-- warnings the warnings only; other statuses keep all. $report_id keeps
-- one report's findings (the report page's download).
-- At national scale the filter selects ~400,000 findings of a million
-- current reports. They are selected once as narrow rows (no names, no
-- texts) and counted per year and severity, the first keys of the order:
-- the total is the sum of those counts, and only the findings of the
-- groups the page reaches get their agency's name and are sorted; the
-- page's findings alone are then read whole. Before, every selected
-- finding was joined to its agency's name and carried its texts through a
-- count over all of them.
WITH sel AS MATERIALIZED (
    SELECT f.report_id, f.seq, r.agency_id, r.year, f.severity = 'error' AS is_error, f.rule, f."at"
    FROM store.findings f
    JOIN store.reports r ON r.report_id = f.report_id
    WHERE r.is_current
      AND ($year_from IS NULL OR r.year >= $year_from) AND ($year_to IS NULL OR r.year <= $year_to)
      AND ($report_id IS NULL OR f.report_id = $report_id)
      AND ($status IS NULL OR $status NOT IN ('errors', 'warnings')
           OR f.severity = CASE $status WHEN 'errors' THEN 'error' ELSE 'warning' END)
      AND r.agency_id IN (SELECT agency_id FROM selected_agencies($province, $city, $level, $agency))
), groups AS (
    -- Per year and severity, in the order's sequence: how many findings
    -- come before the group (ahead) and in all (total).
    SELECT g.year, g.is_error, g.n,
           coalesce(sum(g.n) OVER (ORDER BY g.year DESC, g.is_error DESC
                                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS ahead,
           sum(g.n) OVER () AS total
    FROM (SELECT year, is_error, count(*) AS n FROM sel GROUP BY year, is_error) g
), wanted AS (
    -- The groups that hold a finding of the page [offset, offset + limit).
    SELECT year, is_error, ahead, total FROM groups
    WHERE ahead < coalesce($offset, 0) + coalesce($limit, 50) AND ahead + n > coalesce($offset, 0)
), page AS (
    -- The page within those groups: the offset less the findings of the
    -- groups before them.
    SELECT p.*, row_number() OVER () AS ord
    FROM (
        SELECT s.report_id, s.seq, s.agency_id, a.name AS agency, s.year, w.total
        FROM sel s
        JOIN wanted w ON w.year = s.year AND w.is_error = s.is_error
        JOIN store.agencies a ON a.agency_id = s.agency_id
        ORDER BY s.year DESC, s.is_error DESC, a.name, s.report_id, s.rule, s."at"
        LIMIT coalesce($limit, 50) OFFSET coalesce($offset, 0) - (SELECT coalesce(min(ahead), 0) FROM wanted)
    ) p
)
SELECT p.report_id, p.agency_id, p.agency, p.year, f.rule, f.severity, f."at",
       f.row_label, f.column_label, f.message, f.expected, f.actual, p.total AS findings_total
FROM page p
JOIN store.findings f ON f.report_id = p.report_id AND f.seq = p.seq
ORDER BY p.ord
