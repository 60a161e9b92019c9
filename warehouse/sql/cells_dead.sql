-- cells_dead: the rows of the copy by cell that scans still read, its live
-- rows, and its watermark. DuckDB keeps a deleted row (a purged report's
-- figure, cells_stale_purge.sql) in its row group, and duckdb_tables'
-- estimated_size counts it, until the row group is written again; count(*)
-- costs ~4 ms at 1M reports on a copy with none (DuckDB reads the row
-- count) and ~0.6 s on one with 3 % deleted (CopyCells asks only when the
-- stale list names a report, or for gongkai compact).
SELECT coalesce((SELECT max(estimated_size) FROM duckdb_tables()
                 WHERE schema_name = 'store' AND table_name = 'figures_by_cell'), 0),
       (SELECT count(*) FROM store.figures_by_cell),
       (SELECT watermark FROM store.figures_by_cell_state);
