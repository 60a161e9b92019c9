-- name: reviews_outcomes
-- title: 复议诉讼结果
-- params: year_from, year_to, province, city, level, agency
-- columns: kind, label, upheld, corrected, other, pending, total, correction_rate
-- The three column groups of table 四 with their five outcomes.
WITH kinds(kind, label, ord) AS (
    VALUES ('review', '行政复议', 1),
           ('litigation_direct', '行政诉讼（未经复议直接起诉）', 2),
           ('litigation_after_review', '行政诉讼（复议后起诉）', 3)
), v AS (
    SELECT split_part(measure, '.', 1) AS kind, split_part(measure, '.', 2) AS outcome, value
    FROM current_figures(NULL, 'total', $year_from, $year_to, $province, $city, $level, $agency)
    WHERE split_part(measure, '.', 1) IN ('review', 'litigation_direct', 'litigation_after_review')
)
SELECT k.kind, k.label,
       coalesce(sum(v.value) FILTER (WHERE v.outcome = 'upheld'), 0) AS upheld,
       coalesce(sum(v.value) FILTER (WHERE v.outcome = 'corrected'), 0) AS corrected,
       coalesce(sum(v.value) FILTER (WHERE v.outcome = 'other'), 0) AS other,
       coalesce(sum(v.value) FILTER (WHERE v.outcome = 'pending'), 0) AS pending,
       coalesce(sum(v.value) FILTER (WHERE v.outcome = 'total'), 0) AS total,
       round(coalesce(sum(v.value) FILTER (WHERE v.outcome = 'corrected'), 0)
             / nullif(sum(v.value) FILTER (WHERE v.outcome = 'total'), 0), 4) AS correction_rate
FROM kinds k LEFT JOIN v USING (kind)
GROUP BY k.kind, k.label, k.ord
ORDER BY k.ord
