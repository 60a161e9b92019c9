-- region_rollup_dense: writes store.region_rollup's rows again, as they are, by year and
-- group, so that the next checkpoint drops the row groups its deleted rows fill (see
-- rollup_dense_state) and a year's rows share row groups. No value changes.
CREATE OR REPLACE TEMP TABLE rollup_dense AS SELECT * FROM store.region_rollup;
DELETE FROM store.region_rollup;
INSERT INTO store.region_rollup SELECT * FROM rollup_dense ORDER BY year, province, city, level, measure_id, applicant_id;
DROP TABLE rollup_dense;
