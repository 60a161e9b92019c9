-- agency_pattern_set: sets store.agencies.pattern (0073) of the agencies in
-- list $1 to their store.agency_status row's pattern, NULL for an agency
-- without a row, after agency_status_add has written them.
UPDATE store.agencies a
SET pattern = (SELECT s.pattern FROM store.agency_status s WHERE s.agency_id = a.agency_id)
WHERE a.agency_id IN (SELECT unnest($1::BIGINT[]));
