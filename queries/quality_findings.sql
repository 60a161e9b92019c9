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
-- drops findings): the total is their sum. Without a piece of a name or a
-- report the sums are read from summary_groups (store.summary_rollup's
-- errors and warnings, migration 0040: a few thousand rows at 1M reports,
-- kept beside the reports' counts by the writer); before, the million
-- current reports were summed on every request (7-23 ms of CPU at 1M
-- reports, the most with a region, which joined them to the agencies).
-- The next keys, the agency's name and the report, are the report's too:
-- the reports of the groups the page
-- reaches are named and sorted (a top-N of offset + limit reports, each of
-- which holds a finding at least), their counts place each report's
-- findings in the list, and only the findings of the reports that hold the
-- page are read. Before, every selected finding was joined to the million
-- current reports to be counted (most of the query's 60-150 ms at 1M
-- reports), and then every finding of the groups the page reaches was
-- joined to its report to be named and sorted. With a report and no
-- region, level or piece of a name the counts do not read the agencies.
-- Findings of one report with the same rule and place come in the order
-- they were stored (seq).
-- The page's findings are read by a join on the page's reports, not by a
-- second query from Go with their ids as constants. DuckDB pushes the
-- page's ids into the findings' scan as a dynamic IN filter, and decodes
-- the messages (FSST) of the vectors it passes, not only of the rows that
-- match (a constant IN list is run the same way, as a mark join: 17
-- reports' messages took 18 ms of CPU at 1M reports, against 3.5 ms with
-- list_contains on a constant list, tested row by row in the scan).
-- Two queries (the page's reports, then their findings by list_contains
-- on bound lists) were slower all the same (1M reports, 30 page filters,
-- 4 rounds alternated: mean best CPU 38.2 -> 41.4 ms; the same text twice
-- 40.8 / 40.3): the first alone took 31 ms, so reading the page's
-- findings costs ~7 ms here, and the second query's planning, join and
-- window cost more than its scan saved.
-- With a piece of a name the agencies it selects are found once (sel), for
-- the counts and for naming the page's reports: matching the piece over the
-- 170,000 names and building a join on the agencies it selects (most of
-- them, for a common piece) were done twice before.
-- Planning is ~6.4 of the query's ~39 ms of CPU at 1M reports (DuckDB's
-- profile of a kept statement rebound with the values, as serve runs it:
-- binding 3.0, optimizers 3.0, physical plan 0.2 ms; unlocked). Guarding
-- reps' branches and the findings' by $status (the kind a status tab
-- excludes) gains nothing: DuckDB already skips the scan that probes an
-- empty join (1M reports, 40 page filters, 4 rounds alternated, mean best
-- CPU 46.6 -> 46.1 and 44.6 ms; the same text again 45.3).
-- A kept integer prefix of the agency's name (its first 16 bytes as a
-- UHUGEINT, or 8 as a UBIGINT: a function of the name alone), to find the
-- top's cut on integers and read the names of the reports at or before it
-- only, gains nothing (1M reports, 30 page filters, 3 rounds alternated,
-- mean best CPU 55.3 -> 58.8 and 59.0 ms, the same text again 53.8; with 8
-- bytes 57.1 -> 59.9, the same text 59.0): the names of the selected
-- agencies cost ~3 ms (a profile of one filter), the two-pass top adds as
-- much, and its CTEs add ~1.5 ms of planning. (A text without names runs
-- ~14 ms faster, but not for its names: its page, the lowest report ids,
-- lies in a few row groups of store.findings, whose scan the page's ids
-- then prune; the page of reports sorted by name is spread over the whole
-- table.)
-- The slowest tenth of 报送与质量 at 1M reports is a piece of a name that
-- most names contain ("人民" selects 162,143 of 170,068 agencies): here
-- the semi-join of the million current reports to sel for the counts
-- takes ~40 ms of CPU and the join naming the top's reports, built on
-- sel's names, ~15 ms (DuckDB's profile of one filter). Measured without
-- gain (1M reports, 36 page filters with a piece, 3-4 rounds alternated,
-- mean best CPU; load 8-12): the selected agencies as one bit string
-- (bitstring_agg over store.agencies, tested by get_bit on each report):
-- 52.3 -> 107.9 ms (the same text 52.5), although the slowest sixth of
-- those filters went 110.3 -> 80.3: get_bit runs on every current report
-- through a nested-loop join, where a rare piece's semi-join is cheap
-- (read through scalar subqueries instead, 48.6 -> 213.0, the same 49.6);
-- the counts from the selected agencies' cells in store.agency_status
-- (0063) rather than their reports 53.2 -> 57.0 (55.3); the reports
-- joined to selected_agencies (an inner join on the table) rather than
-- semi-joined to sel 51.4 -> 56.6 (51.9), and both of its joins so 55.3.
-- For a filter without a piece of a name or a report, as 报送与质量 asks
-- for its list, warehouse.Query runs warehouse/sql/quality_findings_reports.sql
-- instead: this text without their branches (which DuckDB binds and
-- optimizes on every run before it folds them away), its page's reports
-- read, selected and named from store.finding_reports (0114, 0124) alone.
-- Any change here is made there too; TestQualityFindingsForms holds the
-- two to the same rows.
-- For a page of up to 500 findings warehouse.Query runs each form without
-- its final SELECT (sql/quality_findings_page.sql: the page's reports) and
-- reads their findings by their ids in a second statement in the same
-- transaction (sql/quality_findings_read.sql), the page put together in Go
-- (qualityFindingsPaged): the final SELECT's join filter pruned nothing of
-- store.findings. Every form must end with this text's final SELECT, word
-- for word; TestQualityFindingsPaged holds the two steps to this text.
WITH sel AS MATERIALIZED (
    -- With a piece of a name: the agencies the filters select and their
    -- names. Empty without (the parameters are known when DuckDB plans the
    -- query): with a region or level alone the selection is cheap and the
    -- page's reports are joined to it directly, and without any it is every
    -- agency.
    SELECT a.agency_id, a.agency
    FROM selected_agencies($province, $city, $level, $agency) a
    WHERE $agency IS NOT NULL
), cur AS NOT MATERIALIZED (
    -- The current reports the filters select: one branch alone is not
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
      AND NOT ($province IS NULL AND $city IS NULL AND $level IS NULL) AND $agency IS NULL
    UNION ALL
    SELECT r.report_id, r.agency_id, r.year, r.errors, r.warnings
    FROM store.reports r
    WHERE r.is_current
      AND r.agency_id IN (SELECT agency_id FROM sel)
      AND ($year_from IS NULL OR r.year >= $year_from) AND ($year_to IS NULL OR r.year <= $year_to)
      AND ($report_id IS NULL OR r.report_id = $report_id)
      AND $agency IS NOT NULL
), counts AS (
    -- One branch or the other: the roll-up's sums without a piece of a
    -- name or a report (summary_groups is empty with a name), the
    -- selected reports' own counts with one.
    SELECT g.year, sum(g.errors) AS e, sum(g.warnings) AS w
    FROM summary_groups($year_from, $year_to, $province, $city, $level, $agency) g
    WHERE $report_id IS NULL
    GROUP BY g.year
    UNION ALL
    SELECT c.year, sum(c.errors) AS e, sum(c.warnings) AS w
    FROM cur c
    WHERE $agency IS NOT NULL OR $report_id IS NOT NULL
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
    -- Their reports with a finding of the group's severity, n of them:
    -- the reports of the groups' years first, and the agencies the filters
    -- select joined to those alone (with their names, below), rather than
    -- the million current reports to the agencies as in cur. The errors'
    -- groups and the others' apart, each scan filtered by its own count,
    -- so that the scan passes on only the reports with a finding of that
    -- kind (a condition on either count, or one chosen per group, was
    -- tested on every report the year's groups let through: CPU 34-41 ->
    -- 27-33 ms at 1M reports).
    SELECT r.report_id, r.agency_id, r.year, w.is_error, w.ahead, w.total, r.errors AS n
    FROM store.reports r JOIN (SELECT * FROM wanted WHERE is_error) w ON w.year = r.year
    WHERE r.is_current AND r.errors > 0
      AND ($report_id IS NULL OR r.report_id = $report_id)
    UNION ALL
    SELECT r.report_id, r.agency_id, r.year, w.is_error, w.ahead, w.total, r.warnings AS n
    FROM store.reports r JOIN (SELECT * FROM wanted WHERE NOT is_error) w ON w.year = r.year
    WHERE r.is_current AND r.warnings > 0
      AND ($report_id IS NULL OR r.report_id = $report_id)
), top AS (
    -- The first offset + limit of those reports in the page's order: each
    -- holds a finding at least, so the page's findings lie in them. Named
    -- from sel with a piece of a name, else from the agencies the filters
    -- select (one branch alone is not empty). reps is joined once, to the
    -- union of the two: joined in each branch, DuckDB stored reps as a CTE
    -- read twice, where read once it streams from its scans into the join
    -- (mean best CPU 48.9 -> 44.8 ms at 1M reports, 30 page filters).
    SELECT * FROM (
        SELECT r.*, a.agency
        FROM reps r
        JOIN (SELECT a.agency_id, a.agency
              FROM selected_agencies($province, $city, $level, $agency) a
              WHERE $agency IS NULL
              UNION ALL
              SELECT agency_id, agency FROM sel) a ON a.agency_id = r.agency_id
    ) r
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
