-- 0016_current_counts: current_counts, report_counts (0013) with the
-- report's agency, region and year beside its counts, so that the
-- comparisons (queries/compare_*.sql) read the per-report summary once.
-- They joined current_reports to report_counts by report id: two scans of
-- the million current reports and a hash join of a million rows on each
-- other, most of /compare's time at national scale. report_counts is now
-- current_counts less those columns: one definition of the counts.

-- One row per current report the filters select: report_id, agency_id,
-- agency, province, city, county, level, year, then the columns of
-- report_counts (its rules: a sum is NULL when the report states none of
-- its measures; stated counts its table figures, largest is the largest of
-- them in absolute value).
CREATE MACRO current_counts(year_from, year_to, province, city, level, agency) AS TABLE
SELECT s.report_id, s.agency_id, s.agency, s.province, s.city, s.county, s.level, s.year,
       s.apps_new, s.apps_total, s.apps_granted, s.apps_partial, s.apps_withheld,
       s.review_total, s.review_corrected,
       CASE WHEN s.litigation_direct_total IS NULL AND s.litigation_after_review_total IS NULL THEN NULL
            ELSE coalesce(s.litigation_direct_total, 0) + coalesce(s.litigation_after_review_total, 0) END AS litigation_total,
       CASE WHEN s.litigation_direct_corrected IS NULL AND s.litigation_after_review_corrected IS NULL THEN NULL
            ELSE coalesce(s.litigation_direct_corrected, 0) + coalesce(s.litigation_after_review_corrected, 0) END AS litigation_corrected,
       s.table_stated AS stated, s.table_largest AS largest
FROM current_summary(year_from, year_to, province, city, level, agency) s;

CREATE OR REPLACE MACRO report_counts(year_from, year_to, province, city, level, agency) AS TABLE
SELECT c.report_id, c.apps_new, c.apps_total, c.apps_granted, c.apps_partial, c.apps_withheld,
       c.review_total, c.review_corrected, c.litigation_total, c.litigation_corrected, c.stated, c.largest
FROM current_counts(year_from, year_to, province, city, level, agency) c;
