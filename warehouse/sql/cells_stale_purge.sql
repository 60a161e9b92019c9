-- cells_stale_purge: deletes from the copy by cell the figures of the
-- reports store.figures_by_cell_stale lists (retired since they were
-- copied) and empties the list, in one transaction (CopyCells): then
-- figure_totals' anti-join has nothing to leave out of the copy (0108).
DELETE FROM store.figures_by_cell WHERE report_id IN (SELECT report_id FROM store.figures_by_cell_stale);
DELETE FROM store.figures_by_cell_stale;
