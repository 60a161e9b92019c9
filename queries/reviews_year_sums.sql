-- name: reviews_year_sums
-- title: 复议诉讼（按年度，含各项结果）
-- params: year_from, year_to, province, city, level, agency
-- columns: year, reports, review_upheld, review_corrected, review_other, review_pending, review_total, litigation_direct_upheld, litigation_direct_corrected, litigation_direct_other, litigation_direct_pending, litigation_direct_total, litigation_after_review_upheld, litigation_after_review_corrected, litigation_after_review_other, litigation_after_review_pending, litigation_after_review_total
-- The fifteen outcome sums of table 四 per year, NULL where no report of the
-- year states the figure, from one pass over the selected reports. With a
-- piece of an agency's name reviews_by_year and reviews_outcomes each
-- joined the selected agencies to the million current summary rows at 1M
-- reports (a third of 复议诉讼's requests, and its slowest tenth); the page
-- reads this one instead and derives both from its years (the figures are
-- counts: the sum of the years' sums is the sum).
-- The branches are reviews_by_year's: without a piece of a name the sums
-- are read from summary_groups (store.summary_rollup, 0021), with one from
-- current_summary; each is empty when the other applies, and a sum's count
-- of stating reports (<column>_n) keeps it NULL where no report states it.
SELECT * FROM (
    SELECT year, sum(reports)::BIGINT AS reports,
           CASE WHEN sum(review_upheld_n) > 0 THEN sum(review_upheld)::DOUBLE END AS review_upheld,
           CASE WHEN sum(review_corrected_n) > 0 THEN sum(review_corrected)::DOUBLE END AS review_corrected,
           CASE WHEN sum(review_other_n) > 0 THEN sum(review_other)::DOUBLE END AS review_other,
           CASE WHEN sum(review_pending_n) > 0 THEN sum(review_pending)::DOUBLE END AS review_pending,
           CASE WHEN sum(review_total_n) > 0 THEN sum(review_total)::DOUBLE END AS review_total,
           CASE WHEN sum(litigation_direct_upheld_n) > 0 THEN sum(litigation_direct_upheld)::DOUBLE END AS litigation_direct_upheld,
           CASE WHEN sum(litigation_direct_corrected_n) > 0 THEN sum(litigation_direct_corrected)::DOUBLE END AS litigation_direct_corrected,
           CASE WHEN sum(litigation_direct_other_n) > 0 THEN sum(litigation_direct_other)::DOUBLE END AS litigation_direct_other,
           CASE WHEN sum(litigation_direct_pending_n) > 0 THEN sum(litigation_direct_pending)::DOUBLE END AS litigation_direct_pending,
           CASE WHEN sum(litigation_direct_total_n) > 0 THEN sum(litigation_direct_total)::DOUBLE END AS litigation_direct_total,
           CASE WHEN sum(litigation_after_review_upheld_n) > 0 THEN sum(litigation_after_review_upheld)::DOUBLE END AS litigation_after_review_upheld,
           CASE WHEN sum(litigation_after_review_corrected_n) > 0 THEN sum(litigation_after_review_corrected)::DOUBLE END AS litigation_after_review_corrected,
           CASE WHEN sum(litigation_after_review_other_n) > 0 THEN sum(litigation_after_review_other)::DOUBLE END AS litigation_after_review_other,
           CASE WHEN sum(litigation_after_review_pending_n) > 0 THEN sum(litigation_after_review_pending)::DOUBLE END AS litigation_after_review_pending,
           CASE WHEN sum(litigation_after_review_total_n) > 0 THEN sum(litigation_after_review_total)::DOUBLE END AS litigation_after_review_total
    FROM summary_groups($year_from, $year_to, $province, $city, $level, $agency)
    GROUP BY year
    UNION ALL
    SELECT year, count(*) AS reports,
           sum(review_upheld) AS review_upheld,
           sum(review_corrected) AS review_corrected,
           sum(review_other) AS review_other,
           sum(review_pending) AS review_pending,
           sum(review_total) AS review_total,
           sum(litigation_direct_upheld) AS litigation_direct_upheld,
           sum(litigation_direct_corrected) AS litigation_direct_corrected,
           sum(litigation_direct_other) AS litigation_direct_other,
           sum(litigation_direct_pending) AS litigation_direct_pending,
           sum(litigation_direct_total) AS litigation_direct_total,
           sum(litigation_after_review_upheld) AS litigation_after_review_upheld,
           sum(litigation_after_review_corrected) AS litigation_after_review_corrected,
           sum(litigation_after_review_other) AS litigation_after_review_other,
           sum(litigation_after_review_pending) AS litigation_after_review_pending,
           sum(litigation_after_review_total) AS litigation_after_review_total
    FROM current_summary($year_from, $year_to, $province, $city, $level, $agency)
    WHERE $agency IS NOT NULL
    GROUP BY year
)
ORDER BY year
