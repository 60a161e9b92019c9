-- lake_agency_status: store.agency_status for the Parquet lake (see Export), with
-- the folder column lake_province (its agency's). Parquet has no 128-bit
-- integer (DuckDB writes a HUGEINT as a DOUBLE, losing the later years' bits):
-- the bit sets go as DECIMAL(38, 0), exact, and store.agency_bits reads them
-- back as bits. The cells (0063) go as they are.
SELECT t.agency_id, t.first_year, t.reported::DECIMAL(38, 0) AS reported, t.errors::DECIMAL(38, 0) AS errors,
       t.warnings::DECIMAL(38, 0) AS warnings, t.pattern, t.cells, a.province AS lake_province
FROM store.agency_status t
JOIN store.agencies a USING (agency_id)
ORDER BY t.agency_id;
