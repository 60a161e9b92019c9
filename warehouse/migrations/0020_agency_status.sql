-- 0020_agency_status: store.agency_status, one row per agency with a current
-- report: the first year it reported and, as bit sets over the years, the
-- years it has a current report, one with errors, one with warnings only.
-- 报送与质量 (queries/quality_matrix.sql, quality_by_year.sql) needs, for
-- every selected agency, whether it is missing a year, has errors or
-- warnings in the selected years: at national scale that was a cross join
-- of 170,000 agencies with the years, joined to a million current reports
-- and grouped back per agency on every request. With the bit sets it is one
-- pass over the agencies.
--
-- Bit y - 1990 stands for year y (the loader accepts 1990–2100: 111 bits of
-- a HUGEINT). The writer refreshes the rows of the agencies whose reports a
-- transaction adds, retires, confirms or recounts, in that transaction
-- (warehouse/status.go); Open compares the table with
-- store.agency_status_rows over every agency and rebuilds it when they
-- differ (a repair of store.reports by hand).

-- The bit of year y.
CREATE MACRO store.year_bit(y) AS (1::HUGEINT << (y - 1990)::HUGEINT);

-- The bits of the years from y0 to y1, either end NULL for open; none when
-- y0 > y1. The ends are held to 1990–2100, so that no shift overflows.
CREATE MACRO store.year_bits(y0, y1) AS (
    CASE WHEN greatest(coalesce(y0, 1990), 1990) > least(coalesce(y1, 2100), 2100) THEN 0::HUGEINT
         ELSE (1::HUGEINT << (least(coalesce(y1, 2100), 2100) - 1990 + 1)::HUGEINT)
              - (1::HUGEINT << (greatest(coalesce(y0, 1990), 1990) - 1990)::HUGEINT) END
);

CREATE TABLE store.agency_status (
    agency_id  BIGINT  NOT NULL,
    first_year INTEGER NOT NULL,
    reported   HUGEINT NOT NULL,
    errors     HUGEINT NOT NULL,
    warnings   HUGEINT NOT NULL
);

-- The rows of the agencies with lo <= agency_id <= hi, and in the list ids
-- unless it is NULL, from their current reports: the range bounds the scan
-- of store.reports (zone maps), the list picks the agencies of a
-- transaction by a hash join rather than a search of the list per report.
-- warnings holds the years whose report has warnings and no errors, as the
-- matrix's status does.
CREATE MACRO store.agency_status_rows(lo, hi, ids) AS TABLE
SELECT r.agency_id, min(r.year) AS first_year,
       bit_or(store.year_bit(r.year)) AS reported,
       coalesce(bit_or(store.year_bit(r.year)) FILTER (WHERE r.errors > 0), 0) AS errors,
       coalesce(bit_or(store.year_bit(r.year)) FILTER (WHERE r.errors = 0 AND r.warnings > 0), 0) AS warnings
FROM store.reports r
WHERE r.is_current AND r.agency_id BETWEEN lo AND hi
  AND (ids IS NULL OR r.agency_id IN (SELECT unnest(ids)))
GROUP BY r.agency_id;

-- store.agency_status as the queries read it. The casts do nothing in the
-- warehouse; in the Parquet lake, which has no 128-bit integers, the bit
-- sets are written as DECIMAL(38, 0) (exact, where DuckDB would write a
-- HUGEINT as a DOUBLE) and read back into bits here.
CREATE MACRO store.agency_bits() AS TABLE
SELECT s.agency_id, s.first_year, s.reported::HUGEINT AS reported, s.errors::HUGEINT AS errors,
       s.warnings::HUGEINT AS warnings
FROM store.agency_status s;

INSERT INTO store.agency_status SELECT * FROM store.agency_status_rows(0, 9223372036854775807, NULL);
