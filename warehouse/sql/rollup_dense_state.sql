-- rollup_dense_state: the rows store.summary_rollup and store.region_rollup hold, the
-- deleted ones included (duckdb_tables' estimated_size counts them until a checkpoint
-- drops their row groups), beside the live ones. Every change of a group deletes its
-- rows and appends them summed again (rollup_merge), so after a bulk load most of
-- what a page's scan of them reads is deleted rows.
--
-- The last two: the blocks of 2,048 rows (DuckDB's vectors) that hold
-- store.region_rollup's live rows, counted once per year they hold, and the
-- blocks plus the years. Rows stored by year (region_rollup_dense) make the
-- first at most the second; rows appended group by group as loads came
-- (the demo's bulk load: every block holds ~10 groups of any year) make it
-- several times more, and region_rollup, which asks for one year, then
-- reads every row group: DuckDB skips a row group (122,880 rows) only when
-- its bounds of year leave the year out. At country 1M (2.19M rows, 18 row
-- groups) region_rollup's CPU fell from 28-34 to 13-18 ms once stored by
-- year; at two-province 1M (2 row groups) within the noise.
--
-- The last four: the same for store.year_reports (0122), whose rows the
-- writer deletes and appends agency by agency (refreshStatus): its rows
-- with the deleted ones, its live rows, and its blocks counted once per
-- year and the blocks plus the years.
SELECT coalesce((SELECT max(estimated_size) FROM duckdb_tables() WHERE schema_name = 'store' AND table_name = 'summary_rollup'), 0),
       (SELECT count(*) FROM store.summary_rollup),
       coalesce((SELECT max(estimated_size) FROM duckdb_tables() WHERE schema_name = 'store' AND table_name = 'region_rollup'), 0),
       (SELECT count(*) FROM store.region_rollup),
       (SELECT count(DISTINCT (year, rowid // 2048)) FROM store.region_rollup),
       (SELECT count(DISTINCT rowid // 2048) + count(DISTINCT year) FROM store.region_rollup),
       coalesce((SELECT max(estimated_size) FROM duckdb_tables() WHERE schema_name = 'store' AND table_name = 'year_reports'), 0),
       (SELECT count(*) FROM store.year_reports),
       (SELECT count(DISTINCT (year, rowid // 2048)) FROM store.year_reports),
       (SELECT count(DISTINCT rowid // 2048) + count(DISTINCT year) FROM store.year_reports);
