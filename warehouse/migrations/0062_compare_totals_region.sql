-- 0062_compare_totals_region: store.compare_totals (0058) keeps each
-- agency's province, city, level and name beside its running totals, as
-- store.agency_totals does (0064, 0066), and the macro compare_totals
-- returns them, so that compare_agencies (机构比较) filters the kept rows on
-- their own columns instead of semi-joining the ~170,000 totals to the
-- agencies selected_agencies selects (a region, level or name is ~70 % of
-- the page's requests; at 1M reports that join cost 8-13 ms, and the
-- query expanded the macro in two UNION ALL branches over all the sums
-- materialized first).
--
-- Exact, never a guess: the region and name are read from the table only
-- for the rows the macro already reads from it (exact, and the agency not
-- in store.agency_totals_changed, the list both tables share). Every
-- change of an agency's region notes the agency there in the same
-- transaction (a load that moves an agency with its report's region writes
-- a report of that agency; SetAgencyRegion notes it, 0064), and no writer
-- changes a name. A region or name edited by hand in store.agencies is
-- found at Open (compare_totals_stale compares the kept ones with
-- store.agencies), and the tables are then built again; a read-only open
-- refuses such a file. compare_totals_build fills them from
-- store.agencies. The rows of the changed and inexact agencies take theirs
-- from store.agencies.
--
-- The year columns are picked by COLUMNS with a pattern made of the bound
-- years (cast to BIGINT: only digits reach the pattern) instead of two
-- CASEs of 32 branches, which DuckDB bound in full before folding them
-- (~1 ms of planning per expansion, 0064). A bound outside the window
-- reads the window's first or last column, as the CASEs' ELSE did; a range
-- outside the window selects no kept row (b is 0).
--
-- Cost on an existing warehouse: four columns added and filled from
-- store.agencies (~170,000 rows at 1M reports: gongkai compact --db on a
-- copy of the 1M demo file, this migration included, 3.0 s wall and 215 MB
-- peak RSS).

ALTER TABLE store.compare_totals ADD COLUMN province VARCHAR;
ALTER TABLE store.compare_totals ADD COLUMN city VARCHAR;
ALTER TABLE store.compare_totals ADD COLUMN level VARCHAR;
ALTER TABLE store.compare_totals ADD COLUMN name VARCHAR;
UPDATE store.compare_totals t SET province = a.province, city = a.city, level = a.level, name = a.name
FROM store.agencies a WHERE a.agency_id = t.agency_id;

-- compare_totals: per agency with a current report in the years from
-- year_from to year_to (either NULL for open; none when year_from >
-- year_to), its reports, the reports whose table figures are all 0
-- (zero_reports) and the seven sums, each NULL when no report of the range
-- states it, with the agency's province, city, level and name: the kept
-- rows of the agencies held exactly and not changed since, and the sums of
-- the others' current summary rows. An agency of the first branch has no
-- report outside the window, so a bound beyond it reads the window's first
-- or last year. hi is the running totals up to year_to, lo those up to the
-- year before year_from (none from 2008 or earlier), b the bit set of the
-- range's years.
CREATE OR REPLACE MACRO compare_totals(year_from, year_to) AS TABLE
SELECT k.agency_id, bit_count(k.reported & k.b)::BIGINT AS reports, bit_count(k.zero_years & k.b)::BIGINT AS zero_reports,
       CASE WHEN k.apps_total_years & k.b <> 0
            THEN k.hi.apps_total - (CASE WHEN year_from IS NULL OR year_from::BIGINT <= 2008 THEN 0 ELSE k.lo.apps_total END) END AS apps_total,
       CASE WHEN k.apps_disclosed_years & k.b <> 0
            THEN k.hi.apps_disclosed - (CASE WHEN year_from IS NULL OR year_from::BIGINT <= 2008 THEN 0 ELSE k.lo.apps_disclosed END) END AS apps_disclosed,
       CASE WHEN k.apps_withheld_years & k.b <> 0
            THEN k.hi.apps_withheld - (CASE WHEN year_from IS NULL OR year_from::BIGINT <= 2008 THEN 0 ELSE k.lo.apps_withheld END) END AS apps_withheld,
       CASE WHEN k.review_total_years & k.b <> 0
            THEN k.hi.review_total - (CASE WHEN year_from IS NULL OR year_from::BIGINT <= 2008 THEN 0 ELSE k.lo.review_total END) END AS review_total,
       CASE WHEN k.review_corrected_years & k.b <> 0
            THEN k.hi.review_corrected - (CASE WHEN year_from IS NULL OR year_from::BIGINT <= 2008 THEN 0 ELSE k.lo.review_corrected END) END AS review_corrected,
       CASE WHEN k.litigation_total_years & k.b <> 0
            THEN k.hi.litigation_total - (CASE WHEN year_from IS NULL OR year_from::BIGINT <= 2008 THEN 0 ELSE k.lo.litigation_total END) END AS litigation_total,
       CASE WHEN k.litigation_corrected_years & k.b <> 0
            THEN k.hi.litigation_corrected - (CASE WHEN year_from IS NULL OR year_from::BIGINT <= 2008 THEN 0 ELSE k.lo.litigation_corrected END) END AS litigation_corrected,
       k.province, k.city, k.level, k.name
