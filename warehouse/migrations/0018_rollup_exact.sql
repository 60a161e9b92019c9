-- 0018_rollup_exact: store.region_rollup keeps exact sums, and knows the
-- regions it was summed under.
--
-- The writer keeps the roll-up by adding and subtracting the figures of the
-- versions a change makes current or retires (warehouse/rollup.go). In
-- DOUBLE every such step rounds, so after many re-uploads of fractional
-- figures (万元 fees) a kept sum drifted from the sum of its figures (0.1 +
-- 0.2 - 0.1 is not 0.2). value is now DECIMAL(38, 6): each figure counts as
-- its value to 6 decimals (万元 to the 分; counts are whole), and sums of
-- those are exact in any order, so the kept table equals one built afresh,
-- cell for cell. 6 decimals keep every figure below 9e9 as the report wrote
-- it, a figure of more decimals counts rounded to 6, and 32 integer digits
-- leave room for any sum: no figure of 1e15 or more is stored
-- (gongkai.MaxFigure).
--
-- The table is left empty here and filled by Open, which rebuilds it after
-- the migrations because rollup_state names no regions yet (checkRollup):
-- filled here, the sums overflowed and failed the migration on a warehouse
-- that holds a figure an older loader accepted (1e32 or more), so that the
-- server could not start; 0019 blanks such figures first. (Until
-- 2026-12-04 this file filled the table itself; a warehouse that ran it so
-- is unaffected, as a migration runs once.)
DROP TABLE store.region_rollup;
CREATE TABLE store.region_rollup (
    year         INTEGER NOT NULL,
    province     VARCHAR,
    city         VARCHAR,
    level        VARCHAR,
    measure_id   INTEGER NOT NULL,
    applicant_id INTEGER NOT NULL,
    figures      BIGINT  NOT NULL,
    stated       BIGINT  NOT NULL,
    value        DECIMAL(38, 6)
);

-- What the current reports with lo <= report_id <= hi, and in the list ids
-- unless it is NULL, add to the roll-up, under their agency's region as it
-- stands. The range bounds the scan, so that DuckDB reads only the row
-- groups of store.figures that hold those reports (a list alone would read
-- every row group). One macro serves a rebuild, a range of new reports and
-- a run of retired ones (0015 had the list filter copied into a statement).
DROP MACRO TABLE store.rollup_rows;
CREATE MACRO store.rollup_rows(lo, hi, ids) AS TABLE
SELECT r.year, a.province, a.city, a.level, f.measure_id, f.applicant_id,
       count(*) AS figures, count(f.value) AS stated, sum(f.value::DECIMAL(38, 6)) AS value
FROM store.figures f
JOIN store.reports r ON r.report_id = f.report_id
JOIN store.agencies a ON a.agency_id = r.agency_id
WHERE f.report_id BETWEEN lo AND hi AND r.report_id BETWEEN lo AND hi
  AND (ids IS NULL OR list_contains(ids, f.report_id)) AND r.is_current
GROUP BY r.year, a.province, a.city, a.level, f.measure_id, f.applicant_id;

-- The regions the roll-up is summed under, as one fingerprint of every
-- agency's province, city and level. The writer moves an agency's reports
-- between groups when it corrects a region; an UPDATE of store.agencies by
-- hand does not, so Open compares store.rollup_state.regions with
-- store.rollup_regions() and rebuilds the roll-up when they differ.
CREATE MACRO store.rollup_regions() AS (
    SELECT bit_xor(hash(agency_id, province, city, level)) FROM store.agencies
);
CREATE TABLE store.rollup_state (
    regions UBIGINT
);

INSERT INTO store.rollup_state VALUES (NULL);
