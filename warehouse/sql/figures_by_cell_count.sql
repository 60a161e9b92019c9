-- figures_by_cell_count: the rows migration 0029 copied, to compare with
-- those of store.figures before it replaces the table.
SELECT count(*) FROM store.figures_by_cell;
