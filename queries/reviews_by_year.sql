-- name: reviews_by_year
-- title: 行政复议和行政诉讼（按年度）
-- params: year_from, year_to, province, city, level, agency
-- columns: year, reports, review_total, review_corrected, review_correction_rate, litigation_total, litigation_corrected, litigation_correction_rate
-- Table 四. Litigation adds the suits filed directly and those after review.
-- A correction rate is 纠正 / 总计, NULL when there were no cases.
-- A sum is NULL when no report of that year states the figure, so that charts
-- show a gap rather than 0; a report that leaves a figure blank adds nothing.
-- Without a piece of an agency's name the sums are read from
-- summary_groups, the summary rows summed per year, region and level at
-- load (store.summary_rollup, migration 0021: a few thousand rows at 1M
-- reports); with one, from current_summary, one row per current report.
-- Each branch is empty when the other applies; a sum's count of stating
-- reports (<column>_n) keeps it NULL where no report states it.
WITH s AS (
    SELECT year, sum(reports)::BIGINT AS reports,
           CASE WHEN sum(review_total_n) > 0 THEN sum(review_total)::DOUBLE END AS review_total,
           CASE WHEN sum(review_corrected_n) > 0 THEN sum(review_corrected)::DOUBLE END AS review_corrected,
           CASE WHEN sum(litigation_direct_total_n) > 0 THEN sum(litigation_direct_total)::DOUBLE END AS litigation_direct_total,
           CASE WHEN sum(litigation_after_review_total_n) > 0 THEN sum(litigation_after_review_total)::DOUBLE END AS litigation_after_review_total,
           CASE WHEN sum(litigation_direct_corrected_n) > 0 THEN sum(litigation_direct_corrected)::DOUBLE END AS litigation_direct_corrected,
           CASE WHEN sum(litigation_after_review_corrected_n) > 0 THEN sum(litigation_after_review_corrected)::DOUBLE END AS litigation_after_review_corrected,
           sum(litigation_direct_total_n) + sum(litigation_after_review_total_n) AS litigation_total_n,
           sum(litigation_direct_corrected_n) + sum(litigation_after_review_corrected_n) AS litigation_corrected_n
    FROM summary_groups($year_from, $year_to, $province, $city, $level, $agency)
    GROUP BY year
    UNION ALL
    SELECT year, count(*) AS reports,
           sum(review_total) AS review_total,
           sum(review_corrected) AS review_corrected,
           sum(litigation_direct_total) AS litigation_direct_total,
           sum(litigation_after_review_total) AS litigation_after_review_total,
           sum(litigation_direct_corrected) AS litigation_direct_corrected,
           sum(litigation_after_review_corrected) AS litigation_after_review_corrected,
           count(litigation_direct_total) + count(litigation_after_review_total) AS litigation_total_n,
           count(litigation_direct_corrected) + count(litigation_after_review_corrected) AS litigation_corrected_n
    FROM current_summary($year_from, $year_to, $province, $city, $level, $agency)
    WHERE $agency IS NOT NULL
    GROUP BY year
), v AS (
    SELECT year, reports, review_total, review_corrected,
           CASE WHEN litigation_total_n > 0
                THEN coalesce(litigation_direct_total, 0) + coalesce(litigation_after_review_total, 0) END AS litigation_total,
           CASE WHEN litigation_corrected_n > 0
                THEN coalesce(litigation_direct_corrected, 0) + coalesce(litigation_after_review_corrected, 0) END AS litigation_corrected
    FROM s
)
SELECT year, reports, review_total, review_corrected,
       round(coalesce(review_corrected, 0) / nullif(review_total, 0), 4) AS review_correction_rate,
       litigation_total, litigation_corrected,
       round(coalesce(litigation_corrected, 0) / nullif(litigation_total, 0), 4) AS litigation_correction_rate
FROM v
ORDER BY year
