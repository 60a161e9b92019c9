-- cells_reset: empties the copy by cell and sets its watermark to 0, when
-- Open finds the reports changed behind the writer (a year edited by hand;
-- see checkSummary): the copy carries each report's year (migration 0036),
-- and the next compaction copies them again as they stand. The list of
-- reports it holds that are no longer current (0108) goes with it.
DELETE FROM store.figures_by_cell;
DELETE FROM store.figures_by_cell_stale;
UPDATE store.figures_by_cell_state SET watermark = 0, runs = 0;
