-- quality_by_year_counts: what quality_by_year reads, in one statement (one
-- snapshot), for its form computed in Go (warehouse.qualityByYearKept),
-- kept until the next write: kind 'c', the agencies counted per region,
-- level and pattern (store.agencies.pattern, 0073; NULL without a current
-- report), as quality_by_year's counted counts the selected ones; kind
-- 'p', the patterns' first year and bit sets (store.pattern_bits, 0046);
-- kind 'y', the years 1990-2100 of the groups of store.summary_rollup that
-- count a current report, as its span reads them. At 1M reports ~12,000,
-- 1,500 and a few rows.
SELECT 'c' AS kind, a.province, a.city, a.level, a.pattern, count(*)::BIGINT AS n,
       NULL::INTEGER AS first_year, NULL::HUGEINT AS reported, NULL::HUGEINT AS errors, NULL::HUGEINT AS warnings
FROM store.agencies a
GROUP BY a.province, a.city, a.level, a.pattern
UNION ALL
SELECT 'p', NULL, NULL, NULL, p.pattern, NULL, p.first_year, p.reported, p.errors, p.warnings
FROM store.pattern_bits() p
UNION ALL
SELECT 'y', NULL, NULL, NULL, NULL, NULL, g.year, NULL, NULL, NULL
FROM (SELECT DISTINCT year FROM store.summary_rollup WHERE reports > 0 AND year BETWEEN 1990 AND 2100) g
