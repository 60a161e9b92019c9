-- rollup_clear: empties store.region_rollup and store.summary_rollup before rollup_rebuild.
DELETE FROM store.region_rollup;
DELETE FROM store.summary_rollup;
