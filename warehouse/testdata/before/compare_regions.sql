-- name: compare_regions
-- title: 地区比较（下一级地区，按年度）
-- params: year_from, year_to, province, city, level, agency
-- columns: region, year, agencies, reports, zero_reports, apps_new, apps_total, apps_granted, apps_partial, apps_withheld, review_total, review_corrected, litigation_total, litigation_corrected
-- The regions one level below the filter's (provinces; the cities of a
-- province; the counties of a city), per year: agencies and reports, the
-- reports whose table figures are all 0 (zero_reports: at least one figure,
-- none of them other than 0), and the sums the comparison's rates are made
-- of (the macro report_counts). An agency with no division at that level (a province's own
-- departments under a province) has region NULL. A sum is NULL when no
-- report states the figure. The dashboard sums the selected years and
-- compares the last one with the year before for 同比.
WITH r AS (
    SELECT report_id, agency_id, year,
           CASE WHEN $city IS NOT NULL THEN county WHEN $province IS NOT NULL THEN city ELSE province END AS region
    FROM current_reports($year_from, $year_to, $province, $city, $level, $agency)
), v AS (
    SELECT * FROM report_counts($year_from, $year_to, $province, $city, $level, $agency)
)
SELECT r.region, r.year,
       count(DISTINCT r.agency_id) AS agencies,
       count(*) AS reports,
       count(*) FILTER (WHERE v.stated > 0 AND v.largest = 0) AS zero_reports,
       sum(v.apps_new) AS apps_new,
       sum(v.apps_total) AS apps_total,
       sum(v.apps_granted) AS apps_granted,
       sum(v.apps_partial) AS apps_partial,
       sum(v.apps_withheld) AS apps_withheld,
       sum(v.review_total) AS review_total,
       sum(v.review_corrected) AS review_corrected,
       sum(v.litigation_total) AS litigation_total,
       sum(v.litigation_corrected) AS litigation_corrected
FROM r LEFT JOIN v USING (report_id)
GROUP BY r.region, r.year
ORDER BY r.region NULLS LAST, r.year
