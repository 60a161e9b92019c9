-- cells_check_stale: 1 when the copy by cell and its list of stale reports
-- (0108) may not be what this binary's writes left, 0 otherwise:
--
-- - store.figures_by_cell_check (0121) does not hold the copy's watermark
--   and the number and hash of the reports up to it that are not current
--   as they stand: a write by a binary that does not keep the list, or a
--   repair by hand of is_current, changed them;
-- - the list names a report that is current, after the watermark, or not
--   in store.reports: a row added by hand (figure_totals would leave a
--   current report's figures out, and the next compaction delete them from
--   the copy);
-- - the copy holds the 新收申请 total (apps.new, total) of a report up to
--   the watermark that is not current and that the list does not name: a
--   row of the list deleted by hand (figure_totals would count a retired
--   version's figures, and region_figure's form by agency too, and no
--   compaction deletes them: it deletes what the list names).
--
-- The copy holds all of a report's figures or none (a run copies them
-- together, a purge deletes them together), so one figure tells; the one
-- every report of table 三 has is looked for, since the copy's order
-- (measure_id, applicant_id first) lets DuckDB's zone maps read that cell's
-- row groups only: 33 ms of CPU at 1M reports with 3 % of them retired and
-- unlisted, against ~1.0 s for every figure of theirs (a read-only Open at
-- 1M costs ~1.4 s). A retired version without that figure is not seen.
SELECT (NOT EXISTS (
    SELECT 1 FROM store.figures_by_cell_check c, store.figures_by_cell_state s
    WHERE c.watermark = s.watermark
      AND c.gone = (SELECT count(*) FROM store.reports r WHERE NOT r.is_current AND r.report_id <= s.watermark)
      AND c.gone_hash = (SELECT coalesce(bit_xor(hash(r.report_id)), 0) FROM store.reports r WHERE NOT r.is_current AND r.report_id <= s.watermark)
) OR EXISTS (
    SELECT 1 FROM store.figures_by_cell_stale l
    LEFT JOIN (SELECT r.report_id FROM store.reports r, store.figures_by_cell_state s
               WHERE NOT r.is_current AND r.report_id <= s.watermark) g ON g.report_id = l.report_id
    WHERE g.report_id IS NULL
) OR EXISTS (
    SELECT 1 FROM store.figures_by_cell c
    WHERE c.measure_id IN (SELECT text_id FROM store.texts WHERE text = 'apps.new')
      AND c.applicant_id IN (SELECT text_id FROM store.texts WHERE text = 'total')
      AND c.report_id IN (SELECT r.report_id FROM store.reports r, store.figures_by_cell_state s
                          WHERE NOT r.is_current AND r.report_id <= s.watermark
                            AND r.report_id NOT IN (SELECT report_id FROM store.figures_by_cell_stale))
))::INTEGER;
