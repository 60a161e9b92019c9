-- name: region_rollup
-- title: 地区汇总：各项数字之和（官方表格口径）
-- params: year_from, year_to, province, city, level
-- columns: measure, applicant, value, stated
-- Every figure of the official tables (each measure of the catalogue, each
-- applicant column) summed over the current reports of the agencies the
-- region and level select, for the year (year_from = year_to). stated counts
-- the reports that state the figure; a report that leaves it blank, or
-- whose format has no such cell, adds nothing to value and is not counted,
-- so that value is NULL when no report states it. The sums come from
-- store.region_rollup, which the writer keeps per year, region and level
-- (migration 0015): a few hundred rows a group instead of every figure of
-- the year. A cell is listed when some selected report has it, blank or not.
--
-- A sum of money is shown only when its unit is known: a measure of money
-- whose column the format gives no unit (the 2019 format's 采购总金额,
-- procurement.amount) is stated by each report in 元, in 万元 or, most
-- often, in neither, and the roll-up adds the numbers as they stand, so
-- its sum would add 元 to 万元. Its value is NULL (stated still counts the
-- reports that state it; the page says why the cell is blank) unless the
-- sum is 0, which every report's 0 is in any unit.
--
-- The roll-up rows are summed per measure and applicant id first and only
-- the few hundred ids are then named: looking the measure codes up among
-- all of store.texts (every distinct cell text, 165,000 at 1M reports) by
-- text was half of the query.
-- warehouse.Query runs warehouse/sql/region_rollup_by_id.sql instead when
-- no text repeats: the sums by id, named, kept and ordered in Go from the
-- texts kept by id and the catalogue read once an open (regionRollupByID;
-- same rows, TestRegionRollupForms). Any change here is made there too.
WITH g AS (
    SELECT g.measure_id, g.applicant_id, sum(g.value) AS value, sum(g.stated) AS stated, sum(g.figures) AS figures
    FROM store.region_rollup g
    WHERE ($year_from IS NULL OR g.year >= $year_from)
      AND ($year_to IS NULL OR g.year <= $year_to)
      AND ($province IS NULL OR g.province = $province)
      AND ($city IS NULL OR g.city = $city)
      AND ($level IS NULL OR g.level = $level)
    GROUP BY g.measure_id, g.applicant_id
), named AS MATERIALIZED (
    -- Materialized, so that the texts are found by id for these rows
    -- rather than by text for all of them before the join.
    SELECT m.text AS measure, ap.text AS applicant, g.value, g.stated, g.figures
    FROM g
    JOIN store.texts m ON m.text_id = g.measure_id
    JOIN store.texts ap ON ap.text_id = g.applicant_id
)
SELECT n.measure, n.applicant,
       CASE WHEN sum(n.stated) > 0
                 AND (sum(n.value) = 0 OR n.measure NOT IN (SELECT code FROM store.measures WHERE kind = 'money' AND coalesce(unit, '') = ''))
            THEN sum(n.value)::DOUBLE END AS value,
       sum(n.stated)::BIGINT AS stated
FROM named n
WHERE n.measure IN (SELECT code FROM store.measures)
  AND n.applicant IN ('natural', 'business', 'research', 'ngo', 'legal_services', 'other', 'total')
GROUP BY n.measure, n.applicant
HAVING sum(n.figures) > 0
ORDER BY n.measure, n.applicant
