-- cells_stale_count: how many reports store.figures_by_cell_stale lists
-- (0108): CopyCells deletes their figures from the copy when any are.
SELECT count(*) FROM store.figures_by_cell_stale;
