-- name: quality_matrix
-- title: 报送情况（机构 × 年度）
-- params: year_from, year_to, province, city, level, agency, status, limit, offset
-- columns: agency_id, agency, city, level, agencies_total, year, status, report_id, errors, warnings
-- One row per agency (a page of them) and year that any agency reported.
-- status: ok | warnings | errors (has a current report) | missing (none,
-- although the agency reported in an earlier year) | none (before the
-- agency's first report: not expected yet). The agencies that need action
-- come first: those with a missing year, then those with a report with
-- errors, then warnings, each by name. With $status only the agencies that
-- have a year of that status are listed. agencies_total counts all the
-- agencies listed, for paging.
-- Whether an agency has a year of each status is read from its bit sets of
-- years in store.agency_status (0020; its patterns read through store.pattern_bits), one
-- row per agency, instead of a cell per agency and year joined to every
-- current report; only the page's agencies get their cells, from their own
-- reports of the selected years.
-- The flags are computed per pattern of first year and bit sets
-- (store.status_patterns, 0046: 1,485 at 1M reports), and the agencies
-- joined to them by their pattern's number: before, the shifts and masks of
-- 128-bit sets were computed for each of the 170,000 agencies (CPU ~50 of
-- the query's ~65 ms at 1M reports, unfiltered).
-- The flags are the first keys of the order: the listed agencies are
-- counted per combination of flags (eight at most), which gives the total
-- and where each combination starts, and only the agencies of the
-- combinations the page reaches are named and sorted. Before, all 170,000
-- agencies' names were joined, counted by a window over them all and
-- sorted.
-- The agencies are counted per pattern, and the combinations from the
-- patterns. Without a region, level or piece of a name the status rows are
-- counted alone and only the agencies of the patterns the page reaches are
-- joined to theirs; before, all 170,000 agencies were joined to their
-- status rows and the flags on every request (~20 of the query's ~45 ms of
-- CPU at 1M reports, unfiltered).
-- Planning is ~6.6 of the query's ~27 ms of CPU at 1M reports (DuckDB's
-- profile of a kept statement rebound with the values, as serve runs it:
-- binding 3.2, optimizers 3.0, physical plan 0.3 ms). Measured without
-- gain (1M reports, 40 page filters, 4 rounds alternated, mean best CPU
-- 27.3 ms; the same text again 26.5): city and level read for the page's
-- agencies alone after the top, not for every agency sorted (28.3);
-- store.year_bits(first_year + 1, NULL) expanded once a pattern instead of
-- twice (26.3); and in an earlier hold (31.3, the same text 33.1) the
-- page's first place carried from reach by a window instead of the scalar
-- subquery over wanted (36.3) and cur joined to page instead of IN (33.9).
-- The names and the page's cells are the largest costs left: a text that
-- reads no name, city or level runs in 27.0 ms, one that reads no cells in
-- 28.1 (34.9 with both; the same text 35.4), because the agencies a page
-- or a cut needs are spread over every row group: DuckDB's join and top-N
-- filters on agency_id or the name then prune nothing, and each scan reads
-- the column for all 170,000 rows. A kept prefix of the name (16 bytes as
-- a UHUGEINT, a function of the name alone), the cut found on it and the
-- names read after it, was slower (43.8 ms; 47.5 with the names' scan
-- filtered by the prefixes' range through a join on agency_id and prefix).
-- The selected agencies as one bit string (bitstring_agg over
-- store.agencies, tested by get_bit on each status row), instead of sel's
-- outer join, was slower (1M reports, 36 page filters with a piece of a
-- name, 3 rounds alternated, mean best CPU 37.8 -> 51.9 ms, the same text
-- 38.7; its slowest sixth 71.0 -> 70.7). Texts for the two shapes (no
-- region, level or piece; one at least), a form chosen in Go by the
-- filter, give the same rows (30 filters each) but were not timed: the
-- same split of quality_findings.sql saved ~2 ms of planning and no
-- measurable run time.
-- Since 0073 each agency keeps its pattern (store.agencies.pattern, NULL
-- without a current report), and the selected agencies are counted and
-- listed from store.agencies alone, in every shape of filter: before, a
-- region, level or piece of a name joined the selected agencies to their
-- status rows (~165,000 rows for a level), the page's patterns were joined
-- to the agencies again for the names, and a filtered scan of
-- store.agency_status, which the writer rewrites by DELETE and INSERT,
-- cost ~4 times one of store.agencies (1M reports, 108 page filters, 3
-- rounds interleaved: CPU 41.6 -> 33.1 ms a query; a province 53.0 ->
-- 37.1, the whole country 49.1 -> 40.7). The names of the agencies of the
-- reached patterns are still read whole (~20 ms of the whole country's
-- CPU): a join on the pattern by equality, with the NULLs apart, pushed
-- only a range of patterns into the scan (DuckDB's profile of one filter).
-- Measured without gain (1M reports, the bench's 44 /quality requests,
-- each run both ways in turn, 3 rounds timed, load ~6.6): the page's
-- agencies' cells read in a second statement in the same transaction, by
-- list_contains on their ids, the rows and statuses put together in Go (as
-- quality_findings' page is, warehouse.qualityFindingsPaged): 35.7 -> 35.4
-- ms of CPU a query (100k reports 20.3 -> 19.4), although this text
-- without its cells runs 3-10 ms faster: the second statement, its
-- transaction and its scan of store.agency_status's ids cost about as much.
-- Measured without gain (session 37, 1M reports, the bench's 44 /quality
-- filters, kept statements, interleaved in one hold, rows equal): the
-- agencies ordered by name rank (store.agencies.name_rank, 0086) and only
-- the page's names read by id, 24.5 -> 26.8 ms of CPU a query (the
-- whole country 28.3 -> 31.2: the join back to the names by id cost more
-- than the names' sort saved); the page's cells (the largest operator of
-- the whole country's profile: ~12 of ~25 ms scanning store.agency_status'
-- cells for all 144,000 rows) read through an inner join on the page
-- rather than IN, 18.9 / 19.7 -> 20.1 / 20.1 (with a status tab and later
-- pages); and read from store.year_reports and store.finding_reports'
-- warnings instead of the cells, 27.2 / 27.7 -> 29.9 / 30.5.
-- Measured without gain (session 39, 1M reports, branch quality d80489d):
-- counted read from a kept table of the agencies per region, level and
-- pattern (store.quality_counts, ~12,300 rows) instead of the agencies'
-- scan: 30 filters, kept statements, interleaved, rows equal, within the
-- noise (~1 ms of CPU a query), at ~26 ms of CPU a load group of 4,096
-- reports for the writer's upkeep. The names' sort and the page's cells
-- remain the costs.
-- For a filter without a piece of a name warehouse.Query counts span,
-- flags, counted, listed, groups, wanted and reach in Go
-- (warehouse/quality_matrix_kept.go, qualityMatrixKept) from the counts per
-- region, level and pattern, the patterns' bit sets and the years reported
-- that it keeps until the next write for quality_by_year
-- (qualityCountsKept), and runs sql/quality_matrix_reach.sql, this text from
-- top on, with the patterns reached, their first years and places bound
-- (1M reports, the page's 88 filters, interleaved in one hold, load ~14:
-- 41.1 -> 26.1 ms of CPU a query; the whole country 45.9 -> 26.5, a level
-- 33.2 -> 13.6). Any change here is made there too; TestQualityMatrixKept
-- holds the two to the same rows after every kind of write, and
-- TestScaleQuality -scale-quality-check at scale.
WITH span AS (
    -- The years any agency reported in the selected range, as bits: the
    -- years of the groups of store.summary_rollup that count a current
    -- report (a few thousand rows at 1M reports, kept by the writer with
    -- store.agency_status). Before, the patterns the 170,000 agencies have
    -- were looked up (a semi-join, ~4 ms of CPU at 1M reports): a pattern no
    -- agency has any more stays in store.status_patterns.
    SELECT coalesce(bit_or(store.year_bit(g.year)), 0) & store.year_bits($year_from, $year_to) AS years
    FROM store.summary_rollup g
    WHERE g.reports > 0 AND g.year BETWEEN 1990 AND 2100
), years AS (
    SELECT y::INTEGER AS year FROM range(1990, 2101) t(y), span WHERE (span.years & store.year_bit(y)) <> 0
), flags AS (
    -- Each pattern's years of each status among the listed years, from its
    -- bit sets alone: a few thousand patterns are tested, not the 170,000
    -- agencies, which carry their pattern's number.
    SELECT p.pattern, p.first_year,
           -- A year of each status: missing after the first report, none
           -- up to it.
           (span.years & ~p.reported & store.year_bits(p.first_year + 1, NULL)) <> 0 AS any_missing,
           (span.years & p.errors) <> 0 AS any_errors,
           (span.years & p.warnings) <> 0 AS any_warnings,
           (span.years & p.reported & ~p.errors & ~p.warnings) <> 0 AS any_ok,
           (span.years & ~p.reported & ~store.year_bits(p.first_year + 1, NULL)) <> 0 AS any_none
    FROM store.pattern_bits() p CROSS JOIN span
), counted AS (
    -- The listed agencies per pattern, NULL for those without a current
    -- report: the agencies the filters select counted by the pattern each
    -- keeps (store.agencies.pattern, 0073), one scan without a join. Without
    -- a region, level or piece of a name every agency is listed.
    SELECT a.pattern, count(*) AS n
    FROM store.agencies a
    WHERE ($province IS NULL OR a.province = $province) AND ($city IS NULL OR a.city = $city)
      AND ($level IS NULL OR a.level = $level) AND ($agency IS NULL OR contains(a.name, $agency))
    GROUP BY a.pattern
), listed AS MATERIALIZED (
    -- The patterns listed, with their flags and how many agencies have them.
    SELECT c.pattern, c.n, f.first_year,
           coalesce(f.any_missing, false) AS any_missing,
           coalesce(f.any_errors, false) AS any_errors,
           coalesce(f.any_warnings, false) AS any_warnings
    FROM counted c
    LEFT JOIN flags f ON f.pattern = c.pattern
    CROSS JOIN span
    -- No agency is listed when no year is.
    WHERE span.years <> 0 AND c.n > 0
      AND ($status IS NULL OR CASE $status WHEN 'missing' THEN coalesce(f.any_missing, false)
                                           WHEN 'errors' THEN coalesce(f.any_errors, false)
                                           WHEN 'warnings' THEN coalesce(f.any_warnings, false)
                                           WHEN 'ok' THEN coalesce(f.any_ok, false)
                                           -- Every year for an agency that never reported.
                                           WHEN 'none' THEN CASE WHEN c.pattern IS NULL THEN true ELSE f.any_none END
                                           ELSE false END)
), groups AS (
    -- Per combination of flags, the first keys of the order: how many
    -- listed agencies come before it (ahead) and in all (total).
    SELECT g.*,
           coalesce(sum(g.n) OVER (ORDER BY g.any_missing DESC, g.any_errors DESC, g.any_warnings DESC
                                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS ahead,
           sum(g.n) OVER () AS total
    FROM (SELECT any_missing, any_errors, any_warnings, sum(n) AS n FROM listed GROUP BY ALL) g
), wanted AS MATERIALIZED (
    -- The combinations that hold an agency of the page [offset, offset + limit).
    SELECT * FROM groups
    WHERE ahead < coalesce($offset, 0) + coalesce($limit, 50) AND ahead + n > coalesce($offset, 0)
), reach AS MATERIALIZED (
    -- The listed patterns of those combinations.
    SELECT l.pattern, l.first_year, l.any_missing, l.any_errors, l.any_warnings, w.total
    FROM listed l JOIN wanted w USING (any_missing, any_errors, any_warnings)
), top AS (
    -- Their agencies named and in order, as many as reach the page's end
    -- at most: only these agencies' names are sorted, not all 170,000. The
    -- agencies the filters select are joined to the patterns reached by the
    -- pattern they keep (0073), NULL to NULL: before, the selected agencies
    -- were joined to their status rows, and those of the reached patterns
    -- to the agencies again for their names.
    SELECT a.agency_id, a.name AS agency, a.city, a.level, r.first_year, r.total AS agencies_total,
           r.any_missing, r.any_errors, r.any_warnings
    FROM store.agencies a
    JOIN reach r ON r.pattern IS NOT DISTINCT FROM a.pattern
    WHERE ($province IS NULL OR a.province = $province) AND ($city IS NULL OR a.city = $city)
      AND ($level IS NULL OR a.level = $level) AND ($agency IS NULL OR contains(a.name, $agency))
    ORDER BY r.any_missing DESC, r.any_errors DESC, r.any_warnings DESC, a.name, a.agency_id
    LIMIT coalesce($offset, 0) + coalesce($limit, 50)
), page AS MATERIALIZED (
    -- The page within them: its place in the whole list less the offset.
    SELECT t.agency_id, t.agency, t.city, t.level, t.first_year, t.agencies_total,
           (SELECT coalesce(min(ahead), 0) FROM wanted)
           + row_number() OVER (ORDER BY t.any_missing DESC, t.any_errors DESC, t.any_warnings DESC, t.agency, t.agency_id) AS ord
    FROM top t
    QUALIFY ord > coalesce($offset, 0) AND ord <= coalesce($offset, 0) + coalesce($limit, 50)
), cur AS (
    -- The page's agencies' current reports of the selected years, from the
    -- cells their status rows keep (0063: the agency's current reports of
    -- 1990-2100, the only years listed): the page's 50 rows of
    -- store.agency_status are read, where the million current reports were
    -- scanned and probed for them (their ids are spread by name over every
    -- row group): ~1.6 ms less CPU at 1M reports.
    SELECT k.agency_id, k.c.year AS year, k.c.report_id AS report_id, k.c.errors AS errors, k.c.warnings AS warnings
    FROM (SELECT s.agency_id, unnest(s.cells) AS c
          FROM store.agency_status s
          WHERE s.agency_id IN (SELECT agency_id FROM page)) k
    WHERE ($year_from IS NULL OR k.c.year >= $year_from) AND ($year_to IS NULL OR k.c.year <= $year_to)
)
SELECT p.agency_id, p.agency, p.city, p.level, p.agencies_total, y.year,
       CASE
           WHEN c.report_id IS NOT NULL AND c.errors > 0 THEN 'errors'
           WHEN c.report_id IS NOT NULL AND c.warnings > 0 THEN 'warnings'
           WHEN c.report_id IS NOT NULL THEN 'ok'
           WHEN p.first_year < y.year THEN 'missing'
           ELSE 'none'
       END AS status,
       c.report_id, c.errors, c.warnings
FROM page p
CROSS JOIN years y
LEFT JOIN cur c ON c.agency_id = p.agency_id AND c.year = y.year
ORDER BY p.ord, y.year
