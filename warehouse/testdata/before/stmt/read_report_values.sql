-- read_report_values: the figures of report version $1 (any version, not
-- only the current one), derived rows included; from_narrative marks the
-- figures read from a sentence of the report's text.
SELECT measure, applicant, value, coalesce(unit, ''), coalesce(raw, ''), coalesce("at", ''), from_narrative
FROM store.report_values
WHERE report_id = $1
ORDER BY measure, applicant;
