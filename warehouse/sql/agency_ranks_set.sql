-- agency_ranks_set: gives every agency its place in the order of the agencies by
-- name (0086), all in one statement, so that every rank comes from one order.
UPDATE store.agencies a SET name_rank = o.name_rank
FROM (SELECT agency_id, (row_number() OVER (ORDER BY name, agency_id))::INTEGER AS name_rank FROM store.agencies) o
WHERE o.agency_id = a.agency_id;
