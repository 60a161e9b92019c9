-- 0094_figure_totals_copy: figure_totals (0088) reads the copy by cell, and
-- groups by the named texts.
--
-- The groups are the texts, not their ids: 0088 grouped by the ids and named
-- the groups after, so a text stored under two ids (a file edited by hand,
-- or one from the time of migration 0023) came out as two rows with the same
-- year, measure, applicant and unit, each with part of the sum, where
-- report_figures grouped by its texts gives one. The sums by id are now
-- summed again by the names they take (a group-by over ~1,300 rows at 1M
-- reports): the rows of a GROUP BY year, measure, applicant, unit of
-- report_figures.
--
-- The figures of the reports up to store.figures_by_cell_state.watermark
-- are read from the copy by cell (0032), which carries each report's year
-- (0036) and, since 0093, each figure's unit: no join of its 207M rows (at
-- 1M reports) to store.reports, only an anti-join with the reports that are
-- not current (retired and pending versions, a few at most). The copy holds
-- every figure of every report up to the watermark and none after it (a run
-- copies and moves the watermark in one transaction; anything that changes
-- the figures, a report's year or its agency empties it and sets 0), and
-- the reports it copied are never deleted, so the current reports' figures
-- there are the copied rows of reports that are current. The figures of the
-- reports after the watermark are read from store.figures, joined to the
-- current reports after the watermark. Only the reports carry the filter on
-- the watermark: DuckDB then builds the join on them (a few thousand after
-- a compaction; none, and store.figures is not read) and skips the
-- figures' row groups outside their ids; with the filter on the figures'
-- side too it was applied after the join, to every row (0.5 s of CPU at
-- 100k reports with the copy empty), and a form tried in session 30, which
-- joined the union of the copy and the tail to the reports, made DuckDB
-- build the join on the figures (19-52 s at 100k). The anti-join is written
-- as one: as NOT EXISTS DuckDB planned a delim join that took 1.3 s of CPU
-- at 100k reports against 0.28 s.
--
-- An upgraded file's copy is empty until gongkai compact or serve's
-- background pass copies it (0093): the view then reads every figure from
-- store.figures, the same rows, at about 0088's cost; past 2^20 report ids
-- that join is a hash join (see 0076), slower by up to a third, until the
-- copy is made.
--
-- At 1M reports, the copy made, through the analysts' sandbox (read-only,
-- 2GB; select measure, applicant, year, sum(value_sum), sum(figures) ...
-- group by all), 0088's form, this one and report_figures' group-by
-- interleaved, four rounds under the lock, load average 16: CPU 2.03-2.50 s
-- against 4.77-5.94 s (report_figures 6.45-6.76 s), best wall 1,144 ms
-- against 2,720 ms (3,694 ms); the same 1,288 groups, no sum apart by more
-- than 1e-9 of itself (at most 1.1e-8). The copy empty (an upgraded file):
-- 4.55-4.79 s against 4.63-5.89 s of CPU, three rounds. At 100k reports
-- (raw DuckDB, not under the lock): the copy made 274-337 ms of CPU against
-- 758-820, half made 478-498 against 601-704, empty 524-548 against
-- 526-679.
CREATE OR REPLACE VIEW figure_totals AS
SELECT g.year, m.text AS measure, ap.text AS applicant, u.text AS unit,
       sum(g.figures)::BIGINT AS figures, sum(g.stated)::BIGINT AS stated, sum(g.value_sum) AS value_sum
FROM (
    SELECT c.year, c.measure_id, c.applicant_id, c.unit_id,
           count(*) AS figures, count(c.value) AS stated, sum(c.value) AS value_sum
    FROM store.figures_by_cell c
    ANTI JOIN (SELECT report_id FROM store.reports WHERE NOT is_current) x ON x.report_id = c.report_id
    GROUP BY c.year, c.measure_id, c.applicant_id, c.unit_id
    UNION ALL
    SELECT r.year, f.measure_id, f.applicant_id, f.unit_id,
           count(*) AS figures, count(f.value) AS stated, sum(f.value) AS value_sum
    FROM store.figures f
    JOIN store.reports r ON r.report_id = f.report_id
    WHERE r.is_current AND r.report_id > (SELECT watermark FROM store.figures_by_cell_state)
    GROUP BY r.year, f.measure_id, f.applicant_id, f.unit_id
) g
JOIN store.texts m ON m.text_id = g.measure_id
JOIN store.texts ap ON ap.text_id = g.applicant_id
-- A unit's text as report_figures names it (0068: the least text of an id).
LEFT JOIN (SELECT text_id, min(text) AS text FROM store.texts GROUP BY text_id) u ON u.text_id = g.unit_id
GROUP BY g.year, m.text, ap.text, u.text;
