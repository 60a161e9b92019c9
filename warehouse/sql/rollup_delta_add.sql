-- rollup_delta_add: adds ($4 = 1) or subtracts ($4 = -1) what the current
-- reports with $1 <= report_id <= $2 contribute to the roll-up, only those in
-- list $3 unless it is NULL (its ids all lie in [$1, $2], which bounds the
-- scan; see store.rollup_rows, 0018).
INSERT INTO rollup_delta
SELECT year, province, city, level, measure_id, applicant_id, $4 * figures, $4 * stated,
       CASE WHEN $4 < 0 THEN -value ELSE value END
FROM store.rollup_rows($1, $2, $3);
