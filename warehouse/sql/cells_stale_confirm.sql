-- cells_stale_confirm: takes report $1, made current in this transaction,
-- off store.figures_by_cell_stale (after cells_confirm): its figures in the
-- copy count again.
DELETE FROM store.figures_by_cell_stale WHERE report_id = $1;
