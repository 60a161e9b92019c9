-- 0121_cells_check: store.figures_by_cell_check holds what the copy by cell
-- and its list of stale reports (0108) were kept in step with: the
-- watermark, and the number and a hash of the reports up to it that are not
-- current, as this binary's last write that changed them left them. Open
-- computes the same from store.reports (cells_check_stale.sql, ~5 ms of
-- CPU at 1M reports) and empties the copy to be copied again when they
-- differ (warehouse.checkCells).
--
-- Why: 0108's list is kept only by the write paths of a binary that knows
-- it. An older gongkai opening this file (migrate applies only what it
-- knows) and writing it leaves the copy wrong without a word: its retire
-- lists nothing (figure_totals counts the retired report's copied figures),
-- its copy runs copy pending and retired versions unlisted (the same), and
-- its Confirm of a version that was pending when this binary copied its run
-- does not copy it (region_figure, the named query of /regions, then shows
-- that current report's stated figures blank). Each such write changes the
-- reports up to the watermark that are not current, or the watermark:
-- a retire adds a report, a confirm takes one away (and adds the version it
-- replaces), a copy run moves the watermark. A repair by hand of is_current
-- that report_summary follows (checkSummary does not see it) changes them
-- too.
CREATE TABLE store.figures_by_cell_check (
    watermark BIGINT NOT NULL,
    gone BIGINT NOT NULL,
    gone_hash UBIGINT NOT NULL
);
INSERT INTO store.figures_by_cell_check
SELECT s.watermark,
       (SELECT count(*) FROM store.reports r WHERE NOT r.is_current AND r.report_id <= s.watermark),
       (SELECT coalesce(bit_xor(hash(r.report_id)), 0) FROM store.reports r WHERE NOT r.is_current AND r.report_id <= s.watermark)
FROM store.figures_by_cell_state s;
