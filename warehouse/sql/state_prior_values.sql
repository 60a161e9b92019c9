-- state_prior_values: the figures of current reports that the rules across
-- years read ($1: the list of measure codes).
SELECT v.report_id, v.measure, v.applicant, v.value
FROM store.report_values v
JOIN store.reports r USING (report_id)
WHERE r.is_current AND list_contains($1, v.measure);
