-- 0008_report_counts: a table macro with the counts of each current report
-- that the comparisons are made of (documented in docs/schema.md), so that
-- the region and agency comparisons (queries/compare_*.sql) sum the same
-- figures the same way. Built on current_figures (0003): the reports are
-- picked first and only their applicant-total figures are read.

-- One row per current report the filters select that states any figure.
-- A sum is NULL when the report states none of its measures. stated counts
-- the report's table figures (narrative figures left out) and largest is the
-- largest of them in absolute value: stated > 0 AND largest = 0 is a report
-- whose figures are all 0.
CREATE MACRO report_counts(year_from, year_to, province, city, level, agency) AS TABLE
SELECT f.report_id,
       sum(f.value) FILTER (WHERE f.measure = 'apps.new') AS apps_new,
       sum(f.value) FILTER (WHERE f.measure = 'apps.total') AS apps_total,
       sum(f.value) FILTER (WHERE f.measure = 'apps.granted') AS apps_granted,
       sum(f.value) FILTER (WHERE f.measure = 'apps.partial') AS apps_partial,
       sum(f.value) FILTER (WHERE f.measure LIKE 'apps.withheld.%') AS apps_withheld,
       sum(f.value) FILTER (WHERE f.measure = 'review.total') AS review_total,
       sum(f.value) FILTER (WHERE f.measure = 'review.corrected') AS review_corrected,
       sum(f.value) FILTER (WHERE f.measure IN ('litigation_direct.total', 'litigation_after_review.total')) AS litigation_total,
       sum(f.value) FILTER (WHERE f.measure IN ('litigation_direct.corrected', 'litigation_after_review.corrected')) AS litigation_corrected,
       count(f.value) FILTER (WHERE f.measure NOT LIKE 'narrative.%') AS stated,
       max(abs(f.value)) FILTER (WHERE f.measure NOT LIKE 'narrative.%') AS largest
FROM current_figures(NULL, 'total', year_from, year_to, province, city, level, agency) f
GROUP BY f.report_id;
