-- 0028_report_figures: repairs the second text with id 1 that 0023 as first
-- written left, and adds the analysts' numbers-only view report_figures.
--
-- The repair. 0023 inserted 元 with an aggregate under a WHERE; when the
-- condition failed (元 already stored, or no fee to convert) it still gave
-- one row, (1, '元'). A warehouse with texts of its own then had two texts
-- with id 1: its first, a measure code (the loader numbers a figure's measure
-- before anything else), and 元. Every figure naming id 1 was decoded twice:
-- report_values listed each figure of that measure again with measure 元
-- (343,328 rows of rules.made at 1M), and summary rows rebuilt since counted
-- them in table_stated. 0023's conversion, and the loader since (its
-- dictionary took the last of the two rows read), gave 元 the id 1 as well.
-- So id 1 stays the measure code's; a unit or cell text naming id 1 means 元
-- (a measure code is neither) and gets 元's own id, an existing one or a new
-- one; rows stored twice alike are kept once; and the summary's table_stated
-- is recounted for the reports with a figure of that measure. On a warehouse
-- without a second text of id 1 nothing changes.
CREATE TEMP TABLE yuan_repair AS
SELECT coalesce((SELECT min(text_id) FROM store.texts WHERE text = '元' AND text_id <> 1),
                (SELECT max(text_id) + 1 FROM store.texts)) AS yuan
WHERE EXISTS (SELECT 1 FROM store.texts WHERE text_id = 1 AND text = '元')
  AND EXISTS (SELECT 1 FROM store.texts WHERE text_id = 1 AND text <> '元');

INSERT INTO store.texts
SELECT yuan, '元' FROM yuan_repair
WHERE NOT EXISTS (SELECT 1 FROM store.texts t WHERE t.text_id = yuan_repair.yuan);

UPDATE store.figures SET unit_id = (SELECT yuan FROM yuan_repair)
WHERE unit_id = 1 AND EXISTS (SELECT 1 FROM yuan_repair);

UPDATE store.figures SET raw_id = (SELECT yuan FROM yuan_repair)
WHERE raw_id = 1 AND EXISTS (SELECT 1 FROM yuan_repair);

DELETE FROM store.texts
WHERE text_id = 1 AND text = '元' AND EXISTS (SELECT 1 FROM yuan_repair);

DELETE FROM store.texts
WHERE rowid NOT IN (SELECT min(rowid) FROM store.texts GROUP BY text_id, text);

-- As store.summary_rows (0006) counts it.
UPDATE store.report_summary s SET table_stated = c.n
FROM (SELECT f.report_id,
             count(f.value) FILTER (WHERE ap.text = 'total' AND m.text NOT LIKE 'narrative.%') AS n
      FROM store.figures f
      JOIN store.texts m ON m.text_id = f.measure_id
      JOIN store.texts ap ON ap.text_id = f.applicant_id
      WHERE EXISTS (SELECT 1 FROM yuan_repair)
        AND f.report_id IN (SELECT report_id FROM store.figures WHERE measure_id = 1)
      GROUP BY f.report_id) c
WHERE s.report_id = c.report_id AND s.table_stated IS DISTINCT FROM c.n;

DROP TABLE yuan_repair;

-- report_figures: the rows of report_values and their figure columns, without
-- the printed text (raw) and the place (at). Every figure of the current
-- reports, long form, for aggregations over all of them: report_values looks
-- raw, at and unit up in store.texts through LEFT JOINs that DuckDB keeps
-- even when a query names none of them, so a group-by over every figure pays
-- for three lookups of 200 million rows (3.8–4.4 s at 1M reports). Here only
-- the unit is looked up: the unit a cell names (procurement.amount in 元 or
-- 万元) is what keeps a sum from adding the two.
CREATE VIEW report_figures AS
SELECT r.report_id, r.agency_id, a.name AS agency, a.province, a.city, a.county, a.level,
       r.year, r.format, m.text AS measure, ap.text AS applicant, f.value, u.text AS unit, f.derived,
       coalesce(f.from_narrative, false) AS from_narrative
FROM store.figures f
JOIN store.reports r ON r.report_id = f.report_id
JOIN store.agencies a ON a.agency_id = r.agency_id
JOIN store.texts m ON m.text_id = f.measure_id
JOIN store.texts ap ON ap.text_id = f.applicant_id
LEFT JOIN store.texts u ON u.text_id = f.unit_id
WHERE r.is_current;
