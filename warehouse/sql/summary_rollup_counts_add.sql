-- summary_rollup_counts_add: adds ($2 = 1) or subtracts ($2 = -1) the errors and warnings
-- of the current reports in list $1 to summary_rollup_delta, and nothing else: the other
-- columns are left NULL, which rollup_merge's sums pass over. A report re-checked against
-- a year loaded after it changes its findings while its figures and version stay (0040).
-- The BETWEEN on the list's least and greatest id lets DuckDB skip the row groups
-- outside them (zone maps): list_contains alone reads every row group of the table.
INSERT INTO summary_rollup_delta BY NAME
SELECT s.year, a.province, a.city, a.county, a.level, 0 AS reports, 0 AS agencies,
       $2 * sum(s.errors) AS errors, $2 * sum(s.warnings) AS warnings
FROM store.report_summary s
JOIN store.agencies a ON a.agency_id = s.agency_id
WHERE s.is_current AND list_contains($1, s.report_id)
  AND s.report_id BETWEEN list_min($1::BIGINT[]) AND list_max($1::BIGINT[])
GROUP BY s.year, a.province, a.city, a.county, a.level;
