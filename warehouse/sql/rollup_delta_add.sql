-- rollup_delta_add: adds ($3 = 1) or subtracts ($3 = -1) what the current reports
-- with $1 <= report_id <= $2 contribute to the roll-up.
INSERT INTO rollup_delta
SELECT year, province, city, level, measure_id, applicant_id, $3 * figures, $3 * stated,
       CASE WHEN $3 < 0 THEN -value ELSE value END
FROM store.rollup_rows($1, $2, NULL);
