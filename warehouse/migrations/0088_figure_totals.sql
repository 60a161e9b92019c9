-- 0088_figure_totals: figure_totals, every figure of the current reports
-- summed per year, measure, applicant and unit, for sums over all figures.
--
-- Analysts' sums over every figure (report_figures, GROUP BY measure,
-- applicant, year) group 207M rows by two texts at 1M reports; the group-by
-- on the texts alone is ~3 s of CPU there, whatever the view joins: at 100k
-- reports the same group-by over a table holding the texts themselves (no
-- join at all, stored in load order or by cell) took 0.61-0.83 s of CPU
-- against 0.70-1.06 s through report_figures, and 0.19-0.49 s over the ids.
-- So no definition of report_figures meets 2 s on two cores. This view
-- groups by the ids first and names only the groups: the same sums, at 1M
-- reports 4.9-5.2 s of CPU (2.6-2.9 s wall at load 8) against 6.7-9.0 s
-- (3.6-6.1 s) through report_figures, interleaved, three rounds.
--
-- The rows summed are report_figures': the current reports' figures,
-- derived and narrative ones included, joined in report_figures' bands of
-- 2^20 report ids (0076: a join over ids that span more stops being a lookup
-- by position). unit is the unit a cell names, so procurement.amount in 元
-- and in 万元 stay apart. figures counts the rows (a blank cell is a row),
-- stated the non-blank ones, value_sum their sum (NULL while stated is 0):
-- a DOUBLE sum like report_figures' own, equal to it up to the order the
-- additions run in.
CREATE OR REPLACE VIEW figure_totals AS
SELECT g.year, m.text AS measure, ap.text AS applicant, u.text AS unit, g.figures, g.stated, g.value_sum
FROM (
    SELECT b.year, b.measure_id, b.applicant_id, b.unit_id,
           count(*) AS figures, count(b.value) AS stated, sum(b.value) AS value_sum
    FROM (
        SELECT r.year, f.measure_id, f.applicant_id, f.unit_id, f.value
        FROM store.figures f
        JOIN store.reports r ON r.report_id = f.report_id
        WHERE r.is_current AND r.report_id >= 0 AND r.report_id < 1048576
        UNION ALL
        SELECT r.year, f.measure_id, f.applicant_id, f.unit_id, f.value
        FROM store.figures f
        JOIN store.reports r ON r.report_id = f.report_id
        WHERE r.is_current AND r.report_id >= 1048576 AND r.report_id < 2097152
        UNION ALL
        SELECT r.year, f.measure_id, f.applicant_id, f.unit_id, f.value
        FROM store.figures f
        JOIN store.reports r ON r.report_id = f.report_id
        WHERE r.is_current AND r.report_id >= 2097152 AND r.report_id < 3145728
        UNION ALL
        SELECT r.year, f.measure_id, f.applicant_id, f.unit_id, f.value
        FROM store.figures f
        JOIN store.reports r ON r.report_id = f.report_id
        WHERE r.is_current AND r.report_id >= 3145728 AND r.report_id < 4194304
        UNION ALL
        SELECT r.year, f.measure_id, f.applicant_id, f.unit_id, f.value
        FROM store.figures f
        JOIN store.reports r ON r.report_id = f.report_id
        WHERE r.is_current AND NOT (r.report_id >= 0 AND r.report_id < 4194304)
    ) b
    GROUP BY b.year, b.measure_id, b.applicant_id, b.unit_id
) g
JOIN store.texts m ON m.text_id = g.measure_id
JOIN store.texts ap ON ap.text_id = g.applicant_id
-- A unit's text as report_figures names it (0068: the least text of an id).
LEFT JOIN (SELECT text_id, min(text) AS text FROM store.texts GROUP BY text_id) u ON u.text_id = g.unit_id;