FROM (
    SELECT t.agency_id, t.reported, t.zero_years,
           t.apps_total_years, t.apps_disclosed_years, t.apps_withheld_years, t.review_total_years,
           t.review_corrected_years, t.litigation_total_years, t.litigation_corrected_years,
           t.province, t.city, t.level, t.name,
           CASE WHEN greatest(coalesce(year_from::BIGINT, 2008), 2008) > least(coalesce(year_to::BIGINT, 2039), 2039) THEN 0::BIGINT
                ELSE (1::BIGINT << (least(coalesce(year_to::BIGINT, 2039), 2039) - 2007))
                     - (1::BIGINT << (greatest(coalesce(year_from::BIGINT, 2008), 2008) - 2008)) END AS b,
           COLUMNS('^y' || least(greatest(coalesce(year_to::BIGINT, 2039), 2008), 2039) || '$'),
           COLUMNS('^y' || least(greatest(coalesce(year_from::BIGINT, 2008) - 1, 2008), 2039) || '$')
    FROM store.compare_totals t
    WHERE t.exact
      AND t.agency_id NOT IN (SELECT c.agency_id FROM store.agency_totals_changed c)
) k(agency_id, reported, zero_years, apps_total_years, apps_disclosed_years, apps_withheld_years, review_total_years,
    review_corrected_years, litigation_total_years, litigation_corrected_years, province, city, level, name, b, hi, lo)
WHERE k.reported & k.b <> 0
UNION ALL
SELECT s.agency_id, count(*) AS reports,
       count(CASE WHEN s.table_stated > 0 AND s.table_largest = 0 THEN 1 END) AS zero_reports,
       sum(CASE WHEN s.apps_total IS NOT NULL THEN s.apps_total END) AS apps_total,
       sum(CASE WHEN (s.apps_granted IS NOT NULL OR s.apps_partial IS NOT NULL) THEN coalesce(s.apps_granted, 0) + coalesce(s.apps_partial, 0) END) AS apps_disclosed,
       sum(CASE WHEN s.apps_withheld IS NOT NULL THEN s.apps_withheld END) AS apps_withheld,
       sum(CASE WHEN s.review_total IS NOT NULL THEN s.review_total END) AS review_total,
       sum(CASE WHEN s.review_corrected IS NOT NULL THEN s.review_corrected END) AS review_corrected,
       sum(CASE WHEN (s.litigation_direct_total IS NOT NULL OR s.litigation_after_review_total IS NOT NULL) THEN coalesce(s.litigation_direct_total, 0) + coalesce(s.litigation_after_review_total, 0) END) AS litigation_total,
       sum(CASE WHEN (s.litigation_direct_corrected IS NOT NULL OR s.litigation_after_review_corrected IS NOT NULL) THEN coalesce(s.litigation_direct_corrected, 0) + coalesce(s.litigation_after_review_corrected, 0) END) AS litigation_corrected,
       any_value(a.province) AS province, any_value(a.city) AS city, any_value(a.level) AS level,
       any_value(a.name) AS name
FROM store.report_summary s
JOIN store.agencies a ON a.agency_id = s.agency_id
WHERE s.is_current
  AND (year_from IS NULL OR s.year >= year_from)
  AND (year_to IS NULL OR s.year <= year_to)
  AND s.agency_id IN (SELECT c.agency_id FROM store.agency_totals_changed c
                      UNION ALL
                      SELECT t.agency_id FROM store.compare_totals t WHERE NOT t.exact)
GROUP BY s.agency_id;
