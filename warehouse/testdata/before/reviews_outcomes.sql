-- name: reviews_outcomes
-- title: 复议诉讼结果
-- params: year_from, year_to, province, city, level, agency
-- columns: kind, label, upheld, corrected, other, pending, total, correction_rate
-- The three column groups of table 四 with their five outcomes.
-- Reads current_summary: one row per current report with its figures
-- pivoted at load (store.report_summary), so that a page costs a scan of
-- narrow rows however large the warehouse.
WITH s AS (
    SELECT sum(review_upheld) AS r_upheld, sum(review_corrected) AS r_corrected, sum(review_other) AS r_other,
           sum(review_pending) AS r_pending, sum(review_total) AS r_total,
           sum(litigation_direct_upheld) AS d_upheld, sum(litigation_direct_corrected) AS d_corrected,
           sum(litigation_direct_other) AS d_other, sum(litigation_direct_pending) AS d_pending,
           sum(litigation_direct_total) AS d_total,
           sum(litigation_after_review_upheld) AS a_upheld, sum(litigation_after_review_corrected) AS a_corrected,
           sum(litigation_after_review_other) AS a_other, sum(litigation_after_review_pending) AS a_pending,
           sum(litigation_after_review_total) AS a_total
    FROM current_summary($year_from, $year_to, $province, $city, $level, $agency)
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
