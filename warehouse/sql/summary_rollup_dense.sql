-- summary_rollup_dense: writes store.summary_rollup's rows again, as they are, in the
-- order of its groups, so that the next checkpoint drops the row groups its deleted rows
-- fill (see rollup_dense_state). No value changes.
CREATE OR REPLACE TEMP TABLE rollup_dense AS SELECT * FROM store.summary_rollup;
DELETE FROM store.summary_rollup;
INSERT INTO store.summary_rollup SELECT * FROM rollup_dense ORDER BY year, province, city, county, level;
DROP TABLE rollup_dense;
