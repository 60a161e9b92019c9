-- 0007_narrative_source: which figures were read from a report's narrative.
--
-- A report without the statutory tables states its figures in sentences;
-- ingest reads them into the tables' measure codes and marks them
-- (gongkai.Value.Source = "narrative"). from_narrative keeps that mark, so
-- that pages and exports can tell a figure typed into a table from one read
-- out of a sentence (whose raw text is that sentence). Rows loaded before
-- this migration hold NULL, which the views read as false: they were table
-- cells, or narrative.* measures whose code says where they came from. (A
-- DEFAULT here fails inside the migration's transaction with the
-- configuration locked.)
ALTER TABLE store.figures ADD COLUMN from_narrative BOOLEAN;

-- The decoded figures of every report version (0002), with the new column.
CREATE OR REPLACE VIEW store.report_values AS
SELECT f.report_id, m.text AS measure, ap.text AS applicant, f.value, u.text AS unit,
       raw.text AS raw, loc.text AS "at", f.derived, coalesce(f.from_narrative, false) AS from_narrative
FROM store.figures f
JOIN store.texts m ON m.text_id = f.measure_id
JOIN store.texts ap ON ap.text_id = f.applicant_id
LEFT JOIN store.texts u ON u.text_id = f.unit_id
LEFT JOIN store.texts raw ON raw.text_id = f.raw_id
LEFT JOIN store.texts loc ON loc.text_id = f.at_id;

-- The figures of current reports (0002), with from_narrative at the end:
-- columns are only ever added at the end of a view.
CREATE OR REPLACE VIEW report_values AS
SELECT r.report_id, r.agency_id, a.name AS agency, a.province, a.city, a.county, a.level,
       r.year, r.format, v.measure, v.applicant, v.value, v.raw, v."at", v.unit, v.derived, v.from_narrative
FROM store.report_values v
JOIN store.reports r USING (report_id)
JOIN store.agencies a USING (agency_id)
WHERE r.is_current;
