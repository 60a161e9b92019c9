-- quality_findings_reports: queries/quality_findings.sql (same columns and
-- rows) for a filter without a piece of a name or a report, as 报送与质量
-- asks for its list: warehouse.Query runs it instead of the named query
-- for such a filter (qualityFindingsForm). The page's groups' reports are
-- read from store.finding_reports (0114: the current reports that hold a
-- finding, ~350,000 rows at 1M reports, 28,000 with errors) instead of the
-- million current reports, which the writer keeps in the transaction of
-- every report it writes, retires, confirms or recounts; and selected and
-- named by the agency's name, province, city and level each row keeps
-- (0124), written with it and by an administrator's correction of the
-- region, instead of joined to the agencies the filters select.
-- Before 0124 the reports were joined to the selected agencies for their
-- names: DuckDB probed that join with every selected agency (the whole
-- country's profile: ~8 of ~17 ms built or probed it on the 170,000
-- agencies' names), and with a level it built the join on these reports
-- (it estimated them fewer than a level's agencies), slower than the named
-- query on store.reports (a province's departments 22 -> 65 ms), so a
-- level ran the named query's plain form instead (sql/quality_findings_plain.sql,
-- removed with 0124).
-- Measured without gain (session 37, 1M, page forms, kept statements,
-- interleaved, rows equal): reps MATERIALIZED, 23.5 / 23.9 -> 22.1 / 24.9
-- ms of CPU a query (the plain form's 16.6 / 17.6 -> 23.3 / 23.5); the
-- agencies semi-joined to reps' ids before the naming join, 17.3 -> 20.9.
-- Any change here is made in the named query too;
-- TestQualityFindingsForms holds the two to the same rows.
WITH counts AS (
    -- The roll-up's sums (store.summary_rollup's errors and warnings).
    SELECT g.year, sum(g.errors) AS e, sum(g.warnings) AS w
    FROM summary_groups($year_from, $year_to, $province, $city, $level, NULL) g
    GROUP BY g.year
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
    -- Their reports with a finding of the group's severity, n of them,
    -- from the current reports that hold a finding (store.finding_reports,
    -- 0114), selected by the region and level each keeps of its agency
    -- (0124), as selected_agencies selects the agencies. The errors'
    -- groups and the others' apart, each scan filtered by its own count.
    SELECT r.report_id, r.agency_id, r.year, w.is_error, w.ahead, w.total, r.errors AS n, r.agency
    FROM store.finding_reports r JOIN (SELECT * FROM wanted WHERE is_error) w ON w.year = r.year
    WHERE r.errors > 0
      AND ($province IS NULL OR r.province = $province) AND ($city IS NULL OR r.city = $city)
      AND ($level IS NULL OR r.level = $level)
    UNION ALL
    SELECT r.report_id, r.agency_id, r.year, w.is_error, w.ahead, w.total, r.warnings AS n, r.agency
    FROM store.finding_reports r JOIN (SELECT * FROM wanted WHERE NOT is_error) w ON w.year = r.year
    WHERE r.warnings > 0
      AND ($province IS NULL OR r.province = $province) AND ($city IS NULL OR r.city = $city)
      AND ($level IS NULL OR r.level = $level)
), top AS (
    -- The first offset + limit of those reports in the page's order: each
    -- holds a finding at least, so the page's findings lie in them. Named
    -- by the name each keeps of its agency (0124): no join.
    SELECT r.*
    FROM reps r
    ORDER BY r.year DESC, r.is_error DESC, r.agency, r.report_id
    LIMIT coalesce($offset, 0) + coalesce($limit, 50)
), placed AS MATERIALIZED (
    -- Where each report's findings start in the whole list: the findings
    -- of the groups before the first wanted one, and of the top's reports
    -- before it. The top is the start of the wanted groups' reports in the
    -- page's order, and the wanted groups follow one another, so a
    -- report's group is preceded in the top by every report of the wanted
    -- groups before it, whose counts sum to those groups' n. One running
    -- sum in the top's order, not one per group: a window partitioned by
    -- year and severity cost more, for the few rows of the top.
    SELECT t.*,
           (SELECT min(ahead) FROM wanted)
           + coalesce(sum(t.n) OVER (ORDER BY t.year DESC, t.is_error DESC, t.agency, t.report_id
                                     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS first
    FROM top t
), page AS (
    -- The reports that hold a finding of the page [offset, offset + limit).
    SELECT * FROM placed
    WHERE first < coalesce($offset, 0) + coalesce($limit, 50) AND first + n > coalesce($offset, 0)
)
-- The page's reports' findings read whole, in the page's order, and cut to
-- the page by LIMIT and OFFSET: the page's reports follow one another in
-- the list and hold all their findings of the kind, so the i-th row (from
-- 0) is the finding at place min(first) + i. Before, each was numbered
-- within its report by a window partitioned by report (row_number) and
-- kept by its place; with placed's running sum that cost ~4 ms of CPU a
-- query more (1M reports, the bench's 108 /quality filters, statements
-- kept as the server keeps them, 2 rounds timed interleaved, load ~8:
-- 44.1 and 44.0 -> 40.3 ms). The errors and the others apart,
-- each scan filtered by severity, so that it reads the texts of those rows
-- only, and the scan of a kind the page lacks stops at once. Only the page's
-- reports are joined to their findings; before, every finding of the
-- groups the page reaches was (a scan and hash join of the 400,000
-- findings at 1M reports, to name and sort the ~55,000 of a year's
-- warnings).
SELECT p.report_id, p.agency_id, p.agency, p.year, f.rule, f.severity, f."at",
       f.row_label, f.column_label, f.message, f.expected, f.actual, p.total AS findings_total
FROM page p
JOIN (
    SELECT f.* FROM store.findings f
    WHERE f.severity = 'error' AND f.report_id IN (SELECT report_id FROM page WHERE is_error)
    UNION ALL
    SELECT f.* FROM store.findings f
    WHERE f.severity <> 'error' AND f.report_id IN (SELECT report_id FROM page WHERE NOT is_error)
) f ON f.report_id = p.report_id AND (f.severity = 'error') = p.is_error
ORDER BY p.year DESC, p.is_error DESC, p.agency, p.report_id, f.rule, f."at", f.seq
LIMIT coalesce($limit, 50)
OFFSET greatest(coalesce($offset, 0) - coalesce((SELECT min(first) FROM page), 0), 0)
