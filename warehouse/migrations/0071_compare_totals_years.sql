-- 0071_compare_totals_years: store.compare_totals (0058) keeps, beside each
-- agency's running totals, its county and its current summary rows as
-- compare_regions (地区比较) sums them (years: one STRUCT a current report,
-- in order of year and report), so that compare_regions with a piece of a
-- name reads the ~170,000 kept rows of the selected agencies instead of
-- joining them to the million current summary rows at 1M reports (the
-- summary's scan, the join and the (region, year) group-by of ~1M rows were
-- ~22 ms of the name path's ~31 ms of operator CPU, session 23; a piece is
-- a third of /compare's requests).
--
-- Exact, never a guess: the rows are copies, not sums, so they serve every
-- agency the table holds (exact or not) that is not listed in
-- store.agency_totals_changed; the listed agencies are read from the
-- summary as before. Every writer lists the agencies whose current reports
-- or region it changes (noteTotals), and no writer changes a name. A repair
-- by hand is found at Open: the fingerprint now also hashes apps_new (the
-- only summed figure the running totals did not read), and
-- compare_totals_stale compares the kept county with store.agencies, as it
-- does the province, city, level and name (0062); the tables are then
-- built again, and a read-only open refuses such a file.
--
-- This migration only adds the columns, hashes apps_new, and lists every
-- agency as changed (as 0058 did), so that it costs nothing on a large
-- file: the old fingerprints do not hash apps_new, and every agency is
-- summed from the summary until the next build (gongkai compact, or
-- gongkai serve's background pass, which builds at its start when 1,000
-- agencies or more are listed). compare_totals_build fills the new
-- columns.

ALTER TABLE store.compare_totals ADD COLUMN county VARCHAR;
ALTER TABLE store.compare_totals ADD COLUMN years STRUCT(year INTEGER, zero BOOLEAN, apps_new DOUBLE, apps_total DOUBLE,
    apps_granted DOUBLE, apps_partial DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE,
    litigation_total DOUBLE, litigation_corrected DOUBLE)[];

-- The current summary rows the table keeps (0058's, apps_new now hashed).
CREATE OR REPLACE MACRO store.compare_totals_sources() AS TABLE
SELECT s.agency_id, s.year,
       s.table_stated > 0 AND s.table_largest = 0 AS zero,
       s.apps_total IS NOT NULL AS apps_total_stated, s.apps_total AS apps_total,
       (s.apps_granted IS NOT NULL OR s.apps_partial IS NOT NULL) AS apps_disclosed_stated, coalesce(s.apps_granted, 0) + coalesce(s.apps_partial, 0) AS apps_disclosed,
       s.apps_withheld IS NOT NULL AS apps_withheld_stated, s.apps_withheld AS apps_withheld,
       s.review_total IS NOT NULL AS review_total_stated, s.review_total AS review_total,
       s.review_corrected IS NOT NULL AS review_corrected_stated, s.review_corrected AS review_corrected,
       (s.litigation_direct_total IS NOT NULL OR s.litigation_after_review_total IS NOT NULL) AS litigation_total_stated, coalesce(s.litigation_direct_total, 0) + coalesce(s.litigation_after_review_total, 0) AS litigation_total,
       (s.litigation_direct_corrected IS NOT NULL OR s.litigation_after_review_corrected IS NOT NULL) AS litigation_corrected_stated, coalesce(s.litigation_direct_corrected, 0) + coalesce(s.litigation_after_review_corrected, 0) AS litigation_corrected,
       hash(s.report_id, s.year, s.apps_new, s.apps_total, s.apps_granted, s.apps_partial, s.apps_withheld, s.review_total,
            s.review_corrected, s.litigation_direct_total, s.litigation_after_review_total,
            s.litigation_direct_corrected, s.litigation_after_review_corrected, s.table_stated, s.table_largest) AS h,
       coalesce(s.apps_total = trunc(s.apps_total), true)
         AND coalesce(s.apps_granted = trunc(s.apps_granted), true)
         AND coalesce(s.apps_partial = trunc(s.apps_partial), true)
         AND coalesce(s.apps_withheld = trunc(s.apps_withheld), true)
         AND coalesce(s.review_total = trunc(s.review_total), true)
         AND coalesce(s.review_corrected = trunc(s.review_corrected), true)
         AND coalesce(s.litigation_direct_total = trunc(s.litigation_direct_total), true)
         AND coalesce(s.litigation_after_review_total = trunc(s.litigation_after_review_total), true)
         AND coalesce(s.litigation_direct_corrected = trunc(s.litigation_direct_corrected), true)
         AND coalesce(s.litigation_after_review_corrected = trunc(s.litigation_after_review_corrected), true) AS whole
FROM store.report_summary s
WHERE s.is_current;

-- Every agency is summed from the summary until the table is built again.
INSERT INTO store.agency_totals_changed SELECT a.agency_id FROM store.agencies a;
