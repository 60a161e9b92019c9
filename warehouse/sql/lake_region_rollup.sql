-- lake_region_rollup: store.region_rollup for the Parquet lake (see Export),
-- with the folder columns lake_year and lake_province (its own year and
-- province).
SELECT t.*, t.year AS lake_year, t.province AS lake_province
FROM store.region_rollup t
ORDER BY ALL;
