-- cells_stale_retire: lists in store.figures_by_cell_stale the reports of
-- list $1 up to the copy by cell's watermark, which reports_retire retires
-- in the same transaction: they were current, so the copy holds their
-- figures (0108), and figure_totals leaves them out by this list until
-- CopyCells deletes them (cells_stale_purge.sql). One already listed is
-- not listed twice.
INSERT INTO store.figures_by_cell_stale
SELECT DISTINCT id FROM (SELECT unnest($1::BIGINT[]) AS id)
WHERE id <= (SELECT watermark FROM store.figures_by_cell_state)
  AND id NOT IN (SELECT report_id FROM store.figures_by_cell_stale);
