-- rollup_fingerprint: the fingerprint of the regions store.region_rollup and
-- store.summary_rollup are summed under, taken again once a bulk load's sums are written
-- into them (DB.Bulk; rollup_merge takes it when it merges).
UPDATE store.rollup_state SET regions = store.rollup_regions();
