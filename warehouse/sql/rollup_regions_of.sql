-- rollup_regions_of: the regions of the agencies in list $1 as they stand in this
-- transaction (province, city, county, level: what both roll-ups group by), for the
-- roll-ups' deltas the writer sums itself (warehouse/fresh.go). The BETWEEN bounds the
-- scan by zone maps; the IN is a hash join.
SELECT agency_id, province, city, county, level FROM store.agencies
WHERE agency_id BETWEEN list_min($1::BIGINT[]) AND list_max($1::BIGINT[])
  AND agency_id IN (SELECT unnest($1::BIGINT[]));
