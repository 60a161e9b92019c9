-- quality_by_year_bits: queries/quality_by_year.sql (same columns and rows) for a
-- filter with a piece of a name and no region or level, as 报送与质量 asks
-- for its chart: warehouse.Query runs it instead of the named query when the
-- request has matched the piece once for its queries (MatchPiecesOnce,
-- sql/piece_bits.sql: the agencies whose names hold it, as bits by agency
-- id up to piece_top). The agencies are tested by their bit, where the
-- named query matches the piece against all 170,000 names again (contains:
-- ~7-10 ms of CPU a scan at 1M reports).
-- An agency added after the match (its id above piece_top) is not
-- selected here: warehouse.Query then runs the named query (pieceStale).
-- With a region or level the named query matches the piece only in the
-- agencies those select, and the match would cost more than it saves.
-- 1M reports, the 9 page filters with a piece and no region or level,
-- statements kept, 3 rounds interleaved, load ~19: 13.2 and 13.1 ms (the
-- named query twice) -> 9.5 ms of CPU a query.
-- Any change here is made in the named query too; TestQualityBitsForms
-- holds the two to the same rows.
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
    -- ($piece_top IS NOT NULL leaves the parameter without a type until a
    -- value is bound, so that Query keeps the statement: kept.go.)
    WHERE $piece_top IS NOT NULL AND a.agency_id <= $piece_top AND get_bit($piece_bits::BIT, least(a.agency_id, $piece_top)::INTEGER) = 1
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
