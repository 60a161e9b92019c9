-- 0061_report_figures_unit_list: report_figures (0028, 0038) reads a
-- figure's unit from a list of the unit texts, built once a query, instead
-- of a LEFT JOIN to store.texts, so that a query that does not name unit does
-- not pay for it.
--
-- DuckDB 1.5 removes unused joins before unused columns (0038): a LEFT JOIN
-- whose columns the view's own select list names stays in every query over
-- the view, and each of the 207M figures at 1M reports went through its
-- probe (~0.8 s of the goal query's ~4.5 s of CPU, `select measure,
-- applicant, year, sum(value), count(*) from report_figures group by all`).
-- An expression is dropped with its column when the query does not name it.
--
-- The expression. Unit ids are few (the units a cell names: 元, 万元, 件 …)
-- and only ~0.1 % of figures have one. The list holds the texts of the ids
-- from the smallest unit id to the largest (store.figures' min and max,
-- which DuckDB reads from the column's statistics without a scan), in id
-- order, NULL where no text has the id: unit_id - lo + 1 is the figure's
-- unit's place in it, and an id outside the list is impossible, since lo and
-- hi are the figures' own least and greatest. So every row has the unit the
-- LEFT JOIN gave, NULL without a unit id, on a warehouse whose text ids are
-- each one text (the loader's numbering; 0028 repaired the one exception).
-- Were an id two texts, the join gave the figure twice; the list gives it
-- once, with the least of them (min), and never moves another id's place.
--
-- Why this shape. The list is an uncorrelated scalar subquery, which DuckDB
-- plans as a cross product with its one row; in the select list of the
-- joins' own SELECT, the join order moved that row under the joins and
-- copied the list into the reports' hash table (out of memory), so it is
-- applied to the joined rows in an outer SELECT. The product reads its one
-- row again for every chunk of 2,048 figures, at a cost that grows with the
-- list's length: CASE keeps the lookup itself to the figures with a unit.
-- Measured at 1M reports (read-only, 2 threads, the commit says more):
-- the goal query -10 %; grouped by unit as well, the same as the join
-- within the noise with unit ids 374 to 450 (77 texts). A warehouse whose
-- first and last unit ids are far apart (a unit first met after ~100,000
-- other texts) makes a query that names unit slower (with all 165,216
-- texts in the list: 3x); its figures stay right.
CREATE OR REPLACE VIEW report_figures AS
SELECT f.report_id, f.agency_id, f.agency, f.province, f.city, f.county, f.level, f.year, f.format,
       f.measure, f.applicant, f.value,
       CASE WHEN f.unit_id IS NOT NULL THEN
           (SELECT list(t.text ORDER BY g.i)
            FROM (SELECT min(unit_id) AS lo, max(unit_id) AS hi FROM store.figures) b,
                 range(b.lo, b.hi + 1) g(i)
            LEFT JOIN (SELECT text_id, min(text) AS text FROM store.texts GROUP BY text_id) t
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
