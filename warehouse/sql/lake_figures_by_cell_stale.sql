-- lake_figures_by_cell_stale: the list of reports the copy by cell holds but
-- figure_totals leaves out (0108), for the Parquet lake: empty, as the
-- lake's copy is (lake_figures_by_cell.sql).
SELECT * FROM store.figures_by_cell_stale WHERE false;
