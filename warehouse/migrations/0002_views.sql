-- 0002_views: the analyst views. Their names and columns are the contract
-- with the dashboard, the demo and analysts (documented in docs/schema.md):
-- add columns at the end, never rename. Region and level come from the
-- agency, so that an administrator's correction shows everywhere.

CREATE VIEW agencies AS
SELECT agency_id, name, province, city, county, level, expected, code, region_source
FROM store.agencies;

-- Every version of every report; is_current marks the live one.
CREATE VIEW reports AS
SELECT r.report_id, r.agency_id, a.name AS agency, a.province, a.city, a.county, a.level,
       r.year, r.format, r.source_kind, r.source_name, r.sha256, r.loaded_at, r.loaded_by,
       r.version, r.is_current, r.errors, r.warnings, r.size, r.published
FROM store.reports r
JOIN store.agencies a USING (agency_id);

-- The figures of every report version, decoded.
CREATE VIEW store.report_values AS
SELECT f.report_id, m.text AS measure, ap.text AS applicant, f.value, u.text AS unit,
       raw.text AS raw, loc.text AS "at", f.derived
FROM store.figures f
JOIN store.texts m ON m.text_id = f.measure_id
JOIN store.texts ap ON ap.text_id = f.applicant_id
LEFT JOIN store.texts u ON u.text_id = f.unit_id
LEFT JOIN store.texts raw ON raw.text_id = f.raw_id
LEFT JOIN store.texts loc ON loc.text_id = f.at_id;

-- The figures of current reports, one row per measure and applicant.
CREATE VIEW report_values AS
SELECT r.report_id, r.agency_id, a.name AS agency, a.province, a.city, a.county, a.level,
       r.year, r.format, v.measure, v.applicant, v.value, v.raw, v."at", v.unit, v.derived
FROM store.report_values v
JOIN store.reports r USING (report_id)
JOIN store.agencies a USING (agency_id)
WHERE r.is_current;

-- One row per current report with the headline measures (applicant total) as
-- columns; NULL when the report lacks the measure. Cross-format: apps_other
-- is 2019's single row or 2021's derived sum of its three sub-rows;
-- normative_docs_issued is 2021's 本年制发 or 2019's 本年新制作; the withheld,
-- unavailable and not-processed columns sum their numbered sub-rows.
CREATE VIEW report_summary AS
WITH t AS (
    SELECT f.report_id, m.text AS measure, f.value
    FROM store.figures f
    JOIN store.texts m ON m.text_id = f.measure_id
    JOIN store.texts ap ON ap.text_id = f.applicant_id
    WHERE ap.text = 'total'
)
SELECT r.report_id, r.agency_id, a.name AS agency, a.province, a.city, a.county, a.level,
       r.year, r.format, r.errors, r.warnings,
       max(t.value) FILTER (WHERE t.measure = 'apps.new')              AS apps_new,
       max(t.value) FILTER (WHERE t.measure = 'apps.carried_in')       AS apps_carried_in,
       max(t.value) FILTER (WHERE t.measure = 'apps.granted')          AS apps_granted,
       max(t.value) FILTER (WHERE t.measure = 'apps.partial')          AS apps_partial,
       sum(t.value) FILTER (WHERE t.measure LIKE 'apps.withheld.%')      AS apps_withheld,
       sum(t.value) FILTER (WHERE t.measure LIKE 'apps.unavailable.%')   AS apps_unavailable,
       sum(t.value) FILTER (WHERE t.measure LIKE 'apps.not_processed.%') AS apps_not_processed,
       max(t.value) FILTER (WHERE t.measure = 'apps.other')            AS apps_other,
       max(t.value) FILTER (WHERE t.measure = 'apps.total')            AS apps_total,
       max(t.value) FILTER (WHERE t.measure = 'apps.carried_out')      AS apps_carried_out,
       max(t.value) FILTER (WHERE t.measure = 'licensing.decisions')   AS licensing_decisions,
       max(t.value) FILTER (WHERE t.measure = 'penalty.decisions')     AS penalty_decisions,
       max(t.value) FILTER (WHERE t.measure = 'coercion.decisions')    AS coercion_decisions,
       coalesce(max(t.value) FILTER (WHERE t.measure = 'normative_docs.issued'),
                max(t.value) FILTER (WHERE t.measure = 'normative_docs.made')) AS normative_docs_issued,
       max(t.value) FILTER (WHERE t.measure = 'normative_docs.in_force') AS normative_docs_in_force,
       max(t.value) FILTER (WHERE t.measure = 'narrative.proactive_items') AS proactive_items,
       max(t.value) FILTER (WHERE t.measure = 'review.total')          AS review_total,
       max(t.value) FILTER (WHERE t.measure = 'review.corrected')      AS review_corrected,
       sum(t.value) FILTER (WHERE t.measure IN ('litigation_direct.total', 'litigation_after_review.total'))
                                                                        AS litigation_total,
       sum(t.value) FILTER (WHERE t.measure IN ('litigation_direct.corrected', 'litigation_after_review.corrected'))
                                                                        AS litigation_corrected
