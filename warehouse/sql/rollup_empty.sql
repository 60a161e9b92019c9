-- rollup_empty: whether store.region_rollup and store.summary_rollup hold no row, so that a
-- bulk load's sums (DB.Bulk, warehouse/rollup.go) are their rows as they are, without
-- rollup_merge.
SELECT NOT EXISTS (SELECT 1 FROM store.region_rollup) AND NOT EXISTS (SELECT 1 FROM store.summary_rollup);
