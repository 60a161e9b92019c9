-- agency_places: the name, city and level of the agencies whose ids $1
-- lists, comma-separated (a bound text, never spliced), for the places
-- warehouse keeps by id (agencyPlacesByID): region_figure's form by agency
-- named in Go lists its rows by agency id, and only this reads their
-- places, for the ids not kept yet. An id no agency has returns no row.
SELECT a.agency_id, a.name, a.city, a.level
FROM store.agencies a
WHERE a.agency_id IN (SELECT unnest(string_split($1, ',')::BIGINT[]))
