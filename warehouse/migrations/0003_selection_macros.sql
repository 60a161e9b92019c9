-- 0003_selection_macros: table macros that select agencies, current reports
-- and their figures by the dashboard's filters (documented in
-- docs/schema.md). Every filter argument may be NULL for "no filter"; agency
-- matches part of the name. The analytic queries (queries/*.sql) call them
-- rather than repeating the filter predicate, and for their shape: the
-- reports are picked first, the wanted measure and applicant ids are looked
-- up in the small dictionary store.texts, and only then are the figures
-- joined. report_values decodes every figure through five joins before any
-- filter applies, which takes seconds on a large warehouse (BenchmarkPages).
-- A macro expands inline, so DuckDB plans it like the query written out.
-- Column references inside are qualified: an unqualified name equal to a
-- parameter (province, level …) would mean the parameter.

-- The agencies the region and name filters select.
CREATE MACRO selected_agencies(province, city, level, agency) AS TABLE
SELECT a.agency_id, a.name AS agency, a.province, a.city, a.county, a.level, a.expected
FROM store.agencies a
WHERE (province IS NULL OR a.province = province)
  AND (city IS NULL OR a.city = city)
  AND (level IS NULL OR a.level = level)
  AND (agency IS NULL OR contains(a.name, agency));

-- The current reports the filters select, with their agency's name and
-- region (the columns of the reports view but is_current).
CREATE MACRO current_reports(year_from, year_to, province, city, level, agency) AS TABLE
SELECT r.report_id, r.agency_id, a.name AS agency, a.province, a.city, a.county, a.level,
       r.year, r.format, r.source_kind, r.source_name, r.sha256, r.loaded_at, r.loaded_by,
       r.version, r.errors, r.warnings, r.size, r.published
FROM store.reports r
JOIN store.agencies a USING (agency_id)
WHERE r.is_current
  AND (year_from IS NULL OR r.year >= year_from)
  AND (year_to IS NULL OR r.year <= year_to)
  AND (province IS NULL OR a.province = province)
  AND (city IS NULL OR a.city = city)
  AND (level IS NULL OR a.level = level)
  AND (agency IS NULL OR contains(a.name, agency));

-- The figures of those reports whose measure code is LIKE measure_pattern
-- and whose applicant is applicant ('total', 'natural' …; NULL for all
-- seven of gongkai.Applicants). Measures and applicants are resolved as one
-- small table of id pairs, so that DuckDB filters the scan of store.figures
-- by them before joining the reports.
CREATE MACRO current_figures(measure_pattern, applicant, year_from, year_to, province, city, level, agency) AS TABLE
WITH cur AS (
    SELECT c.report_id, c.agency_id, c.agency, c.province, c.city, c.county, c.level, c.year, c.format
    FROM current_reports(year_from, year_to, province, city, level, agency) c
), ids AS (
    SELECT m.text_id AS measure_id, m.text AS measure, ap.text_id AS applicant_id, ap.text AS applicant
    FROM store.texts m, store.texts ap
    WHERE (measure_pattern IS NULL OR m.text LIKE measure_pattern)
      AND ap.text IN ('natural', 'business', 'research', 'ngo', 'legal_services', 'other', 'total')
      AND (applicant IS NULL OR ap.text = applicant)
)
SELECT cur.report_id, cur.agency_id, cur.agency, cur.province, cur.city, cur.county, cur.level,
       cur.year, cur.format, ids.measure, ids.applicant, f.value
FROM store.figures f
JOIN ids ON ids.measure_id = f.measure_id AND ids.applicant_id = f.applicant_id
JOIN cur ON cur.report_id = f.report_id;
