-- name: reviews_by_year
-- title: 行政复议和行政诉讼（按年度）
-- params: year_from, year_to, province, city, level, agency
-- columns: year, reports, review_total, review_corrected, review_correction_rate, litigation_total, litigation_corrected, litigation_correction_rate
-- Table 四. Litigation adds the suits filed directly and those after review.
-- A correction rate is 纠正 / 总计, NULL when there were no cases.
-- A sum is NULL when no report of that year states the figure, so that charts
-- show a gap rather than 0; a report that leaves a figure blank adds nothing.
-- Reads current_figures with only the measures it needs: report_values and
-- report_summary decode every figure first, the slow part on a large
-- warehouse (see BenchmarkPages).
WITH r AS (
    SELECT year, count(*) AS reports
    FROM current_reports($year_from, $year_to, $province, $city, $level, $agency)
    GROUP BY year
), v AS (
    SELECT year,
           sum(value) FILTER (WHERE measure = 'review.total') AS review_total,
           sum(value) FILTER (WHERE measure = 'review.corrected') AS review_corrected,
           sum(value) FILTER (WHERE measure IN ('litigation_direct.total', 'litigation_after_review.total')) AS litigation_total,
           sum(value) FILTER (WHERE measure IN ('litigation_direct.corrected', 'litigation_after_review.corrected')) AS litigation_corrected
    FROM current_figures(NULL, 'total', $year_from, $year_to, $province, $city, $level, $agency)
    WHERE measure IN ('review.total', 'review.corrected', 'litigation_direct.total', 'litigation_after_review.total',
                      'litigation_direct.corrected', 'litigation_after_review.corrected')
    GROUP BY year
)
SELECT r.year, r.reports,
       v.review_total AS review_total,
       v.review_corrected AS review_corrected,
       round(coalesce(v.review_corrected, 0) / nullif(v.review_total, 0), 4) AS review_correction_rate,
       v.litigation_total AS litigation_total,
       v.litigation_corrected AS litigation_corrected,
       round(coalesce(v.litigation_corrected, 0) / nullif(v.litigation_total, 0), 4) AS litigation_correction_rate
FROM r LEFT JOIN v USING (year)
ORDER BY r.year