FROM store.reports r
JOIN store.agencies a USING (agency_id)
LEFT JOIN t USING (report_id)
WHERE r.is_current
GROUP BY ALL;

-- Table 二 of current reports, long form, with the catalogue label.
CREATE VIEW proactive AS
SELECT v.report_id, v.agency_id, v.agency, v.province, v.city, v.county, v.level, v.year, v.format,
       v.measure, m.label, v.value, coalesce(v.unit, m.unit) AS unit, v.raw, v."at"
FROM report_values v
JOIN store.measures m ON m.code = v.measure
WHERE m.table_id = 'proactive';

-- Table 三 of current reports: one row per report and measure, one column
-- per applicant, as the official table prints it.
CREATE VIEW applications AS
SELECT v.report_id, v.agency_id, v.agency, v.province, v.city, v.county, v.level, v.year, v.format,
       v.measure, any_value(m.label) AS label,
       max(v.value) FILTER (WHERE v.applicant = 'natural')        AS natural,
       max(v.value) FILTER (WHERE v.applicant = 'business')       AS business,
       max(v.value) FILTER (WHERE v.applicant = 'research')       AS research,
       max(v.value) FILTER (WHERE v.applicant = 'ngo')            AS ngo,
       max(v.value) FILTER (WHERE v.applicant = 'legal_services') AS legal_services,
       max(v.value) FILTER (WHERE v.applicant = 'other')          AS other,
       max(v.value) FILTER (WHERE v.applicant = 'total')          AS total,
       bool_or(v.derived) AS derived
FROM report_values v
JOIN store.measures m ON m.code = v.measure
WHERE m.table_id = 'applications'
GROUP BY v.report_id, v.agency_id, v.agency, v.province, v.city, v.county, v.level, v.year, v.format, v.measure;

-- Table 四 of current reports: one row per report and proceeding
-- (review, litigation_direct, litigation_after_review).
CREATE VIEW reviews AS
SELECT v.report_id, v.agency_id, v.agency, v.province, v.city, v.county, v.level, v.year, v.format,
       split_part(v.measure, '.', 1) AS proceeding,
       max(v.value) FILTER (WHERE split_part(v.measure, '.', 2) = 'upheld')    AS upheld,
       max(v.value) FILTER (WHERE split_part(v.measure, '.', 2) = 'corrected') AS corrected,
       max(v.value) FILTER (WHERE split_part(v.measure, '.', 2) = 'other')     AS other,
       max(v.value) FILTER (WHERE split_part(v.measure, '.', 2) = 'pending')   AS pending,
       max(v.value) FILTER (WHERE split_part(v.measure, '.', 2) = 'total')     AS total
FROM report_values v
WHERE split_part(v.measure, '.', 1) IN ('review', 'litigation_direct', 'litigation_after_review')
GROUP BY ALL;

-- Findings of current reports.
CREATE VIEW findings AS
SELECT f.report_id, r.agency_id, a.name AS agency, r.year, f.rule, f.severity, f."at",
       f.row_label, f.column_label, f.measure, f.applicant, f.message, f.expected, f.actual,
       f.other_report_id, f.seq
FROM store.findings f
JOIN store.reports r USING (report_id)
JOIN store.agencies a USING (agency_id)
WHERE r.is_current;

-- Narrative sections of current reports.
CREATE VIEW sections AS
SELECT s.report_id, r.agency_id, a.name AS agency, r.year, s.seq, s.numeral, s.title, s.text, s."at"
FROM store.sections s
JOIN store.reports r USING (report_id)
JOIN store.agencies a USING (agency_id)
WHERE r.is_current;

-- The measure catalogue, generated from the format definitions.
CREATE VIEW measures AS
SELECT code, label, table_id, group_label, formats, unit, kind, by_applicant, derived
FROM store.measures;
