-- 0015_region_rollup: store.region_rollup, the figures of the current
-- reports summed per year, region (province, city) and level of their
-- agency, for every measure and applicant: what the regional roll-up
-- (queries/region_rollup.sql) adds up. Summing store.figures for a region
-- read every figure of the year on each request (200M figures at 1M
-- reports, seconds); this table has one row per group and cell (a few
-- hundred thousand at 1M).
--
-- The writer keeps it in step inside the transaction that changes what it
-- sums (warehouse/rollup.go): a load or a confirmation subtracts the figures
-- of the versions it retires and adds those of the versions it makes
-- current; a region correction moves the agency's current reports from the
-- old group to the new. figures counts the figure rows (a blank cell is a
-- row), stated the non-blank ones, value their sum (NULL while stated is
-- 0): a blank stays a gap, never a 0. Open rebuilds the table with the
-- summary when another path left store.reports out of step.
CREATE TABLE store.region_rollup (
    year         INTEGER NOT NULL,
    province     VARCHAR,
    city         VARCHAR,
    level        VARCHAR,
    measure_id   INTEGER NOT NULL,
    applicant_id INTEGER NOT NULL,
    figures      BIGINT  NOT NULL,
    stated       BIGINT  NOT NULL,
    value        DOUBLE
);

-- What the current reports with lo <= report_id <= hi add to the roll-up,
-- under their agency's region as it stands.
CREATE MACRO store.rollup_rows(lo, hi) AS TABLE
SELECT r.year, a.province, a.city, a.level, f.measure_id, f.applicant_id,
       count(*) AS figures, count(f.value) AS stated, fsum(f.value) AS value
FROM store.figures f
JOIN store.reports r ON r.report_id = f.report_id
JOIN store.agencies a ON a.agency_id = r.agency_id
WHERE f.report_id BETWEEN lo AND hi AND r.report_id BETWEEN lo AND hi AND r.is_current
GROUP BY r.year, a.province, a.city, a.level, f.measure_id, f.applicant_id;

INSERT INTO store.region_rollup SELECT * FROM store.rollup_rows(0, 9223372036854775807);
