-- rollup_delta_add_ids: adds ($4 = 1) or subtracts ($4 = -1) what the current
-- reports in list $3 contribute to the roll-up; every id of $3 lies in
-- [$1, $2], which bounds the scan so that DuckDB reads only the row groups of
-- store.figures that hold them (list_contains alone reads every row group).
INSERT INTO rollup_delta
SELECT r.year, a.province, a.city, a.level, f.measure_id, f.applicant_id,
       $4 * count(*), $4 * count(f.value), $4 * fsum(f.value)
FROM store.figures f
JOIN store.reports r ON r.report_id = f.report_id
JOIN store.agencies a ON a.agency_id = r.agency_id
WHERE f.report_id BETWEEN $1 AND $2 AND r.report_id BETWEEN $1 AND $2
  AND list_contains($3, f.report_id) AND r.is_current
GROUP BY r.year, a.province, a.city, a.level, f.measure_id, f.applicant_id;
