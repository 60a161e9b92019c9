-- prior_values_of: the figures of report $1 that the rules across years
-- read (measures in list $2), as (measure, applicant, value).
SELECT m.text, ap.text, f.value
FROM store.figures f
JOIN store.texts m ON m.text_id = f.measure_id
JOIN store.texts ap ON ap.text_id = f.applicant_id
WHERE f.report_id = $1 AND list_contains($2, m.text);
