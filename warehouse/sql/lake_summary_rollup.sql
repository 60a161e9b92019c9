-- lake_summary_rollup: store.summary_rollup for the Parquet lake (see Export),
-- with the folder columns lake_year and lake_province (its own year and
-- province).
SELECT t.*, t.year AS lake_year, t.province AS lake_province
FROM store.summary_rollup t
ORDER BY ALL;
