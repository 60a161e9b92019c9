-- name: reviews_by_year
-- title: 行政复议和行政诉讼（按年度）
-- params: year_from, year_to, province, city, level, agency
-- columns: year, reports, review_total, review_corrected, review_correction_rate, litigation_total, litigation_corrected, litigation_correction_rate
-- Table 四. Litigation adds the suits filed directly and those after review.
-- A correction rate is 纠正 / 总计, NULL when there were no cases.
-- A sum is NULL when no report of that year states the figure, so that charts
-- show a gap rather than 0; a report that leaves a figure blank adds nothing.
-- Reads current_summary: one row per current report with its figures
-- pivoted at load (store.report_summary), so that a page costs a scan of
-- narrow rows however large the warehouse.
WITH v AS (
    SELECT year, count(*) AS reports,
           sum(review_total) AS review_total,
           sum(review_corrected) AS review_corrected,
           CASE WHEN count(litigation_direct_total) + count(litigation_after_review_total) > 0
                THEN coalesce(sum(litigation_direct_total), 0) + coalesce(sum(litigation_after_review_total), 0) END AS litigation_total,
           CASE WHEN count(litigation_direct_corrected) + count(litigation_after_review_corrected) > 0
                THEN coalesce(sum(litigation_direct_corrected), 0) + coalesce(sum(litigation_after_review_corrected), 0) END AS litigation_corrected
    FROM current_summary($year_from, $year_to, $province, $city, $level, $agency)
    GROUP BY year
)
SELECT year, reports, review_total, review_corrected,
       round(coalesce(review_corrected, 0) / nullif(review_total, 0), 4) AS review_correction_rate,
       litigation_total, litigation_corrected,
       round(coalesce(litigation_corrected, 0) / nullif(litigation_total, 0), 4) AS litigation_correction_rate
FROM v
ORDER BY year
