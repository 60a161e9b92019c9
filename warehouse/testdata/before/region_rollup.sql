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
-- A sum of money is shown only when its unit is known: a measure of money
-- whose column the format gives no unit (the 2019 format's 采购总金额,
-- procurement.amount) is stated by each report in 元, in 万元 or, most
-- often, in neither, and the roll-up adds the numbers as they stand, so
-- its sum would add 元 to 万元. Its value is NULL (stated still counts the
-- reports that state it; the page says why the cell is blank) unless the
-- sum is 0, which every report's 0 is in any unit.
WITH m AS (
    SELECT t.text_id, t.text FROM store.texts t WHERE t.text IN (SELECT code FROM store.measures)
), ap AS (
    SELECT t.text_id, t.text FROM store.texts t
    WHERE t.text IN ('natural', 'business', 'research', 'ngo', 'legal_services', 'other', 'total')
)
SELECT m.text AS measure, ap.text AS applicant,
       CASE WHEN sum(g.stated) > 0
                 AND (sum(g.value) = 0 OR m.text NOT IN (SELECT code FROM store.measures WHERE kind = 'money' AND coalesce(unit, '') = ''))
            THEN sum(g.value)::DOUBLE END AS value,
       sum(g.stated)::BIGINT AS stated
FROM store.region_rollup g
JOIN m ON m.text_id = g.measure_id
JOIN ap ON ap.text_id = g.applicant_id
WHERE ($year_from IS NULL OR g.year >= $year_from)
  AND ($year_to IS NULL OR g.year <= $year_to)
  AND ($province IS NULL OR g.province = $province)
  AND ($city IS NULL OR g.city = $city)
  AND ($level IS NULL OR g.level = $level)
GROUP BY m.text, ap.text
HAVING sum(g.figures) > 0
ORDER BY m.text, ap.text
