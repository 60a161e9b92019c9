-- 0068_report_figures_unit_texts: report_figures (0061) builds its list of
-- unit texts from the texts whose ids lie between the figures' least and
-- greatest unit id, not from all of store.texts.
--
-- DuckDB plans 0061's list (an uncorrelated scalar subquery) in every query
-- over the view, whether or not it names unit, and the list's GROUP BY read
-- and grouped every text first (165,216 at 1M reports) only for the join to
-- keep the ~80 ids from lo to hi: ~10-20 ms of CPU (and up to ~15 ms of wall)
-- each query. That is lost in the all-figures group-by (~2 s) but is most of
-- a query of one report's figures (`select * from report_figures where
-- report_id = …`: 23-30 ms -> 13-14 ms at 1M reports, read-only, 2 threads).
-- The bounds are the same min and max of store.figures.unit_id the list is
-- built on (DuckDB reads them from the column's statistics), so the list
-- keeps every text of an id in [lo, hi] it had, in the same place: the rows
-- and units are 0061's. The view is otherwise 0061's, and a query that
-- names no unit still reads no unit.
--
-- Numbered after 0061, which replaces the same view: on a new warehouse the
-- migrations run in number order, so a lower number would be replaced.
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
FROM (SELECT r.report_id, r.agency_id, a.name AS agency, a.province, a.city, a.county, a.level,
             r.year, r.format, m.text AS measure, ap.text AS applicant, f.value, f.unit_id, f.derived,
             coalesce(f.from_narrative, false) AS from_narrative
      FROM store.figures f
      JOIN store.reports r ON r.report_id = f.report_id
      JOIN store.agencies a ON a.agency_id = r.agency_id
      JOIN store.texts m ON m.text_id = f.measure_id
      JOIN store.texts ap ON ap.text_id = f.applicant_id
      WHERE r.is_current) f;
