-- cells_reset: empties the copy by cell and sets its watermark to 0, when
-- Open finds the reports changed behind the writer (a year edited by hand;
-- see checkSummary): the copy carries each report's year (migration 0036),
-- and the next compaction copies them again as they stand.
DELETE FROM store.figures_by_cell;
UPDATE store.figures_by_cell_state SET watermark = 0, runs = 0;
