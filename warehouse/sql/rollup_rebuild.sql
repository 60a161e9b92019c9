-- rollup_rebuild: store.region_rollup from store.figures, for every current report.
INSERT INTO store.region_rollup SELECT * FROM store.rollup_rows(0, 9223372036854775807);
