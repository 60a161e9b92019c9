-- rollup_defer: marks store.region_rollup and store.summary_rollup out of step with the
-- reports inside a bulk load's transaction that leaves its sums to the load's end
-- (DB.Bulk, warehouse/rollup.go): a process that stops before the load merges them leaves
-- no fingerprint, so the next read-write Open rebuilds both (rollup_stale, checkRollup).
-- rollup_merge takes the fingerprint again when the sums are merged.
UPDATE store.rollup_state SET regions = NULL;
