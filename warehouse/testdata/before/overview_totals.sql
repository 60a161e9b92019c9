-- name: overview_totals
-- title: 总体情况：报告数、机构数、覆盖年度
-- params: year_from, year_to, province, city, level, agency
-- columns: reports, agencies, year_min, year_max, reports_with_errors, reports_with_warnings
-- One row over the current versions of the reports the filter selects.
SELECT count(*) AS reports,
       count(DISTINCT agency_id) AS agencies,
       min(year) AS year_min,
       max(year) AS year_max,
       count(*) FILTER (WHERE errors > 0) AS reports_with_errors,
       count(*) FILTER (WHERE warnings > 0) AS reports_with_warnings
FROM current_reports($year_from, $year_to, $province, $city, $level, $agency)
