-- agency_places_all: every agency's name, city and level, for the places
-- warehouse keeps by id (WarmPlaces: read ahead at the dashboard's warm-up,
-- after a start or an upload, so that region_figure's form named in Go
-- finds them kept rather than reading each request's agencies by id, about
-- as dear as the join it saves).
SELECT a.agency_id, a.name, a.city, a.level
FROM store.agencies a
