-- rollup_dense_state: the rows store.summary_rollup and store.region_rollup hold, the
-- deleted ones included (duckdb_tables' estimated_size counts them until a checkpoint
-- drops their row groups), beside the live ones. Every change of a group deletes its
-- rows and appends them summed again (rollup_merge), so after a bulk load most of
-- what a page's scan of them reads is deleted rows.
SELECT coalesce((SELECT max(estimated_size) FROM duckdb_tables() WHERE schema_name = 'store' AND table_name = 'summary_rollup'), 0),
       (SELECT count(*) FROM store.summary_rollup),
       coalesce((SELECT max(estimated_size) FROM duckdb_tables() WHERE schema_name = 'store' AND table_name = 'region_rollup'), 0),
       (SELECT count(*) FROM store.region_rollup);
