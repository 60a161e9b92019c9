-- rollup_stale: whether the regions store.region_rollup was summed under differ
-- from the agencies' regions as they stand (an UPDATE by hand, outside the writer).
SELECT count(*) FROM store.rollup_state WHERE regions IS DISTINCT FROM store.rollup_regions();
