-- 0031_status_years: store.agency_status takes only the years its bit sets
-- can hold (1990–2100, bit y - 1990 of a HUGEINT). The loader refuses other
-- years, but a year set by hand in store.reports (2200, 1800) made the shift
-- in store.year_bit overflow, so Open's check of the table failed and the
-- server could not start. Such a report now has no place in 报送与质量's
-- bit sets; Open names it in the log (warehouse/status.go), and every other
-- page reads it from store.reports as it stands.
CREATE OR REPLACE MACRO store.agency_status_rows(lo, hi, ids) AS TABLE
SELECT r.agency_id, min(r.year) AS first_year,
       bit_or(store.year_bit(r.year)) AS reported,
       coalesce(bit_or(store.year_bit(r.year)) FILTER (WHERE r.errors > 0), 0) AS errors,
       coalesce(bit_or(store.year_bit(r.year)) FILTER (WHERE r.errors = 0 AND r.warnings > 0), 0) AS warnings
FROM store.reports r
WHERE r.is_current AND r.agency_id BETWEEN lo AND hi
  AND (ids IS NULL OR r.agency_id IN (SELECT unnest(ids)))
  AND r.year BETWEEN 1990 AND 2100
GROUP BY r.agency_id;
