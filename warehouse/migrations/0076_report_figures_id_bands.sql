-- 0076_report_figures_id_bands: report_figures (0068) joins the figures to
-- the current reports in bands of 2^20 report ids, so that the join stays a
-- lookup by position in each band past a million report ids.
--
-- DuckDB 1.5 probes a join's build side by array index (a perfect hash join)
-- only when the build keys span at most 2^20 (1,048,576) values; past that
-- it builds a hash table. The bench's 1M warehouse ends at report id
-- 1,000,204, just under; a warehouse of a million current reports with
-- second versions, or of a little more than a million, passes it, and the
-- analysts' all-figures group-by then took a third more CPU (1M reports,
-- read-only, 2 threads, the join key spread over 2M values: 6.0 -> 8.0-8.2 s,
-- wall 3.3 -> 4.4-4.5 s). With the bands each stays an array lookup: a 100k
-- warehouse with half its ids moved past 2^20 took 854-1,105 -> 712-809 ms
-- of CPU a group-by (five rounds, interleaved); under 2^20 one band does the
-- work and the others read nothing (the planner finds them empty from the
-- ids' statistics), within the noise at 1M (two holds: +2-3 %, -4 %).
--
-- The bands are [k*2^20, (k+1)*2^20) for k < 4 (4,194,304 ids: the country's
-- 2008-2025 reports and their versions) and one of every other id; each
-- report is in exactly one, so the rows are 0068's (TestReportFiguresBands-
-- AsOneJoin: ids on both sides of every edge and past the last). The text
-- joins and the unit list are 0068's, above the bands, and the unit's list
-- stays behind the subquery (a list under a join's build side is copied for
-- every row). A band's figures are not filtered by id: the join's filter on
-- its reports' least and greatest id skips the figures' other row groups
-- (they are stored by report).
CREATE OR REPLACE VIEW report_figures AS
SELECT f.report_id, f.agency_id, f.agency, f.province, f.city, f.county, f.level, f.year, f.format,
       f.measure, f.applicant, f.value,
       CASE WHEN f.unit_id IS NOT NULL THEN
           (SELECT list(t.text ORDER BY g.i)
            FROM (SELECT min(unit_id) AS lo, max(unit_id) AS hi FROM store.figures) b,
                 range(b.lo, b.hi + 1) g(i)
            LEFT JOIN (SELECT text_id, min(text) AS text FROM store.texts
                       WHERE text_id BETWEEN (SELECT min(unit_id) FROM store.figures)
                                         AND (SELECT max(unit_id) FROM store.figures)
                       GROUP BY text_id) t
                   ON t.text_id = g.i)[f.unit_id - (SELECT min(unit_id) FROM store.figures) + 1]
       END AS unit,
       f.derived, f.from_narrative
FROM (SELECT b.report_id, b.agency_id, b.agency, b.province, b.city, b.county, b.level,
             b.year, b.format, m.text AS measure, ap.text AS applicant, b.value, b.unit_id, b.derived,
             coalesce(b.from_narrative, false) AS from_narrative
      FROM (
            SELECT r.report_id, r.agency_id, a.name AS agency, a.province, a.city, a.county, a.level,
                   r.year, r.format, f.measure_id, f.applicant_id, f.value, f.unit_id, f.derived, f.from_narrative
            FROM store.figures f
            JOIN store.reports r ON r.report_id = f.report_id
            JOIN store.agencies a ON a.agency_id = r.agency_id
            WHERE r.is_current AND r.report_id >= 0 AND r.report_id < 1048576
            UNION ALL
            SELECT r.report_id, r.agency_id, a.name AS agency, a.province, a.city, a.county, a.level,
                   r.year, r.format, f.measure_id, f.applicant_id, f.value, f.unit_id, f.derived, f.from_narrative
            FROM store.figures f
            JOIN store.reports r ON r.report_id = f.report_id
            JOIN store.agencies a ON a.agency_id = r.agency_id
            WHERE r.is_current AND r.report_id >= 1048576 AND r.report_id < 2097152
            UNION ALL
            SELECT r.report_id, r.agency_id, a.name AS agency, a.province, a.city, a.county, a.level,
                   r.year, r.format, f.measure_id, f.applicant_id, f.value, f.unit_id, f.derived, f.from_narrative
            FROM store.figures f
            JOIN store.reports r ON r.report_id = f.report_id
            JOIN store.agencies a ON a.agency_id = r.agency_id
            WHERE r.is_current AND r.report_id >= 2097152 AND r.report_id < 3145728
            UNION ALL
            SELECT r.report_id, r.agency_id, a.name AS agency, a.province, a.city, a.county, a.level,
                   r.year, r.format, f.measure_id, f.applicant_id, f.value, f.unit_id, f.derived, f.from_narrative
            FROM store.figures f
            JOIN store.reports r ON r.report_id = f.report_id
            JOIN store.agencies a ON a.agency_id = r.agency_id
            WHERE r.is_current AND r.report_id >= 3145728 AND r.report_id < 4194304
            UNION ALL
            SELECT r.report_id, r.agency_id, a.name AS agency, a.province, a.city, a.county, a.level,
                   r.year, r.format, f.measure_id, f.applicant_id, f.value, f.unit_id, f.derived, f.from_narrative
            FROM store.figures f
            JOIN store.reports r ON r.report_id = f.report_id
            JOIN store.agencies a ON a.agency_id = r.agency_id
            WHERE r.is_current AND NOT (r.report_id >= 0 AND r.report_id < 4194304)
      ) b
      JOIN store.texts m ON m.text_id = b.measure_id
      JOIN store.texts ap ON ap.text_id = b.applicant_id) f;
