-- 0058_compare_totals: store.compare_totals, one row per agency with a
-- current report holding what compare_agencies (机构比较) sums over a range
-- of years, kept so that no request groups the million summary rows of
-- 1M reports into ~170,000 agencies (~50 ms of the query's ~85 ms of CPU,
-- and a second scan of the summary for the listed agencies' other sums,
-- ~20 ms; /compare's p95 81-92 ms at 1M).
--
-- For each of the seven sums (办理总计, 予以公开 + 部分公开, 不予公开,
-- 行政复议 总计 and 纠正, 行政诉讼 总计 and 纠正, litigation as
-- current_counts adds its two columns) the running total of the reports
-- that state it, up to and including each year of the window 2008-2039,
-- one STRUCT of the seven per year (y2008 … y2039): a range [a, b] is
-- y<b> minus y<a-1>, picked by a CASE on the bound years that DuckDB folds
-- when it plans the query with the parameters' values (two CASEs rather
-- than fourteen: binding a CASE of 32 columns costs ~0.4 ms). Whether a
-- sum has any report in the range (else it is NULL, as the plain sum) and
-- how many reports there are come from bit sets of the years (bit y-2008):
-- the years with a current report (reported), with one whose table
-- figures are all 0 (zero_years), and with a report stating each sum
-- (<sum>_years). An agency has at most one current report a year.
--
-- Exact, never a guess, as store.agency_totals (0044), whose list of
-- changed agencies it shares: a row is read only when
--   - its agency's current reports all lie in the window, one a year, and
--     every figure summed is a whole number with the sums of their sizes
--     below 2^52 (the running totals, their differences and the plain
--     query's DOUBLE sums are then the same whole numbers in any order);
--     otherwise exact is false; and
--   - its agency is not in store.agency_totals_changed, where the writer
--     adds every agency whose current reports a transaction changes.
-- The other agencies are summed from their current summary rows, as
-- compare_agencies did: the macro compare_totals gives the same rows
-- either way. The table is built again together with store.agency_totals,
-- in the same transaction and pieces (warehouse/totals.go: gongkai compact,
-- and serve's background pass when many agencies have changed), which
-- empties the shared list. fingerprint is the bit_xor of a hash of each of
-- the agency's current summary rows as summed: Open compares them with the
-- summary as it stands (compare_totals_stale) and lists every agency as
-- changed when they differ (a repair by hand); a read-only open refuses
-- such a file.
--
-- This migration only creates the table and lists every agency as changed
-- (as 0044 did), so that it costs nothing on a large file: until the next
-- build (gongkai compact; gongkai serve's background pass, which builds
-- when 1,000 agencies or more are listed, at its start on such a file) the
-- per-agency rankings sum every agency from the summary, as before 0044.

CREATE TABLE store.compare_totals (
    agency_id   BIGINT  NOT NULL,
    exact       BOOLEAN NOT NULL,
    fingerprint UBIGINT NOT NULL,
    reported    BIGINT  NOT NULL,
    zero_years  BIGINT  NOT NULL,
    apps_total_years BIGINT NOT NULL,
    apps_disclosed_years BIGINT NOT NULL,
    apps_withheld_years BIGINT NOT NULL,
    review_total_years BIGINT NOT NULL,
    review_corrected_years BIGINT NOT NULL,
    litigation_total_years BIGINT NOT NULL,
    litigation_corrected_years BIGINT NOT NULL,
    y2008 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2009 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2010 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2011 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2012 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2013 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2014 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2015 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2016 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2017 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2018 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2019 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2020 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2021 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2022 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2023 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2024 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2025 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2026 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2027 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2028 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2029 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2030 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2031 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2032 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2033 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2034 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2035 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2036 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2037 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2038 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL,
    y2039 STRUCT(apps_total DOUBLE, apps_disclosed DOUBLE, apps_withheld DOUBLE, review_total DOUBLE, review_corrected DOUBLE, litigation_total DOUBLE, litigation_corrected DOUBLE) NOT NULL
);

-- The current summary rows the table sums: each measure's value where the
-- report states it (stated), the hash of every column read (the
-- fingerprint combines them) and whether every value is a whole number.
CREATE MACRO store.compare_totals_sources() AS TABLE
SELECT s.agency_id, s.year,
       s.table_stated > 0 AND s.table_largest = 0 AS zero,
       s.apps_total IS NOT NULL AS apps_total_stated, s.apps_total AS apps_total,
       (s.apps_granted IS NOT NULL OR s.apps_partial IS NOT NULL) AS apps_disclosed_stated, coalesce(s.apps_granted, 0) + coalesce(s.apps_partial, 0) AS apps_disclosed,
       s.apps_withheld IS NOT NULL AS apps_withheld_stated, s.apps_withheld AS apps_withheld,
       s.review_total IS NOT NULL AS review_total_stated, s.review_total AS review_total,
       s.review_corrected IS NOT NULL AS review_corrected_stated, s.review_corrected AS review_corrected,
       (s.litigation_direct_total IS NOT NULL OR s.litigation_after_review_total IS NOT NULL) AS litigation_total_stated, coalesce(s.litigation_direct_total, 0) + coalesce(s.litigation_after_review_total, 0) AS litigation_total,
       (s.litigation_direct_corrected IS NOT NULL OR s.litigation_after_review_corrected IS NOT NULL) AS litigation_corrected_stated, coalesce(s.litigation_direct_corrected, 0) + coalesce(s.litigation_after_review_corrected, 0) AS litigation_corrected,
       hash(s.report_id, s.year, s.apps_total, s.apps_granted, s.apps_partial, s.apps_withheld, s.review_total,
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

-- The table's rows for the agencies whose ids lie in [lo, hi]: one piece
-- of a build (warehouse/totals.go builds 25,000 agency ids a statement so
-- that a build fits a server's memory at 1M reports). The seven running
-- totals are taken with a window over each agency's years, one STRUCT a
-- year, put in the years' columns by a PIVOT; a year without a report
-- takes the last earlier year's (coalesce down to 2008, then zeros), as
-- 0050 does for store.agency_totals. (224 filtered sums, one per total and
-- year, took 3.2 s of CPU for 25,000 agencies at 1M reports, this 0.5 s.)
CREATE MACRO store.compare_totals_rows(lo, hi) AS TABLE
WITH r AS (
    SELECT * FROM store.compare_totals_sources() WHERE agency_id BETWEEN lo AND hi
), e AS (
    SELECT r.agency_id,
       bool_and(r.year BETWEEN 2008 AND 2039 AND r.whole) AND count(*) = count(DISTINCT r.year)
         AND greatest(coalesce(sum(abs(r.apps_total)), 0), coalesce(sum(abs(r.apps_disclosed)), 0), coalesce(sum(abs(r.apps_withheld)), 0),
                      coalesce(sum(abs(r.review_total)), 0), coalesce(sum(abs(r.review_corrected)), 0),
                      coalesce(sum(abs(r.litigation_total)), 0), coalesce(sum(abs(r.litigation_corrected)), 0)) < 4503599627370496 AS exact,
       bit_xor(r.h) AS fingerprint,
       coalesce(bit_or(1::BIGINT << (least(greatest(r.year, 2008), 2039) - 2008)) FILTER (WHERE r.year BETWEEN 2008 AND 2039), 0) AS reported,
       coalesce(bit_or(1::BIGINT << (least(greatest(r.year, 2008), 2039) - 2008)) FILTER (WHERE r.year BETWEEN 2008 AND 2039 AND r.zero), 0) AS zero_years,
       coalesce(bit_or(1::BIGINT << (least(greatest(r.year, 2008), 2039) - 2008)) FILTER (WHERE r.year BETWEEN 2008 AND 2039 AND r.apps_total_stated), 0) AS apps_total_years,
       coalesce(bit_or(1::BIGINT << (least(greatest(r.year, 2008), 2039) - 2008)) FILTER (WHERE r.year BETWEEN 2008 AND 2039 AND r.apps_disclosed_stated), 0) AS apps_disclosed_years,
       coalesce(bit_or(1::BIGINT << (least(greatest(r.year, 2008), 2039) - 2008)) FILTER (WHERE r.year BETWEEN 2008 AND 2039 AND r.apps_withheld_stated), 0) AS apps_withheld_years,
       coalesce(bit_or(1::BIGINT << (least(greatest(r.year, 2008), 2039) - 2008)) FILTER (WHERE r.year BETWEEN 2008 AND 2039 AND r.review_total_stated), 0) AS review_total_years,
       coalesce(bit_or(1::BIGINT << (least(greatest(r.year, 2008), 2039) - 2008)) FILTER (WHERE r.year BETWEEN 2008 AND 2039 AND r.review_corrected_stated), 0) AS review_corrected_years,
       coalesce(bit_or(1::BIGINT << (least(greatest(r.year, 2008), 2039) - 2008)) FILTER (WHERE r.year BETWEEN 2008 AND 2039 AND r.litigation_total_stated), 0) AS litigation_total_years,
       coalesce(bit_or(1::BIGINT << (least(greatest(r.year, 2008), 2039) - 2008)) FILTER (WHERE r.year BETWEEN 2008 AND 2039 AND r.litigation_corrected_stated), 0) AS litigation_corrected_years
    FROM r GROUP BY r.agency_id
), c AS (
    SELECT r.agency_id, r.year,
           struct_pack(apps_total := sum(CASE WHEN r.apps_total_stated THEN r.apps_total ELSE 0 END) OVER w,
                       apps_disclosed := sum(CASE WHEN r.apps_disclosed_stated THEN r.apps_disclosed ELSE 0 END) OVER w,
                       apps_withheld := sum(CASE WHEN r.apps_withheld_stated THEN r.apps_withheld ELSE 0 END) OVER w,
                       review_total := sum(CASE WHEN r.review_total_stated THEN r.review_total ELSE 0 END) OVER w,
                       review_corrected := sum(CASE WHEN r.review_corrected_stated THEN r.review_corrected ELSE 0 END) OVER w,
                       litigation_total := sum(CASE WHEN r.litigation_total_stated THEN r.litigation_total ELSE 0 END) OVER w,
                       litigation_corrected := sum(CASE WHEN r.litigation_corrected_stated THEN r.litigation_corrected ELSE 0 END) OVER w) AS v
    FROM r WHERE r.year BETWEEN 2008 AND 2039
    WINDOW w AS (PARTITION BY r.agency_id ORDER BY r.year ROWS UNBOUNDED PRECEDING)
), p AS (
    PIVOT (SELECT agency_id, year, v FROM c) ON year IN (2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035, 2036, 2037, 2038, 2039) USING first(v) GROUP BY agency_id
), z AS (
    SELECT struct_pack(apps_total := 0::DOUBLE, apps_disclosed := 0::DOUBLE, apps_withheld := 0::DOUBLE,
                       review_total := 0::DOUBLE, review_corrected := 0::DOUBLE, litigation_total := 0::DOUBLE, litigation_corrected := 0::DOUBLE) AS v
)
SELECT e.*, coalesce(p."2008", z.v) AS y2008,
       coalesce(p."2009", p."2008", z.v) AS y2009,
       coalesce(p."2010", p."2009", p."2008", z.v) AS y2010,
       coalesce(p."2011", p."2010", p."2009", p."2008", z.v) AS y2011,
       coalesce(p."2012", p."2011", p."2010", p."2009", p."2008", z.v) AS y2012,
       coalesce(p."2013", p."2012", p."2011", p."2010", p."2009", p."2008", z.v) AS y2013,
       coalesce(p."2014", p."2013", p."2012", p."2011", p."2010", p."2009", p."2008", z.v) AS y2014,
       coalesce(p."2015", p."2014", p."2013", p."2012", p."2011", p."2010", p."2009", p."2008", z.v) AS y2015,
       coalesce(p."2016", p."2015", p."2014", p."2013", p."2012", p."2011", p."2010", p."2009", p."2008", z.v) AS y2016,
       coalesce(p."2017", p."2016", p."2015", p."2014", p."2013", p."2012", p."2011", p."2010", p."2009", p."2008", z.v) AS y2017,
       coalesce(p."2018", p."2017", p."2016", p."2015", p."2014", p."2013", p."2012", p."2011", p."2010", p."2009", p."2008", z.v) AS y2018,
       coalesce(p."2019", p."2018", p."2017", p."2016", p."2015", p."2014", p."2013", p."2012", p."2011", p."2010", p."2009", p."2008", z.v) AS y2019,
       coalesce(p."2020", p."2019", p."2018", p."2017", p."2016", p."2015", p."2014", p."2013", p."2012", p."2011", p."2010", p."2009", p."2008", z.v) AS y2020,
       coalesce(p."2021", p."2020", p."2019", p."2018", p."2017", p."2016", p."2015", p."2014", p."2013", p."2012", p."2011", p."2010", p."2009", p."2008", z.v) AS y2021,
       coalesce(p."2022", p."2021", p."2020", p."2019", p."2018", p."2017", p."2016", p."2015", p."2014", p."2013", p."2012", p."2011", p."2010", p."2009", p."2008", z.v) AS y2022,
       coalesce(p."2023", p."2022", p."2021", p."2020", p."2019", p."2018", p."2017", p."2016", p."2015", p."2014", p."2013", p."2012", p."2011", p."2010", p."2009", p."2008", z.v) AS y2023,
       coalesce(p."2024", p."2023", p."2022", p."2021", p."2020", p."2019", p."2018", p."2017", p."2016", p."2015", p."2014", p."2013", p."2012", p."2011", p."2010", p."2009", p."2008", z.v) AS y2024,
       coalesce(p."2025", p."2024", p."2023", p."2022", p."2021", p."2020", p."2019", p."2018", p."2017", p."2016", p."2015", p."2014", p."2013", p."2012", p."2011", p."2010", p."2009", p."2008", z.v) AS y2025,
       coalesce(p."2026", p."2025", p."2024", p."2023", p."2022", p."2021", p."2020", p."2019", p."2018", p."2017", p."2016", p."2015", p."2014", p."2013", p."2012", p."2011", p."2010", p."2009", p."2008", z.v) AS y2026,
       coalesce(p."2027", p."2026", p."2025", p."2024", p."2023", p."2022", p."2021", p."2020", p."2019", p."2018", p."2017", p."2016", p."2015", p."2014", p."2013", p."2012", p."2011", p."2010", p."2009", p."2008", z.v) AS y2027,
       coalesce(p."2028", p."2027", p."2026", p."2025", p."2024", p."2023", p."2022", p."2021", p."2020", p."2019", p."2018", p."2017", p."2016", p."2015", p."2014", p."2013", p."2012", p."2011", p."2010", p."2009", p."2008", z.v) AS y2028,
       coalesce(p."2029", p."2028", p."2027", p."2026", p."2025", p."2024", p."2023", p."2022", p."2021", p."2020", p."2019", p."2018", p."2017", p."2016", p."2015", p."2014", p."2013", p."2012", p."2011", p."2010", p."2009", p."2008", z.v) AS y2029,
       coalesce(p."2030", p."2029", p."2028", p."2027", p."2026", p."2025", p."2024", p."2023", p."2022", p."2021", p."2020", p."2019", p."2018", p."2017", p."2016", p."2015", p."2014", p."2013", p."2012", p."2011", p."2010", p."2009", p."2008", z.v) AS y2030,
       coalesce(p."2031", p."2030", p."2029", p."2028", p."2027", p."2026", p."2025", p."2024", p."2023", p."2022", p."2021", p."2020", p."2019", p."2018", p."2017", p."2016", p."2015", p."2014", p."2013", p."2012", p."2011", p."2010", p."2009", p."2008", z.v) AS y2031,
       coalesce(p."2032", p."2031", p."2030", p."2029", p."2028", p."2027", p."2026", p."2025", p."2024", p."2023", p."2022", p."2021", p."2020", p."2019", p."2018", p."2017", p."2016", p."2015", p."2014", p."2013", p."2012", p."2011", p."2010", p."2009", p."2008", z.v) AS y2032,
       coalesce(p."2033", p."2032", p."2031", p."2030", p."2029", p."2028", p."2027", p."2026", p."2025", p."2024", p."2023", p."2022", p."2021", p."2020", p."2019", p."2018", p."2017", p."2016", p."2015", p."2014", p."2013", p."2012", p."2011", p."2010", p."2009", p."2008", z.v) AS y2033,
       coalesce(p."2034", p."2033", p."2032", p."2031", p."2030", p."2029", p."2028", p."2027", p."2026", p."2025", p."2024", p."2023", p."2022", p."2021", p."2020", p."2019", p."2018", p."2017", p."2016", p."2015", p."2014", p."2013", p."2012", p."2011", p."2010", p."2009", p."2008", z.v) AS y2034,
       coalesce(p."2035", p."2034", p."2033", p."2032", p."2031", p."2030", p."2029", p."2028", p."2027", p."2026", p."2025", p."2024", p."2023", p."2022", p."2021", p."2020", p."2019", p."2018", p."2017", p."2016", p."2015", p."2014", p."2013", p."2012", p."2011", p."2010", p."2009", p."2008", z.v) AS y2035,
       coalesce(p."2036", p."2035", p."2034", p."2033", p."2032", p."2031", p."2030", p."2029", p."2028", p."2027", p."2026", p."2025", p."2024", p."2023", p."2022", p."2021", p."2020", p."2019", p."2018", p."2017", p."2016", p."2015", p."2014", p."2013", p."2012", p."2011", p."2010", p."2009", p."2008", z.v) AS y2036,
       coalesce(p."2037", p."2036", p."2035", p."2034", p."2033", p."2032", p."2031", p."2030", p."2029", p."2028", p."2027", p."2026", p."2025", p."2024", p."2023", p."2022", p."2021", p."2020", p."2019", p."2018", p."2017", p."2016", p."2015", p."2014", p."2013", p."2012", p."2011", p."2010", p."2009", p."2008", z.v) AS y2037,
       coalesce(p."2038", p."2037", p."2036", p."2035", p."2034", p."2033", p."2032", p."2031", p."2030", p."2029", p."2028", p."2027", p."2026", p."2025", p."2024", p."2023", p."2022", p."2021", p."2020", p."2019", p."2018", p."2017", p."2016", p."2015", p."2014", p."2013", p."2012", p."2011", p."2010", p."2009", p."2008", z.v) AS y2038,
       coalesce(p."2039", p."2038", p."2037", p."2036", p."2035", p."2034", p."2033", p."2032", p."2031", p."2030", p."2029", p."2028", p."2027", p."2026", p."2025", p."2024", p."2023", p."2022", p."2021", p."2020", p."2019", p."2018", p."2017", p."2016", p."2015", p."2014", p."2013", p."2012", p."2011", p."2010", p."2009", p."2008", z.v) AS y2039
FROM e LEFT JOIN p ON p.agency_id = e.agency_id, z;


-- compare_totals: per agency with a current report in the years from
-- year_from to year_to (either NULL for open; none when year_from >
-- year_to), its reports, the reports whose table figures are all 0
-- (zero_reports) and the seven sums, each NULL when no report of the range
-- states it: the kept rows of the agencies held exactly and not changed
-- since, and the sums of the others' current summary rows. An agency of the
-- first branch has no report outside the window, so a bound beyond it
-- reads the window's first or last year.
CREATE MACRO compare_totals(year_from, year_to) AS TABLE
WITH t AS (
    SELECT t.agency_id, t.exact, t.reported, t.zero_years,
           t.apps_total_years, t.apps_disclosed_years, t.apps_withheld_years, t.review_total_years,
           t.review_corrected_years, t.litigation_total_years, t.litigation_corrected_years,
           CASE coalesce(year_to, 2039) WHEN 2008 THEN t.y2008 WHEN 2009 THEN t.y2009 WHEN 2010 THEN t.y2010
               WHEN 2011 THEN t.y2011 WHEN 2012 THEN t.y2012 WHEN 2013 THEN t.y2013 WHEN 2014 THEN t.y2014
               WHEN 2015 THEN t.y2015 WHEN 2016 THEN t.y2016 WHEN 2017 THEN t.y2017 WHEN 2018 THEN t.y2018
               WHEN 2019 THEN t.y2019 WHEN 2020 THEN t.y2020 WHEN 2021 THEN t.y2021 WHEN 2022 THEN t.y2022
               WHEN 2023 THEN t.y2023 WHEN 2024 THEN t.y2024 WHEN 2025 THEN t.y2025 WHEN 2026 THEN t.y2026
               WHEN 2027 THEN t.y2027 WHEN 2028 THEN t.y2028 WHEN 2029 THEN t.y2029 WHEN 2030 THEN t.y2030
               WHEN 2031 THEN t.y2031 WHEN 2032 THEN t.y2032 WHEN 2033 THEN t.y2033 WHEN 2034 THEN t.y2034
               WHEN 2035 THEN t.y2035 WHEN 2036 THEN t.y2036 WHEN 2037 THEN t.y2037 WHEN 2038 THEN t.y2038
               WHEN 2039 THEN t.y2039 ELSE t.y2039 END AS hi,
           CASE coalesce(year_from, 2008) WHEN 2009 THEN t.y2008 WHEN 2010 THEN t.y2009 WHEN 2011 THEN t.y2010
               WHEN 2012 THEN t.y2011 WHEN 2013 THEN t.y2012 WHEN 2014 THEN t.y2013 WHEN 2015 THEN t.y2014
               WHEN 2016 THEN t.y2015 WHEN 2017 THEN t.y2016 WHEN 2018 THEN t.y2017 WHEN 2019 THEN t.y2018
               WHEN 2020 THEN t.y2019 WHEN 2021 THEN t.y2020 WHEN 2022 THEN t.y2021 WHEN 2023 THEN t.y2022
               WHEN 2024 THEN t.y2023 WHEN 2025 THEN t.y2024 WHEN 2026 THEN t.y2025 WHEN 2027 THEN t.y2026
               WHEN 2028 THEN t.y2027 WHEN 2029 THEN t.y2028 WHEN 2030 THEN t.y2029 WHEN 2031 THEN t.y2030
               WHEN 2032 THEN t.y2031 WHEN 2033 THEN t.y2032 WHEN 2034 THEN t.y2033 WHEN 2035 THEN t.y2034
               WHEN 2036 THEN t.y2035 WHEN 2037 THEN t.y2036 WHEN 2038 THEN t.y2037 WHEN 2039 THEN t.y2038 END AS lo,
           CASE WHEN greatest(coalesce(year_from, 2008), 2008) > least(coalesce(year_to, 2039), 2039) THEN 0::BIGINT
                ELSE (1::BIGINT << (least(coalesce(year_to, 2039), 2039) - 2007))
                     - (1::BIGINT << (greatest(coalesce(year_from, 2008), 2008) - 2008)) END AS b
    FROM store.compare_totals t
)
SELECT t.agency_id, bit_count(t.reported & t.b)::BIGINT AS reports, bit_count(t.zero_years & t.b)::BIGINT AS zero_reports,
       CASE WHEN t.apps_total_years & t.b <> 0 THEN t.hi.apps_total - coalesce(t.lo.apps_total, 0) END AS apps_total,
       CASE WHEN t.apps_disclosed_years & t.b <> 0 THEN t.hi.apps_disclosed - coalesce(t.lo.apps_disclosed, 0) END AS apps_disclosed,
       CASE WHEN t.apps_withheld_years & t.b <> 0 THEN t.hi.apps_withheld - coalesce(t.lo.apps_withheld, 0) END AS apps_withheld,
       CASE WHEN t.review_total_years & t.b <> 0 THEN t.hi.review_total - coalesce(t.lo.review_total, 0) END AS review_total,
       CASE WHEN t.review_corrected_years & t.b <> 0 THEN t.hi.review_corrected - coalesce(t.lo.review_corrected, 0) END AS review_corrected,
       CASE WHEN t.litigation_total_years & t.b <> 0 THEN t.hi.litigation_total - coalesce(t.lo.litigation_total, 0) END AS litigation_total,
       CASE WHEN t.litigation_corrected_years & t.b <> 0 THEN t.hi.litigation_corrected - coalesce(t.lo.litigation_corrected, 0) END AS litigation_corrected
FROM t
WHERE t.exact AND t.reported & t.b <> 0
  AND t.agency_id NOT IN (SELECT c.agency_id FROM store.agency_totals_changed c)
UNION ALL
SELECT s.agency_id, count(*) AS reports,
       count(CASE WHEN s.table_stated > 0 AND s.table_largest = 0 THEN 1 END) AS zero_reports,
       sum(CASE WHEN s.apps_total IS NOT NULL THEN s.apps_total END) AS apps_total,
       sum(CASE WHEN (s.apps_granted IS NOT NULL OR s.apps_partial IS NOT NULL) THEN coalesce(s.apps_granted, 0) + coalesce(s.apps_partial, 0) END) AS apps_disclosed,
       sum(CASE WHEN s.apps_withheld IS NOT NULL THEN s.apps_withheld END) AS apps_withheld,
       sum(CASE WHEN s.review_total IS NOT NULL THEN s.review_total END) AS review_total,
       sum(CASE WHEN s.review_corrected IS NOT NULL THEN s.review_corrected END) AS review_corrected,
       sum(CASE WHEN (s.litigation_direct_total IS NOT NULL OR s.litigation_after_review_total IS NOT NULL) THEN coalesce(s.litigation_direct_total, 0) + coalesce(s.litigation_after_review_total, 0) END) AS litigation_total,
       sum(CASE WHEN (s.litigation_direct_corrected IS NOT NULL OR s.litigation_after_review_corrected IS NOT NULL) THEN coalesce(s.litigation_direct_corrected, 0) + coalesce(s.litigation_after_review_corrected, 0) END) AS litigation_corrected
FROM store.report_summary s
WHERE s.is_current
  AND (year_from IS NULL OR s.year >= year_from)
  AND (year_to IS NULL OR s.year <= year_to)
  AND s.agency_id IN (SELECT c.agency_id FROM store.agency_totals_changed c
                      UNION ALL
                      SELECT t.agency_id FROM store.compare_totals t WHERE NOT t.exact)
GROUP BY s.agency_id;


-- Every agency is summed from the summary until the table is built.
INSERT INTO store.agency_totals_changed SELECT a.agency_id FROM store.agencies a;
