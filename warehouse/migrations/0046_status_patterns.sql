-- 0046_status_patterns: store.status_patterns numbers each distinct row of
-- store.agency_status (first year and the three bit sets of years: its
-- pattern), and store.agency_status.pattern names its row's pattern.
-- 报送与质量 (queries/quality_matrix.sql, quality_by_year.sql) needs, for
-- every selected agency, whether it has a year of each status in the
-- selected years: computed from the 128-bit sets of each of the ~170,000
-- agencies at 1M reports, the shifts and masks alone cost ~30 ms of CPU a
-- request, and grouping the agencies by their four columns ~10 ms. The
-- agencies repeat a few thousand patterns (1,485 at 1M reports): the
-- queries now count the selected agencies per pattern (an INTEGER) and test
-- the patterns, not the agencies.
--
-- A pattern is never renumbered: the writer adds the patterns it lacks
-- before it writes an agency's row (warehouse/status.go), and a pattern no
-- agency has any more stays (the queries read the patterns the agencies
-- name, never the table whole). Open's check of store.agency_status
-- (agency_status_stale.sql) also holds every row's pattern to the row, and
-- rebuilds both tables when one differs.
CREATE TABLE store.status_patterns (
    pattern    INTEGER NOT NULL,
    first_year INTEGER NOT NULL,
    reported   HUGEINT NOT NULL,
    errors     HUGEINT NOT NULL,
    warnings   HUGEINT NOT NULL
);

-- NOT NULL as the other columns, set before the rows are written again
-- (DuckDB refuses it after a change of rows in the same transaction).
ALTER TABLE store.agency_status ADD COLUMN pattern INTEGER DEFAULT 0;
ALTER TABLE store.agency_status ALTER COLUMN pattern SET NOT NULL;

-- store.status_patterns as the queries read it: in the Parquet lake the bit
-- sets are DECIMAL(38, 0), as store.agency_status's (store.agency_bits).
CREATE MACRO store.pattern_bits() AS TABLE
SELECT p.pattern, p.first_year, p.reported::HUGEINT AS reported, p.errors::HUGEINT AS errors,
       p.warnings::HUGEINT AS warnings
FROM store.status_patterns p;

-- As agency_status_rebuild.sql: the patterns of the rows as they stand,
-- numbered in their order, and the rows written again with them.
INSERT INTO store.status_patterns
SELECT row_number() OVER (ORDER BY first_year, reported, errors, warnings)::INTEGER, first_year, reported, errors, warnings
FROM (SELECT DISTINCT first_year, reported, errors, warnings FROM store.agency_status);

CREATE TEMP TABLE status_0046 AS
SELECT s.agency_id, s.first_year, s.reported, s.errors, s.warnings, p.pattern
FROM store.agency_status s
JOIN store.status_patterns p USING (first_year, reported, errors, warnings);
DELETE FROM store.agency_status;
INSERT INTO store.agency_status (agency_id, first_year, reported, errors, warnings, pattern)
SELECT * FROM status_0046 ORDER BY agency_id;
DROP TABLE status_0046;
