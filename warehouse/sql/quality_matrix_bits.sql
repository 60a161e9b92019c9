-- quality_matrix_bits: queries/quality_matrix.sql (same columns and rows) for a
-- filter with a piece of a name and no region or level, as 报送与质量 asks
-- for its matrix: warehouse.Query runs it instead of the named query when the
-- request has matched the piece once for its queries (MatchPiecesOnce,
-- sql/piece_bits.sql: the agencies whose names hold it, as bits by agency
-- id up to piece_top). The agencies are tested by their bit, where the
-- named query matches the piece against all 170,000 names again (contains:
-- ~7-10 ms of CPU a scan at 1M reports, and it scans them twice).
-- An agency added after the match (its id above piece_top) is not
-- selected here: warehouse.Query then runs the named query (pieceStale).
-- With a region or level the named query matches the piece only in the
-- agencies those select, and the match would cost more than it saves.
-- 1M reports, the 9 page filters with a piece and no region or level,
-- statements kept, 3 rounds interleaved, load ~19: 35.9 and 34.9 ms (the
-- named query twice) -> 28.9 ms of CPU a query.
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
    WHERE a.agency_id <= $piece_top AND get_bit($piece_bits::BIT, least(a.agency_id, $piece_top)::INTEGER) = 1
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
    WHERE a.agency_id <= $piece_top AND get_bit($piece_bits::BIT, least(a.agency_id, $piece_top)::INTEGER) = 1
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
