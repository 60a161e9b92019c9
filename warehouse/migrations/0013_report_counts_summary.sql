-- 0013_report_counts_summary: report_counts (0008) reads the per-report
-- summary rows (store.report_summary, 0006) instead of every figure of the
-- selected reports. On a national warehouse (1M reports, 200M figures) the
-- comparisons' pages read hundreds of millions of figures on every request
-- and took seconds; the summary is one narrow row per report, written at
-- load from the same figures by the same rules (TestReportCountsSummary
-- holds the two definitions together).
--
-- One row per current report the filters select (0008 left out a report
-- with no applicant-total figure at all; its row now has every sum NULL and
-- stated 0, which the comparisons, joining it to current_reports, count the
-- same). A sum is NULL when the report states none of its measures; stated
-- counts the report's table figures (narrative figures left out) and largest
-- is the largest of them in absolute value: stated > 0 AND largest = 0 is a
-- report whose figures are all 0.
CREATE OR REPLACE MACRO report_counts(year_from, year_to, province, city, level, agency) AS TABLE
SELECT s.report_id, s.apps_new, s.apps_total, s.apps_granted, s.apps_partial, s.apps_withheld,
       s.review_total, s.review_corrected,
       CASE WHEN s.litigation_direct_total IS NULL AND s.litigation_after_review_total IS NULL THEN NULL
            ELSE coalesce(s.litigation_direct_total, 0) + coalesce(s.litigation_after_review_total, 0) END AS litigation_total,
       CASE WHEN s.litigation_direct_corrected IS NULL AND s.litigation_after_review_corrected IS NULL THEN NULL
            ELSE coalesce(s.litigation_direct_corrected, 0) + coalesce(s.litigation_after_review_corrected, 0) END AS litigation_corrected,
       s.table_stated AS stated, s.table_largest AS largest
FROM current_summary(year_from, year_to, province, city, level, agency) s;
