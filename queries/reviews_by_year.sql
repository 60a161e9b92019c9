-- name: reviews_by_year
-- title: 行政复议和行政诉讼（按年度）
-- params: year_from, year_to, province, city, level, agency
-- columns: year, reports, review_total, review_corrected, review_correction_rate, litigation_total, litigation_corrected, litigation_correction_rate
-- A correction rate is 纠正 / 总计, NULL when there were no cases.
SELECT year,
       count(*) AS reports,
       coalesce(sum(review_total), 0) AS review_total,
       coalesce(sum(review_corrected), 0) AS review_corrected,
       round(coalesce(sum(review_corrected), 0) / nullif(sum(review_total), 0), 4) AS review_correction_rate,
       coalesce(sum(litigation_total), 0) AS litigation_total,
       coalesce(sum(litigation_corrected), 0) AS litigation_corrected,
       round(coalesce(sum(litigation_corrected), 0) / nullif(sum(litigation_total), 0), 4) AS litigation_correction_rate
FROM report_summary
WHERE ($year_from IS NULL OR year >= $year_from)
  AND ($year_to IS NULL OR year <= $year_to)
  AND ($province IS NULL OR province = $province)
  AND ($city IS NULL OR city = $city)
  AND ($level IS NULL OR level = $level)
  AND ($agency IS NULL OR contains(agency, $agency))
GROUP BY year
ORDER BY year
