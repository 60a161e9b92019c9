-- 0108_figure_totals_stale: the copy by cell keeps the list of the reports
-- that are not current and whose figures it still holds
-- (store.figures_by_cell_stale), and figure_totals (0107) leaves out the
-- reports of that list instead of every report that is not current.
--
-- 0107's anti-join found the reports to leave out in store.reports: every
-- retired and pending version. On a warehouse with re-uploads that set is
-- never empty, and DuckDB probes each of the copy's 207M rows (at 1M
-- reports) against it: with 3 % of the reports re-uploaded and 0.3 %
-- pending, figure_totals cost 4.4-5.3 s of CPU (2.5-3.2 s wall) against
-- 2.2-2.6 s with none (session 32's review). A per-row test of the copy
-- costs about 1.5 s of CPU at 1M whatever the set holds; an empty build
-- side costs nothing. So the copy now holds the figures of the current
-- reports up to its watermark and of the listed reports, and compaction
-- deletes the listed reports' figures and empties the list:
--
-- - gongkai compact and serve's background pass copy only the reports
--   that are current (cells_copy.sql);
-- - a write that retires a report up to the watermark (a re-upload of its
--   year, a confirmed version) lists it in the same transaction
--   (cells_stale_retire.sql);
-- - a confirmed version up to the watermark that the copy does not hold
--   (pending when its run was copied) is copied in the same transaction,
--   and one the list names (copied, then listed by this migration) leaves
--   the list (cells_confirm.sql, cells_stale_confirm.sql);
-- - CopyCells deletes the listed reports' figures from the copy and empties
--   the list, in one transaction (cells_stale_purge.sql); Open's reset of
--   the copy (cells_reset.sql) empties it too.
--
-- So for every report up to the watermark its figures are in the copy
-- exactly when it is current or listed, and the list holds no current
-- report: the copy without the listed reports is the figures of the
-- current reports up to the watermark, which 0107 read. The reports whose
-- agency row a hand repair removed are still found in store.reports and
-- store.agencies (1M and ~170k rows, a few ms) and left out as 0107 left
-- them out; both sets are empty on a compacted file, and the anti-join's
-- build side with them.
--
-- The copy made by an older gongkai holds every report up to the
-- watermark, current or not: the list starts with the reports up to it
-- that are not current, which the next compaction deletes. A report after
-- the watermark is never listed (its figures are not in the copy).
CREATE TABLE store.figures_by_cell_stale (
    report_id BIGINT NOT NULL
);
INSERT INTO store.figures_by_cell_stale
SELECT report_id FROM store.reports
WHERE NOT is_current AND report_id <= (SELECT watermark FROM store.figures_by_cell_state);

CREATE OR REPLACE VIEW figure_totals AS
SELECT g.year, m.text AS measure, ap.text AS applicant, u.text AS unit,
       sum(g.figures)::BIGINT AS figures, sum(g.stated)::BIGINT AS stated, sum(g.value_sum) AS value_sum
FROM (
    SELECT c.year, c.measure_id, c.applicant_id, c.unit_id,
           count(*) AS figures, count(c.value) AS stated, sum(c.value) AS value_sum
    FROM store.figures_by_cell c
    ANTI JOIN (SELECT report_id FROM store.figures_by_cell_stale
               UNION ALL
               SELECT r.report_id FROM store.reports r
               ANTI JOIN store.agencies a ON a.agency_id = r.agency_id) x ON x.report_id = c.report_id
    GROUP BY c.year, c.measure_id, c.applicant_id, c.unit_id
    UNION ALL
    SELECT r.year, f.measure_id, f.applicant_id, f.unit_id,
           count(*) AS figures, count(f.value) AS stated, sum(f.value) AS value_sum
    FROM store.figures f
    JOIN (SELECT r.report_id, r.year FROM store.reports r
          SEMI JOIN store.agencies a ON a.agency_id = r.agency_id
          WHERE r.is_current AND r.report_id > (SELECT watermark FROM store.figures_by_cell_state)) r
      ON r.report_id = f.report_id
    GROUP BY r.year, f.measure_id, f.applicant_id, f.unit_id
) g
JOIN store.texts m ON m.text_id = g.measure_id
JOIN store.texts ap ON ap.text_id = g.applicant_id
-- A unit's text as report_figures names it (0068: the least text of an id).
LEFT JOIN (SELECT text_id, min(text) AS text FROM store.texts GROUP BY text_id) u ON u.text_id = g.unit_id
GROUP BY g.year, m.text, ap.text, u.text;
