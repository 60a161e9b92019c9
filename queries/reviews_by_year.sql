-- name: reviews_by_year
-- title: 行政复议和行政诉讼（按年度）
-- params: year_from, year_to, province, city, level, agency
-- columns: year, reports, review_total, review_corrected, review_correction_rate, litigation_total, litigation_corrected, litigation_correction_rate
-- Table 四. Litigation adds the suits filed directly and those after review.
-- A correction rate is 纠正 / 总计, NULL when there were no cases.
-- Reads report_values with only the measures it needs rather than the
-- report_summary view, whose pivot of every figure is the slow part on a
-- large warehouse (see BenchmarkPages).
WITH r AS (
    SELECT year, count(*) AS reports
    FROM reports
    WHERE is_current
      AND ($year_from IS NULL OR year >= $year_from)
  AND ($year_to IS NULL OR year <= $year_to)
  AND ($province IS NULL OR province = $province)
  AND ($city IS NULL OR city = $city)
  AND ($level IS NULL OR level = $level)
  AND ($agency IS NULL OR contains(agency, $agency))
    GROUP BY year
), v AS (
    SELECT year,
           sum(value) FILTER (WHERE measure = 'review.total') AS review_total,
           sum(value) FILTER (WHERE measure = 'review.corrected') AS review_corrected,
           sum(value) FILTER (WHERE measure IN ('litigation_direct.total', 'litigation_after_review.total')) AS litigation_total,
           sum(value) FILTER (WHERE measure IN ('litigation_direct.corrected', 'litigation_after_review.corrected')) AS litigation_corrected
    FROM report_values
    WHERE applicant = 'total'
      AND measure IN ('review.total', 'review.corrected', 'litigation_direct.total', 'litigation_after_review.total',
                      'litigation_direct.corrected', 'litigation_after_review.corrected')
      AND ($year_from IS NULL OR year >= $year_from)
  AND ($year_to IS NULL OR year <= $year_to)
  AND ($province IS NULL OR province = $province)
  AND ($city IS NULL OR city = $city)
  AND ($level IS NULL OR level = $level)
  AND ($agency IS NULL OR contains(agency, $agency))
    GROUP BY year
)
SELECT r.year, r.reports,
       coalesce(v.review_total, 0) AS review_total,
       coalesce(v.review_corrected, 0) AS review_corrected,
       round(coalesce(v.review_corrected, 0) / nullif(v.review_total, 0), 4) AS review_correction_rate,
       coalesce(v.litigation_total, 0) AS litigation_total,
       coalesce(v.litigation_corrected, 0) AS litigation_corrected,
       round(coalesce(v.litigation_corrected, 0) / nullif(v.litigation_total, 0), 4) AS litigation_correction_rate
FROM r LEFT JOIN v USING (year)
ORDER BY r.year
