-- cells_check_stale: 1 when store.figures_by_cell_check (0121) does not
-- hold the copy by cell's watermark and the number and hash of the reports
-- up to it that are not current as they stand: a write by a binary that
-- does not keep the copy's list of stale reports (0108), or a repair by
-- hand, changed them. 0 otherwise.
SELECT (NOT EXISTS (
    SELECT 1 FROM store.figures_by_cell_check c, store.figures_by_cell_state s
    WHERE c.watermark = s.watermark
      AND c.gone = (SELECT count(*) FROM store.reports r WHERE NOT r.is_current AND r.report_id <= s.watermark)
      AND c.gone_hash = (SELECT coalesce(bit_xor(hash(r.report_id)), 0) FROM store.reports r WHERE NOT r.is_current AND r.report_id <= s.watermark)
))::INTEGER;
