-- rollup_rebuild: store.region_rollup from store.figures, for every current report,
-- and the fingerprint of the regions it is summed under.
INSERT INTO store.region_rollup SELECT * FROM store.rollup_rows(0, 9223372036854775807, NULL);
UPDATE store.rollup_state SET regions = store.rollup_regions();
