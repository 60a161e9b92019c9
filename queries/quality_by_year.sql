-- name: quality_by_year
-- title: 报送与质量（按年度）
-- params: year_from, year_to, province, city, level, agency
-- columns: year, reported, missing, with_errors, with_warnings
-- Per year: agencies with a current report, agencies missing one, and
-- reports with errors or (only) warnings. An agency is expected to report
-- from the first year it reported on: a new agency whose first report is for
-- 2024 is not missing in 2019–2023. (agencies.expected is not used: it is
-- true for every agency and would make each of them missing in every year.)
-- Counted over store.agency_status (0020; its patterns read through store.pattern_bits),
-- one row per agency with its first year and its years as bits, instead of
-- the million current reports: an agency has at most one current report a
-- year, so the reports of a year are the agencies with its bit.
-- The selected agencies are first counted per pattern of first year and
-- bits (store.agency_status.pattern, numbered in store.status_patterns,
-- 0046: 1,485 at 1M reports), and the patterns, not the 170,000 agencies,
-- are tested for each year. Before 0046 the agencies were grouped by their
-- first year and three 128-bit sets on every request (~10 ms of CPU at 1M
-- reports). Without a region, level or piece of a name the status rows are not
-- joined to the agencies at all (one branch of sel or the other is empty:
-- the parameters are known when DuckDB plans the query; every status row
-- has its agency, both written by the writer, and no agency is deleted).
-- The selected agencies as one bit string (bitstring_agg over
-- store.agencies, tested by get_bit on each status row) was slower (1M
-- reports, 36 page filters with a piece of a name, 3 rounds alternated,
-- mean best CPU 16.2 -> 31.1 ms, the same text 15.4).
-- Since 0073 the selected agencies are counted per pattern from the one
-- each keeps (store.agencies.pattern), one scan without a join (1M
-- reports, 108 page filters, 3 rounds interleaved: CPU 11.4 -> 9.2 ms a
-- query; a province 14.7 -> 9.9).
-- Measured without gain (session 39, 1M reports, branch quality d80489d):
-- counted read from a kept table of the agencies per region, level and
-- pattern (store.quality_counts, ~12,300 rows, kept by the writer with a
-- MERGE before and after each transaction): 78 filters without a piece,
-- kept statements, interleaved in one hold, rows equal, 9.9 / 10.2 -> 8.9
-- / 9.2 ms of CPU a query; /quality's page A/B showed nothing through the
-- noise, and the two MERGEs cost ~26 ms of CPU a load group of 4,096
-- reports (most of it binding the id list). Planning, not the agencies'
-- scan, is most of this query's cost.
-- For a filter without a piece of a name warehouse.Query computes these
-- rows in Go (warehouse/quality_by_year.go, qualityByYearKept) from what
-- this query reads, kept until the next write: the agencies counted per
-- region, level and pattern, the patterns' bit sets and the years
-- reported (sql/quality_by_year_counts.sql, one statement a generation).
-- 1M reports, the page's 88 filters, interleaved in one hold: 8.1 / 9.8
-- -> 3.7 / 3.3 ms of CPU a query (0.4 without a piece). Any change here is
-- made there too; TestQualityByYearKept holds the two to the same rows
-- after every kind of write, and TestScaleQuality -scale-quality-check at
-- scale.
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
    SELECT y::INTEGER AS year, store.year_bit(y) AS bit
    FROM range(1990, 2101) t(y), span WHERE (span.years & store.year_bit(y)) <> 0
), counted AS MATERIALIZED (
    -- The selected agencies counted per pattern, the one each keeps
    -- (store.agencies.pattern, 0073; NULL: no current report): one scan of
    -- the agencies, where the status rows were joined to the agencies the
    -- filters select. The agencies without a report are counted too, for
    -- whether the filters select any agency at all.
    SELECT a.pattern, count(*) AS n
    FROM store.agencies a
    WHERE ($province IS NULL OR a.province = $province) AND ($city IS NULL OR a.city = $city)
      AND ($level IS NULL OR a.level = $level) AND ($agency IS NULL OR contains(a.name, $agency))
    GROUP BY a.pattern
), sel AS (
    -- The patterns of the selected agencies with a current report (the
    -- join drops the NULL pattern), with how many agencies have each.
    SELECT p.first_year, p.reported, p.errors, p.warnings, s.n
    FROM counted s
    JOIN store.pattern_bits() p USING (pattern)
)
SELECT y.year,
       coalesce(sum(s.n) FILTER (WHERE (s.reported & y.bit) <> 0), 0)::BIGINT AS reported,
       coalesce(sum(s.n) FILTER (WHERE s.first_year < y.year AND (s.reported & y.bit) = 0), 0)::BIGINT AS missing,
       coalesce(sum(s.n) FILTER (WHERE (s.errors & y.bit) <> 0), 0)::BIGINT AS with_errors,
       coalesce(sum(s.n) FILTER (WHERE (s.warnings & y.bit) <> 0), 0)::BIGINT AS with_warnings
FROM years y
LEFT JOIN sel s ON true
-- No year is listed when the filters select no agency: read from counted,
-- where a second scan of the agencies (EXISTS over selected_agencies) was
-- (1M reports, the bench's 108 /quality filters, kept statements, 3
-- rounds timed interleaved: CPU 7.8 and 7.9 (the old text twice) -> 7.4
-- ms a query).
WHERE EXISTS (SELECT 1 FROM counted)
GROUP BY y.year
ORDER BY y.year
