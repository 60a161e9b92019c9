-- rollup_clear: empties store.region_rollup before rollup_rebuild.
DELETE FROM store.region_rollup;
