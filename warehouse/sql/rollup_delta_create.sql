-- rollup_delta_create: the changes to store.region_rollup one transaction collects
-- and to store.summary_rollup (connection-local), merged by rollup_merge before it commits.
CREATE OR REPLACE TEMP TABLE rollup_delta AS SELECT * FROM store.region_rollup LIMIT 0;
CREATE OR REPLACE TEMP TABLE summary_rollup_delta AS SELECT * FROM store.summary_rollup LIMIT 0;
