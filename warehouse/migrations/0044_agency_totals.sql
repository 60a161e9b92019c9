-- 0044_agency_totals: store.agency_totals, one row per agency with a current
-- report holding, for each year of a fixed window (2008-2039), the running
-- total up to and including that year of what the per-agency rankings sum
-- (licensing_ranking, proactive_by_agency, applications_by_agency): the
-- reports that state the figure and the figure's sum. A range of years
-- [a, b] is then the column of b minus the column of a - 1, picked by a
-- CASE on the bound years (macros licensing_totals, proactive_totals and
-- application_totals below), which DuckDB folds to two columns when it
-- plans the query with the parameters' values. At
-- 1M reports the rankings summed 1M summary rows per agency on every
-- request (licensing_ranking 41-45 ms of CPU, /licensing's p95 67-68 ms);
-- the table is 170,000 rows.
--
-- Exact, never a guess: a row is used only when
--   - its agency's current reports all lie in the window and every figure
--     summed is a whole number with the sums of their sizes below 2^52
--     (exact: the running totals, their differences and the plain query's
--     DOUBLE sums are then the same whole numbers in any order); otherwise
--     exact is false; and
--   - its agency is not in store.agency_totals_changed: the writer adds,
--     in the transaction of every change of an agency's current reports
--     (new, retired, confirmed, re-checked, the agencies store.agency_status
--     is refreshed for), the agency's id there instead of writing its row
--     again (rows of 194 columns for 4,096 random agencies took 70-300 ms
--     at 1M reports, against a bulk load's ~800 ms for such a group; the
--     ids take about a millisecond).
-- The other agencies (changed or not exact) are summed from their current
-- summary rows, as before: the macros give the same rows either way.
-- The table is built again (store.agency_totals_rows, a PIVOT of the
-- summary rows by year, ~3 s at 1M reports) by gongkai compact and by
-- serve's background pass when many agencies have changed
-- (warehouse/totals.go), which empties store.agency_totals_changed.
--
-- fingerprint is the bit_xor of a hash of each of the agency's current
-- summary rows as summed (store.agency_totals_sources): Open compares the
-- agencies' fingerprints, other than the changed ones, with the summary
-- as it stands and builds the table again when they differ (a repair by
-- hand of store.reports, or reports loaded by a binary older than this
-- migration, which does not note the changed agencies); a read-only open
-- refuses such a file, as it refuses a stale summary.

CREATE TABLE store.agency_totals (
    agency_id   BIGINT  NOT NULL,
    exact       BOOLEAN NOT NULL,
    fingerprint UBIGINT NOT NULL,
    licensing_reports_2008 INTEGER NOT NULL,
    licensing_reports_2009 INTEGER NOT NULL,
    licensing_reports_2010 INTEGER NOT NULL,
    licensing_reports_2011 INTEGER NOT NULL,
    licensing_reports_2012 INTEGER NOT NULL,
    licensing_reports_2013 INTEGER NOT NULL,
    licensing_reports_2014 INTEGER NOT NULL,
    licensing_reports_2015 INTEGER NOT NULL,
    licensing_reports_2016 INTEGER NOT NULL,
    licensing_reports_2017 INTEGER NOT NULL,
    licensing_reports_2018 INTEGER NOT NULL,
    licensing_reports_2019 INTEGER NOT NULL,
    licensing_reports_2020 INTEGER NOT NULL,
    licensing_reports_2021 INTEGER NOT NULL,
    licensing_reports_2022 INTEGER NOT NULL,
    licensing_reports_2023 INTEGER NOT NULL,
    licensing_reports_2024 INTEGER NOT NULL,
    licensing_reports_2025 INTEGER NOT NULL,
    licensing_reports_2026 INTEGER NOT NULL,
    licensing_reports_2027 INTEGER NOT NULL,
    licensing_reports_2028 INTEGER NOT NULL,
    licensing_reports_2029 INTEGER NOT NULL,
    licensing_reports_2030 INTEGER NOT NULL,
    licensing_reports_2031 INTEGER NOT NULL,
    licensing_reports_2032 INTEGER NOT NULL,
    licensing_reports_2033 INTEGER NOT NULL,
    licensing_reports_2034 INTEGER NOT NULL,
    licensing_reports_2035 INTEGER NOT NULL,
    licensing_reports_2036 INTEGER NOT NULL,
    licensing_reports_2037 INTEGER NOT NULL,
    licensing_reports_2038 INTEGER NOT NULL,
    licensing_reports_2039 INTEGER NOT NULL,
    licensing_decisions_2008 DOUBLE NOT NULL,
    licensing_decisions_2009 DOUBLE NOT NULL,
    licensing_decisions_2010 DOUBLE NOT NULL,
    licensing_decisions_2011 DOUBLE NOT NULL,
    licensing_decisions_2012 DOUBLE NOT NULL,
    licensing_decisions_2013 DOUBLE NOT NULL,
    licensing_decisions_2014 DOUBLE NOT NULL,
    licensing_decisions_2015 DOUBLE NOT NULL,
    licensing_decisions_2016 DOUBLE NOT NULL,
    licensing_decisions_2017 DOUBLE NOT NULL,
    licensing_decisions_2018 DOUBLE NOT NULL,
    licensing_decisions_2019 DOUBLE NOT NULL,
    licensing_decisions_2020 DOUBLE NOT NULL,
    licensing_decisions_2021 DOUBLE NOT NULL,
    licensing_decisions_2022 DOUBLE NOT NULL,
    licensing_decisions_2023 DOUBLE NOT NULL,
    licensing_decisions_2024 DOUBLE NOT NULL,
    licensing_decisions_2025 DOUBLE NOT NULL,
    licensing_decisions_2026 DOUBLE NOT NULL,
    licensing_decisions_2027 DOUBLE NOT NULL,
    licensing_decisions_2028 DOUBLE NOT NULL,
    licensing_decisions_2029 DOUBLE NOT NULL,
    licensing_decisions_2030 DOUBLE NOT NULL,
    licensing_decisions_2031 DOUBLE NOT NULL,
    licensing_decisions_2032 DOUBLE NOT NULL,
    licensing_decisions_2033 DOUBLE NOT NULL,
    licensing_decisions_2034 DOUBLE NOT NULL,
    licensing_decisions_2035 DOUBLE NOT NULL,
    licensing_decisions_2036 DOUBLE NOT NULL,
    licensing_decisions_2037 DOUBLE NOT NULL,
    licensing_decisions_2038 DOUBLE NOT NULL,
    licensing_decisions_2039 DOUBLE NOT NULL,
    proactive_reports_2008 INTEGER NOT NULL,
    proactive_reports_2009 INTEGER NOT NULL,
    proactive_reports_2010 INTEGER NOT NULL,
    proactive_reports_2011 INTEGER NOT NULL,
    proactive_reports_2012 INTEGER NOT NULL,
    proactive_reports_2013 INTEGER NOT NULL,
    proactive_reports_2014 INTEGER NOT NULL,
    proactive_reports_2015 INTEGER NOT NULL,
    proactive_reports_2016 INTEGER NOT NULL,
    proactive_reports_2017 INTEGER NOT NULL,
    proactive_reports_2018 INTEGER NOT NULL,
    proactive_reports_2019 INTEGER NOT NULL,
    proactive_reports_2020 INTEGER NOT NULL,
    proactive_reports_2021 INTEGER NOT NULL,
    proactive_reports_2022 INTEGER NOT NULL,
    proactive_reports_2023 INTEGER NOT NULL,
    proactive_reports_2024 INTEGER NOT NULL,
    proactive_reports_2025 INTEGER NOT NULL,
    proactive_reports_2026 INTEGER NOT NULL,
    proactive_reports_2027 INTEGER NOT NULL,
    proactive_reports_2028 INTEGER NOT NULL,
    proactive_reports_2029 INTEGER NOT NULL,
    proactive_reports_2030 INTEGER NOT NULL,
    proactive_reports_2031 INTEGER NOT NULL,
    proactive_reports_2032 INTEGER NOT NULL,
    proactive_reports_2033 INTEGER NOT NULL,
    proactive_reports_2034 INTEGER NOT NULL,
    proactive_reports_2035 INTEGER NOT NULL,
    proactive_reports_2036 INTEGER NOT NULL,
    proactive_reports_2037 INTEGER NOT NULL,
    proactive_reports_2038 INTEGER NOT NULL,
    proactive_reports_2039 INTEGER NOT NULL,
    proactive_items_2008 DOUBLE NOT NULL,
    proactive_items_2009 DOUBLE NOT NULL,
    proactive_items_2010 DOUBLE NOT NULL,
    proactive_items_2011 DOUBLE NOT NULL,
    proactive_items_2012 DOUBLE NOT NULL,
    proactive_items_2013 DOUBLE NOT NULL,
    proactive_items_2014 DOUBLE NOT NULL,
    proactive_items_2015 DOUBLE NOT NULL,
    proactive_items_2016 DOUBLE NOT NULL,
    proactive_items_2017 DOUBLE NOT NULL,
    proactive_items_2018 DOUBLE NOT NULL,
    proactive_items_2019 DOUBLE NOT NULL,
    proactive_items_2020 DOUBLE NOT NULL,
    proactive_items_2021 DOUBLE NOT NULL,
    proactive_items_2022 DOUBLE NOT NULL,
    proactive_items_2023 DOUBLE NOT NULL,
    proactive_items_2024 DOUBLE NOT NULL,
    proactive_items_2025 DOUBLE NOT NULL,
    proactive_items_2026 DOUBLE NOT NULL,
    proactive_items_2027 DOUBLE NOT NULL,
    proactive_items_2028 DOUBLE NOT NULL,
    proactive_items_2029 DOUBLE NOT NULL,
    proactive_items_2030 DOUBLE NOT NULL,
    proactive_items_2031 DOUBLE NOT NULL,
    proactive_items_2032 DOUBLE NOT NULL,
    proactive_items_2033 DOUBLE NOT NULL,
    proactive_items_2034 DOUBLE NOT NULL,
    proactive_items_2035 DOUBLE NOT NULL,
    proactive_items_2036 DOUBLE NOT NULL,
    proactive_items_2037 DOUBLE NOT NULL,
    proactive_items_2038 DOUBLE NOT NULL,
    proactive_items_2039 DOUBLE NOT NULL,
    apps_reports_2008 INTEGER NOT NULL,
    apps_reports_2009 INTEGER NOT NULL,
    apps_reports_2010 INTEGER NOT NULL,
    apps_reports_2011 INTEGER NOT NULL,
    apps_reports_2012 INTEGER NOT NULL,
    apps_reports_2013 INTEGER NOT NULL,
    apps_reports_2014 INTEGER NOT NULL,
    apps_reports_2015 INTEGER NOT NULL,
    apps_reports_2016 INTEGER NOT NULL,
    apps_reports_2017 INTEGER NOT NULL,
    apps_reports_2018 INTEGER NOT NULL,
    apps_reports_2019 INTEGER NOT NULL,
    apps_reports_2020 INTEGER NOT NULL,
    apps_reports_2021 INTEGER NOT NULL,
    apps_reports_2022 INTEGER NOT NULL,
    apps_reports_2023 INTEGER NOT NULL,
    apps_reports_2024 INTEGER NOT NULL,
    apps_reports_2025 INTEGER NOT NULL,
    apps_reports_2026 INTEGER NOT NULL,
    apps_reports_2027 INTEGER NOT NULL,
    apps_reports_2028 INTEGER NOT NULL,
    apps_reports_2029 INTEGER NOT NULL,
    apps_reports_2030 INTEGER NOT NULL,
    apps_reports_2031 INTEGER NOT NULL,
    apps_reports_2032 INTEGER NOT NULL,
    apps_reports_2033 INTEGER NOT NULL,
    apps_reports_2034 INTEGER NOT NULL,
    apps_reports_2035 INTEGER NOT NULL,
    apps_reports_2036 INTEGER NOT NULL,
    apps_reports_2037 INTEGER NOT NULL,
    apps_reports_2038 INTEGER NOT NULL,
    apps_reports_2039 INTEGER NOT NULL,
    apps_total_2008 DOUBLE NOT NULL,
    apps_total_2009 DOUBLE NOT NULL,
    apps_total_2010 DOUBLE NOT NULL,
    apps_total_2011 DOUBLE NOT NULL,
    apps_total_2012 DOUBLE NOT NULL,
    apps_total_2013 DOUBLE NOT NULL,
    apps_total_2014 DOUBLE NOT NULL,
    apps_total_2015 DOUBLE NOT NULL,
    apps_total_2016 DOUBLE NOT NULL,
    apps_total_2017 DOUBLE NOT NULL,
    apps_total_2018 DOUBLE NOT NULL,
    apps_total_2019 DOUBLE NOT NULL,
    apps_total_2020 DOUBLE NOT NULL,
    apps_total_2021 DOUBLE NOT NULL,
    apps_total_2022 DOUBLE NOT NULL,
    apps_total_2023 DOUBLE NOT NULL,
    apps_total_2024 DOUBLE NOT NULL,
    apps_total_2025 DOUBLE NOT NULL,
    apps_total_2026 DOUBLE NOT NULL,
    apps_total_2027 DOUBLE NOT NULL,
    apps_total_2028 DOUBLE NOT NULL,
    apps_total_2029 DOUBLE NOT NULL,
    apps_total_2030 DOUBLE NOT NULL,
    apps_total_2031 DOUBLE NOT NULL,
    apps_total_2032 DOUBLE NOT NULL,
    apps_total_2033 DOUBLE NOT NULL,
    apps_total_2034 DOUBLE NOT NULL,
    apps_total_2035 DOUBLE NOT NULL,
    apps_total_2036 DOUBLE NOT NULL,
    apps_total_2037 DOUBLE NOT NULL,
    apps_total_2038 DOUBLE NOT NULL,
    apps_total_2039 DOUBLE NOT NULL
);

-- The agencies whose current reports changed since store.agency_totals was
-- built: their rows there are not read.
CREATE TABLE store.agency_totals_changed (
    agency_id BIGINT NOT NULL
);

-- The current summary rows the totals sum, with the hash of each that the
-- fingerprint combines (every column the sums read) and whether its
-- figures are whole numbers (NULL is: it adds nothing).
CREATE MACRO store.agency_totals_sources() AS TABLE
SELECT s.agency_id, s.year, s.licensing_stated, s.licensing_decisions, s.proactive_items, s.apps_stated, s.apps_total,
       hash(s.report_id, s.year, s.licensing_stated, s.licensing_decisions, s.proactive_items, s.apps_stated,
            s.apps_total) AS h,
       coalesce(s.licensing_decisions = trunc(s.licensing_decisions), true)
         AND coalesce(s.proactive_items = trunc(s.proactive_items), true)
         AND coalesce(s.apps_total = trunc(s.apps_total), true) AS whole
FROM store.report_summary s
WHERE s.is_current;

-- The table's definition: one row per agency with a current report; the
-- running totals of the years in the window (the PIVOT's sums of each
-- year, added up year by year).

CREATE MACRO store.agency_totals_rows() AS TABLE
WITH r AS (
    SELECT * FROM store.agency_totals_sources()
), y AS (
    SELECT r.agency_id, r.year,
           count(*) FILTER (WHERE r.licensing_stated) AS ln,
           coalesce(sum(r.licensing_decisions) FILTER (WHERE r.licensing_stated), 0) AS lv,
           count(r.proactive_items) AS pn, coalesce(sum(r.proactive_items), 0) AS pv,
           count(*) FILTER (WHERE r.apps_stated) AS an,
           coalesce(sum(r.apps_total) FILTER (WHERE r.apps_stated), 0) AS av
    FROM r
    WHERE r.year BETWEEN 2008 AND 2039
    GROUP BY r.agency_id, r.year
), e AS (
    SELECT r.agency_id,
           bool_and(r.year BETWEEN 2008 AND 2039 AND r.whole)
             AND greatest(coalesce(sum(abs(r.licensing_decisions)), 0), coalesce(sum(abs(r.proactive_items)), 0),
                          coalesce(sum(abs(r.apps_total)), 0)) < 4503599627370496 AS exact,
           bit_xor(r.h) AS fingerprint
    FROM r
    GROUP BY r.agency_id
), p AS (
    PIVOT (SELECT agency_id, year, ln, lv, pn, pv, an, av FROM y) ON year IN (2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035, 2036, 2037, 2038, 2039)
    USING sum(ln) AS ln, sum(lv) AS lv, sum(pn) AS pn, sum(pv) AS pv, sum(an) AS an, sum(av) AS av
    GROUP BY agency_id
)
SELECT e.agency_id, e.exact, e.fingerprint,
       coalesce(p."2008_ln", 0)::INTEGER AS licensing_reports_2008,
       licensing_reports_2008 + coalesce(p."2009_ln", 0)::INTEGER AS licensing_reports_2009,
       licensing_reports_2009 + coalesce(p."2010_ln", 0)::INTEGER AS licensing_reports_2010,
       licensing_reports_2010 + coalesce(p."2011_ln", 0)::INTEGER AS licensing_reports_2011,
       licensing_reports_2011 + coalesce(p."2012_ln", 0)::INTEGER AS licensing_reports_2012,
       licensing_reports_2012 + coalesce(p."2013_ln", 0)::INTEGER AS licensing_reports_2013,
       licensing_reports_2013 + coalesce(p."2014_ln", 0)::INTEGER AS licensing_reports_2014,
       licensing_reports_2014 + coalesce(p."2015_ln", 0)::INTEGER AS licensing_reports_2015,
       licensing_reports_2015 + coalesce(p."2016_ln", 0)::INTEGER AS licensing_reports_2016,
       licensing_reports_2016 + coalesce(p."2017_ln", 0)::INTEGER AS licensing_reports_2017,
       licensing_reports_2017 + coalesce(p."2018_ln", 0)::INTEGER AS licensing_reports_2018,
       licensing_reports_2018 + coalesce(p."2019_ln", 0)::INTEGER AS licensing_reports_2019,
       licensing_reports_2019 + coalesce(p."2020_ln", 0)::INTEGER AS licensing_reports_2020,
       licensing_reports_2020 + coalesce(p."2021_ln", 0)::INTEGER AS licensing_reports_2021,
       licensing_reports_2021 + coalesce(p."2022_ln", 0)::INTEGER AS licensing_reports_2022,
       licensing_reports_2022 + coalesce(p."2023_ln", 0)::INTEGER AS licensing_reports_2023,
       licensing_reports_2023 + coalesce(p."2024_ln", 0)::INTEGER AS licensing_reports_2024,
       licensing_reports_2024 + coalesce(p."2025_ln", 0)::INTEGER AS licensing_reports_2025,
       licensing_reports_2025 + coalesce(p."2026_ln", 0)::INTEGER AS licensing_reports_2026,
       licensing_reports_2026 + coalesce(p."2027_ln", 0)::INTEGER AS licensing_reports_2027,
       licensing_reports_2027 + coalesce(p."2028_ln", 0)::INTEGER AS licensing_reports_2028,
       licensing_reports_2028 + coalesce(p."2029_ln", 0)::INTEGER AS licensing_reports_2029,
       licensing_reports_2029 + coalesce(p."2030_ln", 0)::INTEGER AS licensing_reports_2030,
       licensing_reports_2030 + coalesce(p."2031_ln", 0)::INTEGER AS licensing_reports_2031,
       licensing_reports_2031 + coalesce(p."2032_ln", 0)::INTEGER AS licensing_reports_2032,
       licensing_reports_2032 + coalesce(p."2033_ln", 0)::INTEGER AS licensing_reports_2033,
       licensing_reports_2033 + coalesce(p."2034_ln", 0)::INTEGER AS licensing_reports_2034,
       licensing_reports_2034 + coalesce(p."2035_ln", 0)::INTEGER AS licensing_reports_2035,
       licensing_reports_2035 + coalesce(p."2036_ln", 0)::INTEGER AS licensing_reports_2036,
       licensing_reports_2036 + coalesce(p."2037_ln", 0)::INTEGER AS licensing_reports_2037,
       licensing_reports_2037 + coalesce(p."2038_ln", 0)::INTEGER AS licensing_reports_2038,
       licensing_reports_2038 + coalesce(p."2039_ln", 0)::INTEGER AS licensing_reports_2039,
       coalesce(p."2008_lv", 0)::DOUBLE AS licensing_decisions_2008,
       licensing_decisions_2008 + coalesce(p."2009_lv", 0)::DOUBLE AS licensing_decisions_2009,
       licensing_decisions_2009 + coalesce(p."2010_lv", 0)::DOUBLE AS licensing_decisions_2010,
       licensing_decisions_2010 + coalesce(p."2011_lv", 0)::DOUBLE AS licensing_decisions_2011,
       licensing_decisions_2011 + coalesce(p."2012_lv", 0)::DOUBLE AS licensing_decisions_2012,
       licensing_decisions_2012 + coalesce(p."2013_lv", 0)::DOUBLE AS licensing_decisions_2013,
       licensing_decisions_2013 + coalesce(p."2014_lv", 0)::DOUBLE AS licensing_decisions_2014,
       licensing_decisions_2014 + coalesce(p."2015_lv", 0)::DOUBLE AS licensing_decisions_2015,
       licensing_decisions_2015 + coalesce(p."2016_lv", 0)::DOUBLE AS licensing_decisions_2016,
       licensing_decisions_2016 + coalesce(p."2017_lv", 0)::DOUBLE AS licensing_decisions_2017,
       licensing_decisions_2017 + coalesce(p."2018_lv", 0)::DOUBLE AS licensing_decisions_2018,
       licensing_decisions_2018 + coalesce(p."2019_lv", 0)::DOUBLE AS licensing_decisions_2019,
       licensing_decisions_2019 + coalesce(p."2020_lv", 0)::DOUBLE AS licensing_decisions_2020,
       licensing_decisions_2020 + coalesce(p."2021_lv", 0)::DOUBLE AS licensing_decisions_2021,
       licensing_decisions_2021 + coalesce(p."2022_lv", 0)::DOUBLE AS licensing_decisions_2022,
       licensing_decisions_2022 + coalesce(p."2023_lv", 0)::DOUBLE AS licensing_decisions_2023,
       licensing_decisions_2023 + coalesce(p."2024_lv", 0)::DOUBLE AS licensing_decisions_2024,
       licensing_decisions_2024 + coalesce(p."2025_lv", 0)::DOUBLE AS licensing_decisions_2025,
       licensing_decisions_2025 + coalesce(p."2026_lv", 0)::DOUBLE AS licensing_decisions_2026,
       licensing_decisions_2026 + coalesce(p."2027_lv", 0)::DOUBLE AS licensing_decisions_2027,
       licensing_decisions_2027 + coalesce(p."2028_lv", 0)::DOUBLE AS licensing_decisions_2028,
       licensing_decisions_2028 + coalesce(p."2029_lv", 0)::DOUBLE AS licensing_decisions_2029,
       licensing_decisions_2029 + coalesce(p."2030_lv", 0)::DOUBLE AS licensing_decisions_2030,
       licensing_decisions_2030 + coalesce(p."2031_lv", 0)::DOUBLE AS licensing_decisions_2031,
       licensing_decisions_2031 + coalesce(p."2032_lv", 0)::DOUBLE AS licensing_decisions_2032,
       licensing_decisions_2032 + coalesce(p."2033_lv", 0)::DOUBLE AS licensing_decisions_2033,
       licensing_decisions_2033 + coalesce(p."2034_lv", 0)::DOUBLE AS licensing_decisions_2034,
       licensing_decisions_2034 + coalesce(p."2035_lv", 0)::DOUBLE AS licensing_decisions_2035,
       licensing_decisions_2035 + coalesce(p."2036_lv", 0)::DOUBLE AS licensing_decisions_2036,
       licensing_decisions_2036 + coalesce(p."2037_lv", 0)::DOUBLE AS licensing_decisions_2037,
       licensing_decisions_2037 + coalesce(p."2038_lv", 0)::DOUBLE AS licensing_decisions_2038,
       licensing_decisions_2038 + coalesce(p."2039_lv", 0)::DOUBLE AS licensing_decisions_2039,
       coalesce(p."2008_pn", 0)::INTEGER AS proactive_reports_2008,
       proactive_reports_2008 + coalesce(p."2009_pn", 0)::INTEGER AS proactive_reports_2009,
       proactive_reports_2009 + coalesce(p."2010_pn", 0)::INTEGER AS proactive_reports_2010,
       proactive_reports_2010 + coalesce(p."2011_pn", 0)::INTEGER AS proactive_reports_2011,
       proactive_reports_2011 + coalesce(p."2012_pn", 0)::INTEGER AS proactive_reports_2012,
       proactive_reports_2012 + coalesce(p."2013_pn", 0)::INTEGER AS proactive_reports_2013,
       proactive_reports_2013 + coalesce(p."2014_pn", 0)::INTEGER AS proactive_reports_2014,
       proactive_reports_2014 + coalesce(p."2015_pn", 0)::INTEGER AS proactive_reports_2015,
       proactive_reports_2015 + coalesce(p."2016_pn", 0)::INTEGER AS proactive_reports_2016,
       proactive_reports_2016 + coalesce(p."2017_pn", 0)::INTEGER AS proactive_reports_2017,
       proactive_reports_2017 + coalesce(p."2018_pn", 0)::INTEGER AS proactive_reports_2018,
       proactive_reports_2018 + coalesce(p."2019_pn", 0)::INTEGER AS proactive_reports_2019,
       proactive_reports_2019 + coalesce(p."2020_pn", 0)::INTEGER AS proactive_reports_2020,
       proactive_reports_2020 + coalesce(p."2021_pn", 0)::INTEGER AS proactive_reports_2021,
       proactive_reports_2021 + coalesce(p."2022_pn", 0)::INTEGER AS proactive_reports_2022,
       proactive_reports_2022 + coalesce(p."2023_pn", 0)::INTEGER AS proactive_reports_2023,
       proactive_reports_2023 + coalesce(p."2024_pn", 0)::INTEGER AS proactive_reports_2024,
       proactive_reports_2024 + coalesce(p."2025_pn", 0)::INTEGER AS proactive_reports_2025,
       proactive_reports_2025 + coalesce(p."2026_pn", 0)::INTEGER AS proactive_reports_2026,
       proactive_reports_2026 + coalesce(p."2027_pn", 0)::INTEGER AS proactive_reports_2027,
       proactive_reports_2027 + coalesce(p."2028_pn", 0)::INTEGER AS proactive_reports_2028,
       proactive_reports_2028 + coalesce(p."2029_pn", 0)::INTEGER AS proactive_reports_2029,
       proactive_reports_2029 + coalesce(p."2030_pn", 0)::INTEGER AS proactive_reports_2030,
       proactive_reports_2030 + coalesce(p."2031_pn", 0)::INTEGER AS proactive_reports_2031,
       proactive_reports_2031 + coalesce(p."2032_pn", 0)::INTEGER AS proactive_reports_2032,
       proactive_reports_2032 + coalesce(p."2033_pn", 0)::INTEGER AS proactive_reports_2033,
       proactive_reports_2033 + coalesce(p."2034_pn", 0)::INTEGER AS proactive_reports_2034,
       proactive_reports_2034 + coalesce(p."2035_pn", 0)::INTEGER AS proactive_reports_2035,
       proactive_reports_2035 + coalesce(p."2036_pn", 0)::INTEGER AS proactive_reports_2036,
       proactive_reports_2036 + coalesce(p."2037_pn", 0)::INTEGER AS proactive_reports_2037,
       proactive_reports_2037 + coalesce(p."2038_pn", 0)::INTEGER AS proactive_reports_2038,
       proactive_reports_2038 + coalesce(p."2039_pn", 0)::INTEGER AS proactive_reports_2039,
       coalesce(p."2008_pv", 0)::DOUBLE AS proactive_items_2008,
       proactive_items_2008 + coalesce(p."2009_pv", 0)::DOUBLE AS proactive_items_2009,
       proactive_items_2009 + coalesce(p."2010_pv", 0)::DOUBLE AS proactive_items_2010,
       proactive_items_2010 + coalesce(p."2011_pv", 0)::DOUBLE AS proactive_items_2011,
       proactive_items_2011 + coalesce(p."2012_pv", 0)::DOUBLE AS proactive_items_2012,
       proactive_items_2012 + coalesce(p."2013_pv", 0)::DOUBLE AS proactive_items_2013,
       proactive_items_2013 + coalesce(p."2014_pv", 0)::DOUBLE AS proactive_items_2014,
       proactive_items_2014 + coalesce(p."2015_pv", 0)::DOUBLE AS proactive_items_2015,
       proactive_items_2015 + coalesce(p."2016_pv", 0)::DOUBLE AS proactive_items_2016,
       proactive_items_2016 + coalesce(p."2017_pv", 0)::DOUBLE AS proactive_items_2017,
       proactive_items_2017 + coalesce(p."2018_pv", 0)::DOUBLE AS proactive_items_2018,
       proactive_items_2018 + coalesce(p."2019_pv", 0)::DOUBLE AS proactive_items_2019,
       proactive_items_2019 + coalesce(p."2020_pv", 0)::DOUBLE AS proactive_items_2020,
       proactive_items_2020 + coalesce(p."2021_pv", 0)::DOUBLE AS proactive_items_2021,
       proactive_items_2021 + coalesce(p."2022_pv", 0)::DOUBLE AS proactive_items_2022,
       proactive_items_2022 + coalesce(p."2023_pv", 0)::DOUBLE AS proactive_items_2023,
       proactive_items_2023 + coalesce(p."2024_pv", 0)::DOUBLE AS proactive_items_2024,
       proactive_items_2024 + coalesce(p."2025_pv", 0)::DOUBLE AS proactive_items_2025,
       proactive_items_2025 + coalesce(p."2026_pv", 0)::DOUBLE AS proactive_items_2026,
       proactive_items_2026 + coalesce(p."2027_pv", 0)::DOUBLE AS proactive_items_2027,
       proactive_items_2027 + coalesce(p."2028_pv", 0)::DOUBLE AS proactive_items_2028,
       proactive_items_2028 + coalesce(p."2029_pv", 0)::DOUBLE AS proactive_items_2029,
       proactive_items_2029 + coalesce(p."2030_pv", 0)::DOUBLE AS proactive_items_2030,
       proactive_items_2030 + coalesce(p."2031_pv", 0)::DOUBLE AS proactive_items_2031,
       proactive_items_2031 + coalesce(p."2032_pv", 0)::DOUBLE AS proactive_items_2032,
       proactive_items_2032 + coalesce(p."2033_pv", 0)::DOUBLE AS proactive_items_2033,
       proactive_items_2033 + coalesce(p."2034_pv", 0)::DOUBLE AS proactive_items_2034,
       proactive_items_2034 + coalesce(p."2035_pv", 0)::DOUBLE AS proactive_items_2035,
       proactive_items_2035 + coalesce(p."2036_pv", 0)::DOUBLE AS proactive_items_2036,
       proactive_items_2036 + coalesce(p."2037_pv", 0)::DOUBLE AS proactive_items_2037,
       proactive_items_2037 + coalesce(p."2038_pv", 0)::DOUBLE AS proactive_items_2038,
       proactive_items_2038 + coalesce(p."2039_pv", 0)::DOUBLE AS proactive_items_2039,
       coalesce(p."2008_an", 0)::INTEGER AS apps_reports_2008,
       apps_reports_2008 + coalesce(p."2009_an", 0)::INTEGER AS apps_reports_2009,
       apps_reports_2009 + coalesce(p."2010_an", 0)::INTEGER AS apps_reports_2010,
       apps_reports_2010 + coalesce(p."2011_an", 0)::INTEGER AS apps_reports_2011,
       apps_reports_2011 + coalesce(p."2012_an", 0)::INTEGER AS apps_reports_2012,
       apps_reports_2012 + coalesce(p."2013_an", 0)::INTEGER AS apps_reports_2013,
       apps_reports_2013 + coalesce(p."2014_an", 0)::INTEGER AS apps_reports_2014,
       apps_reports_2014 + coalesce(p."2015_an", 0)::INTEGER AS apps_reports_2015,
       apps_reports_2015 + coalesce(p."2016_an", 0)::INTEGER AS apps_reports_2016,
       apps_reports_2016 + coalesce(p."2017_an", 0)::INTEGER AS apps_reports_2017,
       apps_reports_2017 + coalesce(p."2018_an", 0)::INTEGER AS apps_reports_2018,
       apps_reports_2018 + coalesce(p."2019_an", 0)::INTEGER AS apps_reports_2019,
       apps_reports_2019 + coalesce(p."2020_an", 0)::INTEGER AS apps_reports_2020,
       apps_reports_2020 + coalesce(p."2021_an", 0)::INTEGER AS apps_reports_2021,
       apps_reports_2021 + coalesce(p."2022_an", 0)::INTEGER AS apps_reports_2022,
       apps_reports_2022 + coalesce(p."2023_an", 0)::INTEGER AS apps_reports_2023,
       apps_reports_2023 + coalesce(p."2024_an", 0)::INTEGER AS apps_reports_2024,
       apps_reports_2024 + coalesce(p."2025_an", 0)::INTEGER AS apps_reports_2025,
       apps_reports_2025 + coalesce(p."2026_an", 0)::INTEGER AS apps_reports_2026,
       apps_reports_2026 + coalesce(p."2027_an", 0)::INTEGER AS apps_reports_2027,
       apps_reports_2027 + coalesce(p."2028_an", 0)::INTEGER AS apps_reports_2028,
       apps_reports_2028 + coalesce(p."2029_an", 0)::INTEGER AS apps_reports_2029,
       apps_reports_2029 + coalesce(p."2030_an", 0)::INTEGER AS apps_reports_2030,
       apps_reports_2030 + coalesce(p."2031_an", 0)::INTEGER AS apps_reports_2031,
       apps_reports_2031 + coalesce(p."2032_an", 0)::INTEGER AS apps_reports_2032,
       apps_reports_2032 + coalesce(p."2033_an", 0)::INTEGER AS apps_reports_2033,
       apps_reports_2033 + coalesce(p."2034_an", 0)::INTEGER AS apps_reports_2034,
       apps_reports_2034 + coalesce(p."2035_an", 0)::INTEGER AS apps_reports_2035,
       apps_reports_2035 + coalesce(p."2036_an", 0)::INTEGER AS apps_reports_2036,
       apps_reports_2036 + coalesce(p."2037_an", 0)::INTEGER AS apps_reports_2037,
       apps_reports_2037 + coalesce(p."2038_an", 0)::INTEGER AS apps_reports_2038,
       apps_reports_2038 + coalesce(p."2039_an", 0)::INTEGER AS apps_reports_2039,
       coalesce(p."2008_av", 0)::DOUBLE AS apps_total_2008,
       apps_total_2008 + coalesce(p."2009_av", 0)::DOUBLE AS apps_total_2009,
       apps_total_2009 + coalesce(p."2010_av", 0)::DOUBLE AS apps_total_2010,
       apps_total_2010 + coalesce(p."2011_av", 0)::DOUBLE AS apps_total_2011,
       apps_total_2011 + coalesce(p."2012_av", 0)::DOUBLE AS apps_total_2012,
       apps_total_2012 + coalesce(p."2013_av", 0)::DOUBLE AS apps_total_2013,
       apps_total_2013 + coalesce(p."2014_av", 0)::DOUBLE AS apps_total_2014,
       apps_total_2014 + coalesce(p."2015_av", 0)::DOUBLE AS apps_total_2015,
       apps_total_2015 + coalesce(p."2016_av", 0)::DOUBLE AS apps_total_2016,
       apps_total_2016 + coalesce(p."2017_av", 0)::DOUBLE AS apps_total_2017,
       apps_total_2017 + coalesce(p."2018_av", 0)::DOUBLE AS apps_total_2018,
       apps_total_2018 + coalesce(p."2019_av", 0)::DOUBLE AS apps_total_2019,
       apps_total_2019 + coalesce(p."2020_av", 0)::DOUBLE AS apps_total_2020,
       apps_total_2020 + coalesce(p."2021_av", 0)::DOUBLE AS apps_total_2021,
       apps_total_2021 + coalesce(p."2022_av", 0)::DOUBLE AS apps_total_2022,
       apps_total_2022 + coalesce(p."2023_av", 0)::DOUBLE AS apps_total_2023,
       apps_total_2023 + coalesce(p."2024_av", 0)::DOUBLE AS apps_total_2024,
       apps_total_2024 + coalesce(p."2025_av", 0)::DOUBLE AS apps_total_2025,
       apps_total_2025 + coalesce(p."2026_av", 0)::DOUBLE AS apps_total_2026,
       apps_total_2026 + coalesce(p."2027_av", 0)::DOUBLE AS apps_total_2027,
       apps_total_2027 + coalesce(p."2028_av", 0)::DOUBLE AS apps_total_2028,
       apps_total_2028 + coalesce(p."2029_av", 0)::DOUBLE AS apps_total_2029,
       apps_total_2029 + coalesce(p."2030_av", 0)::DOUBLE AS apps_total_2030,
       apps_total_2030 + coalesce(p."2031_av", 0)::DOUBLE AS apps_total_2031,
       apps_total_2031 + coalesce(p."2032_av", 0)::DOUBLE AS apps_total_2032,
       apps_total_2032 + coalesce(p."2033_av", 0)::DOUBLE AS apps_total_2033,
       apps_total_2033 + coalesce(p."2034_av", 0)::DOUBLE AS apps_total_2034,
       apps_total_2034 + coalesce(p."2035_av", 0)::DOUBLE AS apps_total_2035,
       apps_total_2035 + coalesce(p."2036_av", 0)::DOUBLE AS apps_total_2036,
       apps_total_2036 + coalesce(p."2037_av", 0)::DOUBLE AS apps_total_2037,
       apps_total_2037 + coalesce(p."2038_av", 0)::DOUBLE AS apps_total_2038,
       apps_total_2038 + coalesce(p."2039_av", 0)::DOUBLE AS apps_total_2039
FROM e LEFT JOIN p ON p.agency_id = e.agency_id;

-- The table is not built here: at 1M reports the build needs more memory
-- than gongkai serve allows DuckDB (it ran out at 512MB, and a server that
-- opened an older file would not start). Every agency is listed as changed
-- instead, so the rankings sum them all from their summary rows, exactly,
-- until gongkai compact (or serve's background pass) builds the table.
INSERT INTO store.agency_totals_changed SELECT a.agency_id FROM store.agencies a;

-- The rankings' sums per agency over the years from year_from to year_to
-- (either NULL for open), one macro per ranking so that a query binds the
-- two columns it reads and no more (binding the CASEs costs more than
-- reading the table): for every agency with a current report, the reports
-- that state the figure and the figure's sum (0 when none). Rows whose count
-- is 0 in the range may be listed: the queries keep the agencies their own
-- count or sum selects. The first branch reads the kept totals of the
-- agencies they hold exactly and that have not changed since; the second
-- sums the summary rows of the others, as the queries did. An agency of the
-- first branch has no report outside the window, so a bound beyond it reads
-- the window's first or last column. A range with year_from > year_to
-- selects nothing, as in the summary.

-- licensing_totals: licensing_reports counts the reports stating licensing
-- decisions (licensing_stated), licensing_decisions sums them.
CREATE MACRO licensing_totals(year_from, year_to) AS TABLE
SELECT t.agency_id,
       ((CASE coalesce(year_to, 2039) WHEN 2008 THEN t.licensing_reports_2008 WHEN 2009 THEN t.licensing_reports_2009 WHEN 2010 THEN t.licensing_reports_2010 WHEN 2011 THEN t.licensing_reports_2011 WHEN 2012 THEN t.licensing_reports_2012 WHEN 2013 THEN t.licensing_reports_2013 WHEN 2014 THEN t.licensing_reports_2014 WHEN 2015 THEN t.licensing_reports_2015 WHEN 2016 THEN t.licensing_reports_2016 WHEN 2017 THEN t.licensing_reports_2017 WHEN 2018 THEN t.licensing_reports_2018 WHEN 2019 THEN t.licensing_reports_2019 WHEN 2020 THEN t.licensing_reports_2020 WHEN 2021 THEN t.licensing_reports_2021 WHEN 2022 THEN t.licensing_reports_2022 WHEN 2023 THEN t.licensing_reports_2023 WHEN 2024 THEN t.licensing_reports_2024 WHEN 2025 THEN t.licensing_reports_2025 WHEN 2026 THEN t.licensing_reports_2026 WHEN 2027 THEN t.licensing_reports_2027 WHEN 2028 THEN t.licensing_reports_2028 WHEN 2029 THEN t.licensing_reports_2029 WHEN 2030 THEN t.licensing_reports_2030 WHEN 2031 THEN t.licensing_reports_2031 WHEN 2032 THEN t.licensing_reports_2032 WHEN 2033 THEN t.licensing_reports_2033 WHEN 2034 THEN t.licensing_reports_2034 WHEN 2035 THEN t.licensing_reports_2035 WHEN 2036 THEN t.licensing_reports_2036 WHEN 2037 THEN t.licensing_reports_2037 WHEN 2038 THEN t.licensing_reports_2038 WHEN 2039 THEN t.licensing_reports_2039
                 ELSE CASE WHEN year_to < 2008 THEN 0 ELSE t.licensing_reports_2039 END END)
        - (CASE coalesce(year_from, 2008) WHEN 2009 THEN t.licensing_reports_2008 WHEN 2010 THEN t.licensing_reports_2009 WHEN 2011 THEN t.licensing_reports_2010 WHEN 2012 THEN t.licensing_reports_2011 WHEN 2013 THEN t.licensing_reports_2012 WHEN 2014 THEN t.licensing_reports_2013 WHEN 2015 THEN t.licensing_reports_2014 WHEN 2016 THEN t.licensing_reports_2015 WHEN 2017 THEN t.licensing_reports_2016 WHEN 2018 THEN t.licensing_reports_2017 WHEN 2019 THEN t.licensing_reports_2018 WHEN 2020 THEN t.licensing_reports_2019 WHEN 2021 THEN t.licensing_reports_2020 WHEN 2022 THEN t.licensing_reports_2021 WHEN 2023 THEN t.licensing_reports_2022 WHEN 2024 THEN t.licensing_reports_2023 WHEN 2025 THEN t.licensing_reports_2024 WHEN 2026 THEN t.licensing_reports_2025 WHEN 2027 THEN t.licensing_reports_2026 WHEN 2028 THEN t.licensing_reports_2027 WHEN 2029 THEN t.licensing_reports_2028 WHEN 2030 THEN t.licensing_reports_2029 WHEN 2031 THEN t.licensing_reports_2030 WHEN 2032 THEN t.licensing_reports_2031 WHEN 2033 THEN t.licensing_reports_2032 WHEN 2034 THEN t.licensing_reports_2033 WHEN 2035 THEN t.licensing_reports_2034 WHEN 2036 THEN t.licensing_reports_2035 WHEN 2037 THEN t.licensing_reports_2036 WHEN 2038 THEN t.licensing_reports_2037 WHEN 2039 THEN t.licensing_reports_2038 WHEN 2040 THEN t.licensing_reports_2039
                 ELSE CASE WHEN year_from IS NULL OR year_from <= 2008 THEN 0 ELSE t.licensing_reports_2039 END END))::BIGINT AS licensing_reports,
       ((CASE coalesce(year_to, 2039) WHEN 2008 THEN t.licensing_decisions_2008 WHEN 2009 THEN t.licensing_decisions_2009 WHEN 2010 THEN t.licensing_decisions_2010 WHEN 2011 THEN t.licensing_decisions_2011 WHEN 2012 THEN t.licensing_decisions_2012 WHEN 2013 THEN t.licensing_decisions_2013 WHEN 2014 THEN t.licensing_decisions_2014 WHEN 2015 THEN t.licensing_decisions_2015 WHEN 2016 THEN t.licensing_decisions_2016 WHEN 2017 THEN t.licensing_decisions_2017 WHEN 2018 THEN t.licensing_decisions_2018 WHEN 2019 THEN t.licensing_decisions_2019 WHEN 2020 THEN t.licensing_decisions_2020 WHEN 2021 THEN t.licensing_decisions_2021 WHEN 2022 THEN t.licensing_decisions_2022 WHEN 2023 THEN t.licensing_decisions_2023 WHEN 2024 THEN t.licensing_decisions_2024 WHEN 2025 THEN t.licensing_decisions_2025 WHEN 2026 THEN t.licensing_decisions_2026 WHEN 2027 THEN t.licensing_decisions_2027 WHEN 2028 THEN t.licensing_decisions_2028 WHEN 2029 THEN t.licensing_decisions_2029 WHEN 2030 THEN t.licensing_decisions_2030 WHEN 2031 THEN t.licensing_decisions_2031 WHEN 2032 THEN t.licensing_decisions_2032 WHEN 2033 THEN t.licensing_decisions_2033 WHEN 2034 THEN t.licensing_decisions_2034 WHEN 2035 THEN t.licensing_decisions_2035 WHEN 2036 THEN t.licensing_decisions_2036 WHEN 2037 THEN t.licensing_decisions_2037 WHEN 2038 THEN t.licensing_decisions_2038 WHEN 2039 THEN t.licensing_decisions_2039
                 ELSE CASE WHEN year_to < 2008 THEN 0 ELSE t.licensing_decisions_2039 END END)
        - (CASE coalesce(year_from, 2008) WHEN 2009 THEN t.licensing_decisions_2008 WHEN 2010 THEN t.licensing_decisions_2009 WHEN 2011 THEN t.licensing_decisions_2010 WHEN 2012 THEN t.licensing_decisions_2011 WHEN 2013 THEN t.licensing_decisions_2012 WHEN 2014 THEN t.licensing_decisions_2013 WHEN 2015 THEN t.licensing_decisions_2014 WHEN 2016 THEN t.licensing_decisions_2015 WHEN 2017 THEN t.licensing_decisions_2016 WHEN 2018 THEN t.licensing_decisions_2017 WHEN 2019 THEN t.licensing_decisions_2018 WHEN 2020 THEN t.licensing_decisions_2019 WHEN 2021 THEN t.licensing_decisions_2020 WHEN 2022 THEN t.licensing_decisions_2021 WHEN 2023 THEN t.licensing_decisions_2022 WHEN 2024 THEN t.licensing_decisions_2023 WHEN 2025 THEN t.licensing_decisions_2024 WHEN 2026 THEN t.licensing_decisions_2025 WHEN 2027 THEN t.licensing_decisions_2026 WHEN 2028 THEN t.licensing_decisions_2027 WHEN 2029 THEN t.licensing_decisions_2028 WHEN 2030 THEN t.licensing_decisions_2029 WHEN 2031 THEN t.licensing_decisions_2030 WHEN 2032 THEN t.licensing_decisions_2031 WHEN 2033 THEN t.licensing_decisions_2032 WHEN 2034 THEN t.licensing_decisions_2033 WHEN 2035 THEN t.licensing_decisions_2034 WHEN 2036 THEN t.licensing_decisions_2035 WHEN 2037 THEN t.licensing_decisions_2036 WHEN 2038 THEN t.licensing_decisions_2037 WHEN 2039 THEN t.licensing_decisions_2038 WHEN 2040 THEN t.licensing_decisions_2039
                 ELSE CASE WHEN year_from IS NULL OR year_from <= 2008 THEN 0 ELSE t.licensing_decisions_2039 END END))::DOUBLE AS licensing_decisions
FROM store.agency_totals t
WHERE t.exact
  AND (year_from IS NULL OR year_to IS NULL OR year_from <= year_to)
  AND t.agency_id NOT IN (SELECT c.agency_id FROM store.agency_totals_changed c)
UNION ALL
SELECT s.agency_id, count(*) FILTER (WHERE s.licensing_stated) AS licensing_reports,
       coalesce(sum(s.licensing_decisions) FILTER (WHERE s.licensing_stated), 0) AS licensing_decisions
FROM store.report_summary s
WHERE s.is_current
  AND (year_from IS NULL OR s.year >= year_from)
  AND (year_to IS NULL OR s.year <= year_to)
  AND s.agency_id IN (SELECT c.agency_id FROM store.agency_totals_changed c
                      UNION ALL
                      SELECT t.agency_id FROM store.agency_totals t WHERE NOT t.exact)
GROUP BY s.agency_id;

-- proactive_totals: proactive_reports counts the reports stating
-- proactive_items, proactive_items sums them.
CREATE MACRO proactive_totals(year_from, year_to) AS TABLE
SELECT t.agency_id,
       ((CASE coalesce(year_to, 2039) WHEN 2008 THEN t.proactive_reports_2008 WHEN 2009 THEN t.proactive_reports_2009 WHEN 2010 THEN t.proactive_reports_2010 WHEN 2011 THEN t.proactive_reports_2011 WHEN 2012 THEN t.proactive_reports_2012 WHEN 2013 THEN t.proactive_reports_2013 WHEN 2014 THEN t.proactive_reports_2014 WHEN 2015 THEN t.proactive_reports_2015 WHEN 2016 THEN t.proactive_reports_2016 WHEN 2017 THEN t.proactive_reports_2017 WHEN 2018 THEN t.proactive_reports_2018 WHEN 2019 THEN t.proactive_reports_2019 WHEN 2020 THEN t.proactive_reports_2020 WHEN 2021 THEN t.proactive_reports_2021 WHEN 2022 THEN t.proactive_reports_2022 WHEN 2023 THEN t.proactive_reports_2023 WHEN 2024 THEN t.proactive_reports_2024 WHEN 2025 THEN t.proactive_reports_2025 WHEN 2026 THEN t.proactive_reports_2026 WHEN 2027 THEN t.proactive_reports_2027 WHEN 2028 THEN t.proactive_reports_2028 WHEN 2029 THEN t.proactive_reports_2029 WHEN 2030 THEN t.proactive_reports_2030 WHEN 2031 THEN t.proactive_reports_2031 WHEN 2032 THEN t.proactive_reports_2032 WHEN 2033 THEN t.proactive_reports_2033 WHEN 2034 THEN t.proactive_reports_2034 WHEN 2035 THEN t.proactive_reports_2035 WHEN 2036 THEN t.proactive_reports_2036 WHEN 2037 THEN t.proactive_reports_2037 WHEN 2038 THEN t.proactive_reports_2038 WHEN 2039 THEN t.proactive_reports_2039
                 ELSE CASE WHEN year_to < 2008 THEN 0 ELSE t.proactive_reports_2039 END END)
        - (CASE coalesce(year_from, 2008) WHEN 2009 THEN t.proactive_reports_2008 WHEN 2010 THEN t.proactive_reports_2009 WHEN 2011 THEN t.proactive_reports_2010 WHEN 2012 THEN t.proactive_reports_2011 WHEN 2013 THEN t.proactive_reports_2012 WHEN 2014 THEN t.proactive_reports_2013 WHEN 2015 THEN t.proactive_reports_2014 WHEN 2016 THEN t.proactive_reports_2015 WHEN 2017 THEN t.proactive_reports_2016 WHEN 2018 THEN t.proactive_reports_2017 WHEN 2019 THEN t.proactive_reports_2018 WHEN 2020 THEN t.proactive_reports_2019 WHEN 2021 THEN t.proactive_reports_2020 WHEN 2022 THEN t.proactive_reports_2021 WHEN 2023 THEN t.proactive_reports_2022 WHEN 2024 THEN t.proactive_reports_2023 WHEN 2025 THEN t.proactive_reports_2024 WHEN 2026 THEN t.proactive_reports_2025 WHEN 2027 THEN t.proactive_reports_2026 WHEN 2028 THEN t.proactive_reports_2027 WHEN 2029 THEN t.proactive_reports_2028 WHEN 2030 THEN t.proactive_reports_2029 WHEN 2031 THEN t.proactive_reports_2030 WHEN 2032 THEN t.proactive_reports_2031 WHEN 2033 THEN t.proactive_reports_2032 WHEN 2034 THEN t.proactive_reports_2033 WHEN 2035 THEN t.proactive_reports_2034 WHEN 2036 THEN t.proactive_reports_2035 WHEN 2037 THEN t.proactive_reports_2036 WHEN 2038 THEN t.proactive_reports_2037 WHEN 2039 THEN t.proactive_reports_2038 WHEN 2040 THEN t.proactive_reports_2039
                 ELSE CASE WHEN year_from IS NULL OR year_from <= 2008 THEN 0 ELSE t.proactive_reports_2039 END END))::BIGINT AS proactive_reports,
       ((CASE coalesce(year_to, 2039) WHEN 2008 THEN t.proactive_items_2008 WHEN 2009 THEN t.proactive_items_2009 WHEN 2010 THEN t.proactive_items_2010 WHEN 2011 THEN t.proactive_items_2011 WHEN 2012 THEN t.proactive_items_2012 WHEN 2013 THEN t.proactive_items_2013 WHEN 2014 THEN t.proactive_items_2014 WHEN 2015 THEN t.proactive_items_2015 WHEN 2016 THEN t.proactive_items_2016 WHEN 2017 THEN t.proactive_items_2017 WHEN 2018 THEN t.proactive_items_2018 WHEN 2019 THEN t.proactive_items_2019 WHEN 2020 THEN t.proactive_items_2020 WHEN 2021 THEN t.proactive_items_2021 WHEN 2022 THEN t.proactive_items_2022 WHEN 2023 THEN t.proactive_items_2023 WHEN 2024 THEN t.proactive_items_2024 WHEN 2025 THEN t.proactive_items_2025 WHEN 2026 THEN t.proactive_items_2026 WHEN 2027 THEN t.proactive_items_2027 WHEN 2028 THEN t.proactive_items_2028 WHEN 2029 THEN t.proactive_items_2029 WHEN 2030 THEN t.proactive_items_2030 WHEN 2031 THEN t.proactive_items_2031 WHEN 2032 THEN t.proactive_items_2032 WHEN 2033 THEN t.proactive_items_2033 WHEN 2034 THEN t.proactive_items_2034 WHEN 2035 THEN t.proactive_items_2035 WHEN 2036 THEN t.proactive_items_2036 WHEN 2037 THEN t.proactive_items_2037 WHEN 2038 THEN t.proactive_items_2038 WHEN 2039 THEN t.proactive_items_2039
                 ELSE CASE WHEN year_to < 2008 THEN 0 ELSE t.proactive_items_2039 END END)
        - (CASE coalesce(year_from, 2008) WHEN 2009 THEN t.proactive_items_2008 WHEN 2010 THEN t.proactive_items_2009 WHEN 2011 THEN t.proactive_items_2010 WHEN 2012 THEN t.proactive_items_2011 WHEN 2013 THEN t.proactive_items_2012 WHEN 2014 THEN t.proactive_items_2013 WHEN 2015 THEN t.proactive_items_2014 WHEN 2016 THEN t.proactive_items_2015 WHEN 2017 THEN t.proactive_items_2016 WHEN 2018 THEN t.proactive_items_2017 WHEN 2019 THEN t.proactive_items_2018 WHEN 2020 THEN t.proactive_items_2019 WHEN 2021 THEN t.proactive_items_2020 WHEN 2022 THEN t.proactive_items_2021 WHEN 2023 THEN t.proactive_items_2022 WHEN 2024 THEN t.proactive_items_2023 WHEN 2025 THEN t.proactive_items_2024 WHEN 2026 THEN t.proactive_items_2025 WHEN 2027 THEN t.proactive_items_2026 WHEN 2028 THEN t.proactive_items_2027 WHEN 2029 THEN t.proactive_items_2028 WHEN 2030 THEN t.proactive_items_2029 WHEN 2031 THEN t.proactive_items_2030 WHEN 2032 THEN t.proactive_items_2031 WHEN 2033 THEN t.proactive_items_2032 WHEN 2034 THEN t.proactive_items_2033 WHEN 2035 THEN t.proactive_items_2034 WHEN 2036 THEN t.proactive_items_2035 WHEN 2037 THEN t.proactive_items_2036 WHEN 2038 THEN t.proactive_items_2037 WHEN 2039 THEN t.proactive_items_2038 WHEN 2040 THEN t.proactive_items_2039
                 ELSE CASE WHEN year_from IS NULL OR year_from <= 2008 THEN 0 ELSE t.proactive_items_2039 END END))::DOUBLE AS proactive_items
FROM store.agency_totals t
WHERE t.exact
  AND (year_from IS NULL OR year_to IS NULL OR year_from <= year_to)
  AND t.agency_id NOT IN (SELECT c.agency_id FROM store.agency_totals_changed c)
UNION ALL
SELECT s.agency_id, count(s.proactive_items) AS proactive_reports,
       coalesce(sum(s.proactive_items), 0) AS proactive_items
FROM store.report_summary s
WHERE s.is_current
  AND (year_from IS NULL OR s.year >= year_from)
  AND (year_to IS NULL OR s.year <= year_to)
  AND s.agency_id IN (SELECT c.agency_id FROM store.agency_totals_changed c
                      UNION ALL
                      SELECT t.agency_id FROM store.agency_totals t WHERE NOT t.exact)
GROUP BY s.agency_id;

-- application_totals: apps_reports counts the reports with an apps.* cell
-- (apps_stated), apps_total sums their 办理总计.
CREATE MACRO application_totals(year_from, year_to) AS TABLE
SELECT t.agency_id,
       ((CASE coalesce(year_to, 2039) WHEN 2008 THEN t.apps_reports_2008 WHEN 2009 THEN t.apps_reports_2009 WHEN 2010 THEN t.apps_reports_2010 WHEN 2011 THEN t.apps_reports_2011 WHEN 2012 THEN t.apps_reports_2012 WHEN 2013 THEN t.apps_reports_2013 WHEN 2014 THEN t.apps_reports_2014 WHEN 2015 THEN t.apps_reports_2015 WHEN 2016 THEN t.apps_reports_2016 WHEN 2017 THEN t.apps_reports_2017 WHEN 2018 THEN t.apps_reports_2018 WHEN 2019 THEN t.apps_reports_2019 WHEN 2020 THEN t.apps_reports_2020 WHEN 2021 THEN t.apps_reports_2021 WHEN 2022 THEN t.apps_reports_2022 WHEN 2023 THEN t.apps_reports_2023 WHEN 2024 THEN t.apps_reports_2024 WHEN 2025 THEN t.apps_reports_2025 WHEN 2026 THEN t.apps_reports_2026 WHEN 2027 THEN t.apps_reports_2027 WHEN 2028 THEN t.apps_reports_2028 WHEN 2029 THEN t.apps_reports_2029 WHEN 2030 THEN t.apps_reports_2030 WHEN 2031 THEN t.apps_reports_2031 WHEN 2032 THEN t.apps_reports_2032 WHEN 2033 THEN t.apps_reports_2033 WHEN 2034 THEN t.apps_reports_2034 WHEN 2035 THEN t.apps_reports_2035 WHEN 2036 THEN t.apps_reports_2036 WHEN 2037 THEN t.apps_reports_2037 WHEN 2038 THEN t.apps_reports_2038 WHEN 2039 THEN t.apps_reports_2039
                 ELSE CASE WHEN year_to < 2008 THEN 0 ELSE t.apps_reports_2039 END END)
        - (CASE coalesce(year_from, 2008) WHEN 2009 THEN t.apps_reports_2008 WHEN 2010 THEN t.apps_reports_2009 WHEN 2011 THEN t.apps_reports_2010 WHEN 2012 THEN t.apps_reports_2011 WHEN 2013 THEN t.apps_reports_2012 WHEN 2014 THEN t.apps_reports_2013 WHEN 2015 THEN t.apps_reports_2014 WHEN 2016 THEN t.apps_reports_2015 WHEN 2017 THEN t.apps_reports_2016 WHEN 2018 THEN t.apps_reports_2017 WHEN 2019 THEN t.apps_reports_2018 WHEN 2020 THEN t.apps_reports_2019 WHEN 2021 THEN t.apps_reports_2020 WHEN 2022 THEN t.apps_reports_2021 WHEN 2023 THEN t.apps_reports_2022 WHEN 2024 THEN t.apps_reports_2023 WHEN 2025 THEN t.apps_reports_2024 WHEN 2026 THEN t.apps_reports_2025 WHEN 2027 THEN t.apps_reports_2026 WHEN 2028 THEN t.apps_reports_2027 WHEN 2029 THEN t.apps_reports_2028 WHEN 2030 THEN t.apps_reports_2029 WHEN 2031 THEN t.apps_reports_2030 WHEN 2032 THEN t.apps_reports_2031 WHEN 2033 THEN t.apps_reports_2032 WHEN 2034 THEN t.apps_reports_2033 WHEN 2035 THEN t.apps_reports_2034 WHEN 2036 THEN t.apps_reports_2035 WHEN 2037 THEN t.apps_reports_2036 WHEN 2038 THEN t.apps_reports_2037 WHEN 2039 THEN t.apps_reports_2038 WHEN 2040 THEN t.apps_reports_2039
                 ELSE CASE WHEN year_from IS NULL OR year_from <= 2008 THEN 0 ELSE t.apps_reports_2039 END END))::BIGINT AS apps_reports,
       ((CASE coalesce(year_to, 2039) WHEN 2008 THEN t.apps_total_2008 WHEN 2009 THEN t.apps_total_2009 WHEN 2010 THEN t.apps_total_2010 WHEN 2011 THEN t.apps_total_2011 WHEN 2012 THEN t.apps_total_2012 WHEN 2013 THEN t.apps_total_2013 WHEN 2014 THEN t.apps_total_2014 WHEN 2015 THEN t.apps_total_2015 WHEN 2016 THEN t.apps_total_2016 WHEN 2017 THEN t.apps_total_2017 WHEN 2018 THEN t.apps_total_2018 WHEN 2019 THEN t.apps_total_2019 WHEN 2020 THEN t.apps_total_2020 WHEN 2021 THEN t.apps_total_2021 WHEN 2022 THEN t.apps_total_2022 WHEN 2023 THEN t.apps_total_2023 WHEN 2024 THEN t.apps_total_2024 WHEN 2025 THEN t.apps_total_2025 WHEN 2026 THEN t.apps_total_2026 WHEN 2027 THEN t.apps_total_2027 WHEN 2028 THEN t.apps_total_2028 WHEN 2029 THEN t.apps_total_2029 WHEN 2030 THEN t.apps_total_2030 WHEN 2031 THEN t.apps_total_2031 WHEN 2032 THEN t.apps_total_2032 WHEN 2033 THEN t.apps_total_2033 WHEN 2034 THEN t.apps_total_2034 WHEN 2035 THEN t.apps_total_2035 WHEN 2036 THEN t.apps_total_2036 WHEN 2037 THEN t.apps_total_2037 WHEN 2038 THEN t.apps_total_2038 WHEN 2039 THEN t.apps_total_2039
                 ELSE CASE WHEN year_to < 2008 THEN 0 ELSE t.apps_total_2039 END END)
        - (CASE coalesce(year_from, 2008) WHEN 2009 THEN t.apps_total_2008 WHEN 2010 THEN t.apps_total_2009 WHEN 2011 THEN t.apps_total_2010 WHEN 2012 THEN t.apps_total_2011 WHEN 2013 THEN t.apps_total_2012 WHEN 2014 THEN t.apps_total_2013 WHEN 2015 THEN t.apps_total_2014 WHEN 2016 THEN t.apps_total_2015 WHEN 2017 THEN t.apps_total_2016 WHEN 2018 THEN t.apps_total_2017 WHEN 2019 THEN t.apps_total_2018 WHEN 2020 THEN t.apps_total_2019 WHEN 2021 THEN t.apps_total_2020 WHEN 2022 THEN t.apps_total_2021 WHEN 2023 THEN t.apps_total_2022 WHEN 2024 THEN t.apps_total_2023 WHEN 2025 THEN t.apps_total_2024 WHEN 2026 THEN t.apps_total_2025 WHEN 2027 THEN t.apps_total_2026 WHEN 2028 THEN t.apps_total_2027 WHEN 2029 THEN t.apps_total_2028 WHEN 2030 THEN t.apps_total_2029 WHEN 2031 THEN t.apps_total_2030 WHEN 2032 THEN t.apps_total_2031 WHEN 2033 THEN t.apps_total_2032 WHEN 2034 THEN t.apps_total_2033 WHEN 2035 THEN t.apps_total_2034 WHEN 2036 THEN t.apps_total_2035 WHEN 2037 THEN t.apps_total_2036 WHEN 2038 THEN t.apps_total_2037 WHEN 2039 THEN t.apps_total_2038 WHEN 2040 THEN t.apps_total_2039
                 ELSE CASE WHEN year_from IS NULL OR year_from <= 2008 THEN 0 ELSE t.apps_total_2039 END END))::DOUBLE AS apps_total
FROM store.agency_totals t
WHERE t.exact
  AND (year_from IS NULL OR year_to IS NULL OR year_from <= year_to)
  AND t.agency_id NOT IN (SELECT c.agency_id FROM store.agency_totals_changed c)
UNION ALL
SELECT s.agency_id, count(*) FILTER (WHERE s.apps_stated) AS apps_reports,
       coalesce(sum(s.apps_total) FILTER (WHERE s.apps_stated), 0) AS apps_total
FROM store.report_summary s
WHERE s.is_current
  AND (year_from IS NULL OR s.year >= year_from)
  AND (year_to IS NULL OR s.year <= year_to)
  AND s.agency_id IN (SELECT c.agency_id FROM store.agency_totals_changed c
                      UNION ALL
                      SELECT t.agency_id FROM store.agency_totals t WHERE NOT t.exact)
GROUP BY s.agency_id;
