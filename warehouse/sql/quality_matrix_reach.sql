-- quality_matrix_reach: quality_matrix's page for a filter without a piece
-- of a name, once warehouse.Query has counted in Go (qualityMatrixKept,
-- from the counts qualityCountsKept keeps until the next write) what the
-- named query's span, flags, counted, listed, groups, wanted and reach
-- compute on every run: the patterns the page reaches ($patterns, 0 for
-- the agencies without a current report), each with its first year
-- ($firsts, 0 for none) and the place of its combination of flags in the
-- order ($keys); the agencies listed before those combinations ($ahead)
-- and in all ($total); the years listed ($years). Lists are bound as
-- comma-separated texts, never spliced. From top on this is the named
-- query, word for word but for reach's columns: any change there is made
-- here too, and TestQualityMatrixKept and TestScaleQuality
-- -scale-quality-check hold the two to the same rows.
WITH reach AS MATERIALIZED (
    SELECT unnest(string_split($patterns::VARCHAR, ',')::INTEGER[]) AS pattern,
           unnest(string_split($firsts::VARCHAR, ',')::INTEGER[]) AS first_year,
           unnest(string_split($keys::VARCHAR, ',')::INTEGER[]) AS k
), years AS (
    SELECT unnest(string_split($years::VARCHAR, ',')::INTEGER[]) AS year
), top AS (
    SELECT a.agency_id, a.name AS agency, a.city, a.level, nullif(r.first_year, 0) AS first_year, r.k
    FROM store.agencies a
    JOIN reach r ON r.pattern = coalesce(a.pattern, 0)
    WHERE ($province::VARCHAR IS NULL OR a.province = $province::VARCHAR) AND ($city::VARCHAR IS NULL OR a.city = $city::VARCHAR)
      AND ($level::VARCHAR IS NULL OR a.level = $level::VARCHAR)
    ORDER BY r.k, a.name, a.agency_id
    LIMIT $offset::BIGINT + $limit::BIGINT
), page AS MATERIALIZED (
    SELECT t.agency_id, t.agency, t.city, t.level, t.first_year,
           $ahead::BIGINT + row_number() OVER (ORDER BY t.k, t.agency, t.agency_id) AS ord
    FROM top t
    QUALIFY ord > $offset::BIGINT AND ord <= $offset::BIGINT + $limit::BIGINT
), cur AS (
    SELECT k.agency_id, k.c.year AS year, k.c.report_id AS report_id, k.c.errors AS errors, k.c.warnings AS warnings
    FROM (SELECT s.agency_id, unnest(s.cells) AS c
          FROM store.agency_status s
          WHERE s.agency_id IN (SELECT agency_id FROM page)) k
    WHERE ($year_from::INTEGER IS NULL OR k.c.year >= $year_from::INTEGER) AND ($year_to::INTEGER IS NULL OR k.c.year <= $year_to::INTEGER)
)
SELECT p.agency_id, p.agency, p.city, p.level, $total::BIGINT AS agencies_total, y.year,
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
