-- region_rollup_unique_texts: queries/region_rollup.sql (same parameters,
-- columns and rows) for a warehouse whose store.texts holds each text once:
-- warehouse.Query runs it instead of the named query when textsUnique says
-- so. The named query sums the roll-up rows per measure and applicant id,
-- names the ids and sums again per measure and applicant text, so that two
-- ids of one text would make one row. With each text once, an id is a text
-- and the second sum adds one row to nothing: it is left out (the
-- condition on figures moves to the first sum), which saves a hash
-- aggregate, ~3 ms of the query's ~11 ms of CPU a run at 1M reports.
-- A sum of money is shown only when its unit is known: a measure of money
-- whose column the format gives no unit (the 2019 format's 采购总金额,
-- procurement.amount) is stated by each report in 元, in 万元 or, most
-- often, in neither, and the roll-up adds the numbers as they stand, so
-- its sum would add 元 to 万元. Its value is NULL (stated still counts the
-- reports that state it; the page says why the cell is blank) unless the
-- sum is 0, which every report's 0 is in any unit.
-- Any change here is made in the named query too; TestRegionRollupForms
-- holds the two to the same rows.
WITH g AS (
    SELECT g.measure_id, g.applicant_id, sum(g.value) AS value, sum(g.stated) AS stated
    FROM store.region_rollup g
    WHERE ($year_from IS NULL OR g.year >= $year_from)
      AND ($year_to IS NULL OR g.year <= $year_to)
      AND ($province IS NULL OR g.province = $province)
      AND ($city IS NULL OR g.city = $city)
      AND ($level IS NULL OR g.level = $level)
    GROUP BY g.measure_id, g.applicant_id
    HAVING sum(g.figures) > 0
), named AS MATERIALIZED (
    -- Materialized, so that the texts are found by id for these rows
    -- rather than by text for all of them before the join.
    SELECT m.text AS measure, ap.text AS applicant, g.value, g.stated
    FROM g
    JOIN store.texts m ON m.text_id = g.measure_id
    JOIN store.texts ap ON ap.text_id = g.applicant_id
)
SELECT n.measure, n.applicant,
       CASE WHEN n.stated > 0
                 AND (n.value = 0 OR n.measure NOT IN (SELECT code FROM store.measures WHERE kind = 'money' AND coalesce(unit, '') = ''))
            THEN n.value::DOUBLE END AS value,
       n.stated::BIGINT AS stated
FROM named n
WHERE n.measure IN (SELECT code FROM store.measures)
  AND n.applicant IN ('natural', 'business', 'research', 'ngo', 'legal_services', 'other', 'total')
ORDER BY n.measure, n.applicant
