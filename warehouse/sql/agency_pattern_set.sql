-- agency_pattern_set: sets store.agencies.pattern (0073) of the agencies in
-- temp.main.status_ids (status_ids_create; $1 and $2 are their least
-- and greatest ids) to their
-- store.agency_status row's pattern, NULL for an agency without a row,
-- after agency_status_add has written them. The BETWEEN bounds, implied by
-- the list, let zone maps skip the row groups of other agencies in both
-- tables: without them every group of a bulk load scanned all of
-- store.agencies and store.agency_status, 13 ms a group of 4,096 reports
-- at a million (6 ms with them), a cost that grew with the warehouse.
UPDATE store.agencies a
SET pattern = (SELECT s.pattern FROM store.agency_status s
               WHERE s.agency_id = a.agency_id AND s.agency_id BETWEEN $1 AND $2)
WHERE a.agency_id BETWEEN $1 AND $2
  AND a.agency_id IN (SELECT agency_id FROM temp.main.status_ids);
