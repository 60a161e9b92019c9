-- cells_state: the copy by cell's watermark and run count, and the last
-- committed report id (the end of what can be copied).
SELECT s.watermark, s.runs, (SELECT coalesce(max(report_id), 0) FROM store.reports) AS last
FROM store.figures_by_cell_state s;
