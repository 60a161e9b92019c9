-- name: compare_regions
-- title: 地区比较（下一级地区，按年度）
-- params: year_from, year_to, province, city, level, agency
-- columns: region, year, agencies, reports, zero_reports, apps_new, apps_total, apps_granted, apps_partial, apps_withheld, review_total, review_corrected, litigation_total, litigation_corrected
-- The regions one level below the filter's (provinces; the cities of a
-- province; the counties of a city), per year: agencies and reports, the
-- reports whose table figures are all 0 (zero_reports: at least one figure,
-- none of them other than 0), and the sums the comparison's rates are made
-- of (the macro current_counts: one row per current report with its
-- region and counts, read once). An agency with no division at that level (a province's own
-- departments under a province) has region NULL. A sum is NULL when no
-- report states the figure. The dashboard sums the selected years and
-- compares the last one with the year before for 同比.
SELECT CASE WHEN $city IS NOT NULL THEN c.county WHEN $province IS NOT NULL THEN c.city ELSE c.province END AS region,
       c.year,
       count(DISTINCT c.agency_id) AS agencies,
       count(*) AS reports,
       count(*) FILTER (WHERE c.stated > 0 AND c.largest = 0) AS zero_reports,
       sum(c.apps_new) AS apps_new,
       sum(c.apps_total) AS apps_total,
       sum(c.apps_granted) AS apps_granted,
       sum(c.apps_partial) AS apps_partial,
       sum(c.apps_withheld) AS apps_withheld,
       sum(c.review_total) AS review_total,
       sum(c.review_corrected) AS review_corrected,
       sum(c.litigation_total) AS litigation_total,
       sum(c.litigation_corrected) AS litigation_corrected
FROM current_counts($year_from, $year_to, $province, $city, $level, $agency) c
GROUP BY ALL
ORDER BY region NULLS LAST, c.year
