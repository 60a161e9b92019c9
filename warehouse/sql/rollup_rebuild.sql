-- rollup_rebuild: store.region_rollup from store.figures and store.summary_rollup from
-- store.report_summary, for every current report, and the fingerprint of the regions
-- they are summed under.
INSERT INTO store.region_rollup SELECT * FROM store.rollup_rows(0, 9223372036854775807, NULL);
INSERT INTO store.summary_rollup SELECT * FROM store.summary_rollup_rows(0, 9223372036854775807, NULL);
UPDATE store.rollup_state SET regions = store.rollup_regions();
