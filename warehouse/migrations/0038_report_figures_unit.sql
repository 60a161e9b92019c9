-- 0038_report_figures_unit: report_figures (0028) looks the unit up in
-- store.texts beside the figures scan, before the figures meet the reports,
-- agencies, measures and applicants, instead of after.
--
-- DuckDB 1.5 keeps a LEFT JOIN whose columns a query does not name when the
-- view's own select list names them (it removes unused joins before unused
-- columns), so every query over report_figures pays for the unit's lookup:
-- as the last join it read the wide rows of 207M figures with their measure
-- and applicant texts, ~1.1 s of the query's ~5.2 s of CPU at 1M reports;
-- joined to the figures alone it costs ~0.7 s. The rows are the same:
-- the unit's join condition names only the figure, so where it is joined does
-- not change which rows meet (an INNER JOIN after a LEFT JOIN on the figure's
-- own columns is the LEFT JOIN after the INNER JOIN).
CREATE OR REPLACE VIEW report_figures AS
SELECT r.report_id, r.agency_id, a.name AS agency, a.province, a.city, a.county, a.level,
       r.year, r.format, m.text AS measure, ap.text AS applicant, f.value, f.unit, f.derived,
       coalesce(f.from_narrative, false) AS from_narrative
FROM (SELECT f.report_id, f.measure_id, f.applicant_id, f.value, u.text AS unit, f.derived, f.from_narrative
      FROM store.figures f
      LEFT JOIN store.texts u ON u.text_id = f.unit_id) f
JOIN store.reports r ON r.report_id = f.report_id
JOIN store.agencies a ON a.agency_id = r.agency_id
JOIN store.texts m ON m.text_id = f.measure_id
JOIN store.texts ap ON ap.text_id = f.applicant_id
WHERE r.is_current;
