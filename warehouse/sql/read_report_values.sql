-- read_report_values: the figures of report version $1 (any version, not
-- only the current one), derived rows included; from_narrative marks the
-- figures read from a sentence of the report's text.
-- The report's figures are read first and only the texts they name are
-- looked up: the view store.report_values joined the figures to all of
-- store.texts three times (165,216 texts at 1M reports), 20–28 ms a report
-- against 4 ms so.
WITH f AS (
    SELECT measure_id, applicant_id, value, unit_id, raw_id, at_id, from_narrative
    FROM store.figures WHERE report_id = $1
), t AS MATERIALIZED (
    SELECT text_id, text FROM store.texts
    WHERE text_id IN (SELECT measure_id FROM f UNION ALL SELECT applicant_id FROM f UNION ALL SELECT unit_id FROM f
                      UNION ALL SELECT raw_id FROM f UNION ALL SELECT at_id FROM f)
)
SELECT m.text AS measure, ap.text AS applicant, f.value, coalesce(u.text, ''), coalesce(raw.text, ''),
       coalesce(loc.text, ''), coalesce(f.from_narrative, false)
FROM f
JOIN t m ON m.text_id = f.measure_id
JOIN t ap ON ap.text_id = f.applicant_id
LEFT JOIN t u ON u.text_id = f.unit_id
LEFT JOIN t raw ON raw.text_id = f.raw_id
LEFT JOIN t loc ON loc.text_id = f.at_id
ORDER BY measure, applicant;
