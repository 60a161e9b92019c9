-- region_rollup_by_id: queries/region_rollup.sql's sums by measure and
-- applicant id, without naming them: warehouse.Query runs it instead of the
-- named query when store.texts holds each text once (textsUnique) and
-- names the ids, keeps the catalogue's measures and the official applicant
-- columns, blanks a sum of money without a unit and orders the rows in Go
-- (regionRollupByID), from the texts kept by id (textCache) and the
-- catalogue read once an open (measureCatalogue). Same parameters; the
-- rows Query returns are the named query's.
--
-- Why: the named query's joins of the sums to store.texts (165,000 texts at
-- 1M reports, scanned twice for the measure and the applicant) and its
-- two subqueries on store.measures were about half of its CPU, in planning
-- as much as in running: a measure's or applicant's text never changes
-- while the file is open (the writer only appends to store.texts) and
-- store.measures is written only by a read-write Open, before any query.
--
-- zero says whether the sum is 0 (NULL when no report states a value), for
-- a sum of money without a unit, which is shown only when 0; value is the
-- sum as the named query casts it.
SELECT g.measure_id, g.applicant_id,
       sum(g.value)::DOUBLE AS value,
       sum(g.value) = 0 AS zero,
       sum(g.stated)::BIGINT AS stated
FROM store.region_rollup g
WHERE ($year_from IS NULL OR g.year >= $year_from)
  AND ($year_to IS NULL OR g.year <= $year_to)
  AND ($province IS NULL OR g.province = $province)
  AND ($city IS NULL OR g.city = $city)
  AND ($level IS NULL OR g.level = $level)
GROUP BY g.measure_id, g.applicant_id
HAVING sum(g.figures) > 0
