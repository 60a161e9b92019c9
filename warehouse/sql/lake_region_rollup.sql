-- lake_region_rollup: store.region_rollup for the Parquet lake (see Export),
-- with the folder columns lake_year and lake_province (its own year and
-- province).
--
-- The roll-up adds figures as they stand, whatever their unit, and a
-- measure of money whose column the format gives no unit (the 2019
-- format's 采购总金额, procurement.amount) is stated in 元, in 万元 or in
-- neither: its kept sums add 元 to 万元. region_rollup leaves such a sum
-- NULL unless it is 0; a reader of the lake who sums the rows directly
-- would not, so the lake holds NULL for every such row's value (stated and
-- figures as they are). Keeping the groups whose sum is 0 would not do:
-- region_rollup over the lake adds the groups a filter selects, and the
-- groups written NULL would drop out of that sum, leaving 0 for a region
-- whose amounts are not all 0. So region_rollup over the lake gives NULL
-- where the warehouse gives a sum of 0 for such a measure: a blank, never
-- a mixed sum.
SELECT t.* REPLACE (
           CASE WHEN t.measure_id IN (SELECT x.text_id
                                      FROM store.texts x
                                      JOIN store.measures m ON m.code = x.text
                                      WHERE m.kind = 'money' AND coalesce(m.unit, '') = '')
                THEN NULL ELSE t.value END AS value),
       t.year AS lake_year, t.province AS lake_province
FROM store.region_rollup t
ORDER BY ALL;
