-- quality_findings_piece: queries/quality_findings.sql (same columns and
-- rows) for a filter with a piece of a name and without a report:
-- warehouse.Query runs it instead of the named query for such a filter
-- (qualityFindingsForm). The selected agencies' findings per year are
-- summed, and the page's groups' reports read, from store.finding_reports
-- (0114: the current reports that hold a finding, ~350,000 rows at 1M
-- reports) instead of the million current reports, which the writer keeps
-- in the transaction of every report it writes, retires, confirms or
-- recounts; each row selected by the piece, region and level it keeps of
-- its agency and named by its agency's name (0124), as selected_agencies
-- selects the agencies; and the text has none of the named query's
-- branches for other filters, which DuckDB plans on every run.
-- 1M reports, the bench's 30 /quality filters with a piece, statements
-- kept, interleaved: 44.0 -> 35.7 ms of CPU a query (a piece of the whole
-- country 70.7 -> 48.9), with the agencies the filters select matched
-- once (sel), semi-joined to the reports for the counts and joined to the
-- page's groups' reports for their names; since 0124 the piece is matched
-- on the rows' own names instead, with no join, and a level runs this form
-- too (session 38, 1M reports, the bench's 17 /quality filters with a
-- piece and no level, with status tabs and later pages, kept statements,
-- 3 rounds interleaved in one hold, rows equal: 54.2 -> 45.5 ms of CPU a
-- query; the whole country 54.1 -> 40.4, a province 51.8 -> 47.4, a city
-- 58.6 -> 57.6; the named query 72.3).
-- Any change here is made in the named query too;
-- TestQualityFindingsForms holds the two to the same rows.
WITH counts AS (
    -- The selected agencies' findings per year: the counts of their
    -- current reports that hold one (store.finding_reports, 0114),
    -- selected by the region, level and name each keeps (0124), where the
    -- named query semi-joins the million current reports to sel.
    SELECT r.year, sum(r.errors) AS e, sum(r.warnings) AS w
    FROM store.finding_reports r
    WHERE ($province IS NULL OR r.province = $province) AND ($city IS NULL OR r.city = $city)
      AND ($level IS NULL OR r.level = $level) AND contains(r.agency, $agency)
      AND ($year_from IS NULL OR r.year >= $year_from) AND ($year_to IS NULL OR r.year <= $year_to)
    GROUP BY r.year
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
    -- 0114), selected as in counts. The errors' groups and the others'
    -- apart, each scan filtered by its own count.
    SELECT r.report_id, r.agency_id, r.year, w.is_error, w.ahead, w.total, r.errors AS n, r.agency
    FROM store.finding_reports r JOIN (SELECT * FROM wanted WHERE is_error) w ON w.year = r.year
    WHERE r.errors > 0
      AND ($province IS NULL OR r.province = $province) AND ($city IS NULL OR r.city = $city)
      AND ($level IS NULL OR r.level = $level) AND contains(r.agency, $agency)
    UNION ALL
    SELECT r.report_id, r.agency_id, r.year, w.is_error, w.ahead, w.total, r.warnings AS n, r.agency
    FROM store.finding_reports r JOIN (SELECT * FROM wanted WHERE NOT is_error) w ON w.year = r.year
    WHERE r.warnings > 0
      AND ($province IS NULL OR r.province = $province) AND ($city IS NULL OR r.city = $city)
      AND ($level IS NULL OR r.level = $level) AND contains(r.agency, $agency)
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
