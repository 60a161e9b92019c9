-- agency_names: the names of the agencies whose ids $1 lists, comma-
-- separated (a bound text, never spliced), for the names warehouse.Query
-- keeps by id (agencyNames): region_agencies' ranked form returns its
-- listed agencies without their names, which only this reads, for the
-- ids not kept yet. An id no agency has returns no row.
SELECT a.agency_id, a.name
FROM store.agencies a
WHERE a.agency_id IN (SELECT unnest(string_split($1, ',')::BIGINT[]))
