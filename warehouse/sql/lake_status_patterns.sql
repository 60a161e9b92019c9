-- lake_status_patterns: store.status_patterns for the Parquet lake (see
-- Export), with the bit sets as DECIMAL(38, 0) as in lake_agency_status.sql;
-- store.pattern_bits reads them back as bits.
SELECT t.pattern, t.first_year, t.reported::DECIMAL(38, 0) AS reported, t.errors::DECIMAL(38, 0) AS errors,
       t.warnings::DECIMAL(38, 0) AS warnings
FROM store.status_patterns t
ORDER BY t.pattern;
