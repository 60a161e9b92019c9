-- name: reviews_outcomes
-- title: 复议诉讼结果
-- params: year_from, year_to, province, city, level, agency
-- columns: kind, label, upheld, corrected, other, pending, total, correction_rate
-- The three column groups of table 四 with their five outcomes.
-- Without a piece of an agency's name the sums are read from
-- summary_groups, the summary rows summed per year, region and level at
-- load (store.summary_rollup, migration 0021: a few thousand rows at 1M
-- reports); with one, from current_summary, one row per current report.
-- Each branch is empty when the other applies; a sum's count of stating
-- reports (<column>_n) keeps it NULL where no report states it.
WITH s AS (
    SELECT CASE WHEN sum(review_upheld_n) > 0 THEN sum(review_upheld)::DOUBLE END AS r_upheld,
           CASE WHEN sum(review_corrected_n) > 0 THEN sum(review_corrected)::DOUBLE END AS r_corrected,
           CASE WHEN sum(review_other_n) > 0 THEN sum(review_other)::DOUBLE END AS r_other,
           CASE WHEN sum(review_pending_n) > 0 THEN sum(review_pending)::DOUBLE END AS r_pending,
           CASE WHEN sum(review_total_n) > 0 THEN sum(review_total)::DOUBLE END AS r_total,
           CASE WHEN sum(litigation_direct_upheld_n) > 0 THEN sum(litigation_direct_upheld)::DOUBLE END AS d_upheld,
           CASE WHEN sum(litigation_direct_corrected_n) > 0 THEN sum(litigation_direct_corrected)::DOUBLE END AS d_corrected,
           CASE WHEN sum(litigation_direct_other_n) > 0 THEN sum(litigation_direct_other)::DOUBLE END AS d_other,
           CASE WHEN sum(litigation_direct_pending_n) > 0 THEN sum(litigation_direct_pending)::DOUBLE END AS d_pending,
           CASE WHEN sum(litigation_direct_total_n) > 0 THEN sum(litigation_direct_total)::DOUBLE END AS d_total,
           CASE WHEN sum(litigation_after_review_upheld_n) > 0 THEN sum(litigation_after_review_upheld)::DOUBLE END AS a_upheld,
           CASE WHEN sum(litigation_after_review_corrected_n) > 0 THEN sum(litigation_after_review_corrected)::DOUBLE END AS a_corrected,
           CASE WHEN sum(litigation_after_review_other_n) > 0 THEN sum(litigation_after_review_other)::DOUBLE END AS a_other,
           CASE WHEN sum(litigation_after_review_pending_n) > 0 THEN sum(litigation_after_review_pending)::DOUBLE END AS a_pending,
           CASE WHEN sum(litigation_after_review_total_n) > 0 THEN sum(litigation_after_review_total)::DOUBLE END AS a_total
    FROM summary_groups($year_from, $year_to, $province, $city, $level, $agency)
    HAVING $agency IS NULL
    UNION ALL
    SELECT sum(review_upheld) AS r_upheld,
           sum(review_corrected) AS r_corrected,
           sum(review_other) AS r_other,
           sum(review_pending) AS r_pending,
           sum(review_total) AS r_total,
           sum(litigation_direct_upheld) AS d_upheld,
           sum(litigation_direct_corrected) AS d_corrected,
           sum(litigation_direct_other) AS d_other,
           sum(litigation_direct_pending) AS d_pending,
           sum(litigation_direct_total) AS d_total,
           sum(litigation_after_review_upheld) AS a_upheld,
           sum(litigation_after_review_corrected) AS a_corrected,
           sum(litigation_after_review_other) AS a_other,
           sum(litigation_after_review_pending) AS a_pending,
           sum(litigation_after_review_total) AS a_total
    FROM current_summary($year_from, $year_to, $province, $city, $level, $agency)
    WHERE $agency IS NOT NULL
    HAVING $agency IS NOT NULL
), kinds(kind, label, ord) AS (
    VALUES ('review', '行政复议', 1),
           ('litigation_direct', '行政诉讼（未经复议直接起诉）', 2),
           ('litigation_after_review', '行政诉讼（复议后起诉）', 3)
), v AS (
    SELECT k.kind, k.label, k.ord,
           coalesce(CASE k.ord WHEN 1 THEN s.r_upheld WHEN 2 THEN s.d_upheld ELSE s.a_upheld END, 0) AS upheld,
           coalesce(CASE k.ord WHEN 1 THEN s.r_corrected WHEN 2 THEN s.d_corrected ELSE s.a_corrected END, 0) AS corrected,
           coalesce(CASE k.ord WHEN 1 THEN s.r_other WHEN 2 THEN s.d_other ELSE s.a_other END, 0) AS other,
           coalesce(CASE k.ord WHEN 1 THEN s.r_pending WHEN 2 THEN s.d_pending ELSE s.a_pending END, 0) AS pending,
           coalesce(CASE k.ord WHEN 1 THEN s.r_total WHEN 2 THEN s.d_total ELSE s.a_total END, 0) AS total,
           CASE k.ord WHEN 1 THEN s.r_total WHEN 2 THEN s.d_total ELSE s.a_total END AS stated_total
    FROM kinds k, s
)
SELECT kind, label, upheld, corrected, other, pending, total,
       round(corrected / nullif(stated_total, 0), 4) AS correction_rate
FROM v
ORDER BY ord
